import { isAscii, isUtf8 } from 'node:buffer';
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/envelope';
import { sealRoundView } from '../../../shared/api/seal';
import {
  formatPath,
  jsonSyntaxDetail,
  parseCerRecord,
  parseCerResult,
  RecordError,
  type CerRecord,
  type CerResult,
  type RoundKind,
} from '../../../shared/record';
import { tally } from '../../../shared/rules/tally';
import { scanCanonicalPayload } from './canonical-scan';
import { parseWithSharedBallots } from './shared-ballots';
import { firstDifference } from './difference';
import { writeFileDurably } from '../files/durable-write';
import {
  canonicalJson,
  hashJson,
  hashOf,
  SEALED_FILE_FORMAT,
  SEALED_PAYLOAD_FORMAT,
  sealedFileShape,
  sealedPayloadShape,
  type SealedFileFields,
  type SealedPayload,
  type SealedRound,
  type SealOverride,
  type Signoff,
} from './payload';
import { fingerprint, fingerprintMatches, normalizeFingerprint, type Fingerprint } from './station-key';

/** What the seal service gathers from the database. */
export interface SealInput {
  /** ISO 8601 with offset, from the context's clock. */
  sealedAt: string;
  /** The election definition, as the app stores it (any JSON object). */
  election: Record<string, unknown>;
  /** Every round, numbered from 1 in creation order, with its record and its stored result. */
  rounds: Array<{ number: number; kind: RoundKind; record: CerRecord; result: CerResult; signedHead?: { count: number; hash: string } }>;
  /** Every sign-off, revoked ones included. `resultHash` is the hash the person signed (see hashJson). */
  signoffs: Signoff[];
  /** The audit log's head: number of events and hash of the last one. */
  auditHead: { count: number; hash: string };
  /** 1 for the election's first sealed file, 2 for the next… (absent = 1). */
  sequence?: number;
  /** The payload hash of the sealed file this one replaces (exactly when sequence > 1). */
  supersedes?: string;
  /** The committee's override of missing sign-offs. */
  override?: SealOverride;
}

/** The parts of the station key sealing needs (a StationKey fits). */
export interface SigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** One round as the sealed file states it: the contract's view (shared/api/seal.ts). */
export type RoundSummary = z.infer<typeof sealRoundView>;

export interface SealSummary {
  sealedAt: string;
  electionTitle: string;
  fingerprint: Fingerprint;
  auditHead: { count: number; hash: string };
  rounds: RoundSummary[];
  sequence: number;
  supersedes: string | null;
  override: SealOverride | null;
  payload: SealedPayload;
}

export type VerifyOutcome = { ok: true; summary: SealSummary } | { ok: false; failures: string[] };

export interface VerifyOptions {
  /** The fingerprint printed on the paper tally sheet (short or full form; spaces, dashes, case ignored). */
  expectedFingerprint?: string;
}

const both = (zh: string, en: string): string => `${zh} / ${en}`;

// ---------------------------------------------------------------------------------------------------------------
// Sealing

const sealInputShape = z.strictObject({
  sealedAt: sealedPayloadShape.shape.sealedAt,
  election: sealedPayloadShape.shape.election,
  rounds: z
    .array(
      z.strictObject({
        number: z.int().positive(),
        kind: sealedPayloadShape.shape.rounds.element.shape.kind,
        record: z.unknown(),
        result: z.unknown(),
        signedHead: sealedPayloadShape.shape.rounds.element.shape.signedHead,
      }),
    )
    .min(1, 'at least one round'),
  signoffs: sealedPayloadShape.shape.signoffs,
  auditHead: sealedPayloadShape.shape.auditHead,
  sequence: sealedPayloadShape.shape.sequence,
  supersedes: sealedPayloadShape.shape.supersedes,
  override: sealedPayloadShape.shape.override,
});

/**
 * Builds and signs a sealed result file; returns its bytes (write them with writeSealedFile).
 * Refuses input the verifier would reject: a result that is not the recount of its record, a sign-off in force
 * whose hash is not its round's result hash, rounds not numbered 1, 2, …
 */
export function sealResults(input: SealInput, key: SigningKey): Buffer {
  const parsed = sealInputShape.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError('invalid-input', `${formatPath(issue.path)}: ${issue.message}`, { path: formatPath(issue.path) });
  }
  const rounds: SealedRound[] = parsed.data.rounds.map((r, i) => {
    if (r.number !== i + 1) {
      throw new ApiError('invalid-input', both(`第 ${i + 1} 个轮次的编号是 ${r.number}，应为 ${i + 1}`, `rounds[${i}] is numbered ${r.number}, expected ${i + 1}`));
    }
    const record = reparse(() => parseCerRecord(r.record), `rounds[${i}].record`);
    const result = reparse(() => parseCerResult(r.result), `rounds[${i}].result`);
    if (record.round !== r.kind) {
      throw new ApiError('invalid-input', both(`第 ${r.number} 轮的类型 ${r.kind} 与记录中的 ${record.round} 不一致`, `round ${r.number}: kind "${r.kind}" but its record says "${record.round}"`));
    }
    const diff = firstDifference(result, tally(record));
    if (diff !== null) {
      throw new ApiError('refused', both(
        `第 ${r.number} 轮保存的结果与按记录重新计票的结果不同（${diff}）`,
        `round ${r.number}: the stored result differs from a recount of its record (${diff})`,
      ));
    }
    if (r.signedHead !== undefined && r.signedHead.count > parsed.data.auditHead.count) {
      throw new ApiError('invalid-input', both(`第 ${r.number} 轮签字时的日志位置在日志末尾之后`, `rounds[${i}].signedHead is beyond the audit head`));
    }
    return {
      number: r.number,
      kind: r.kind,
      record,
      result,
      recordHash: hashJson(record),
      resultHash: hashJson(result),
      ...(r.signedHead !== undefined ? { signedHead: r.signedHead } : {}),
    };
  });
  const sequenceProblem = supersessionProblem(parsed.data);
  if (sequenceProblem !== null) throw new ApiError('invalid-input', sequenceProblem);
  parsed.data.signoffs.forEach((s, i) => {
    const round = rounds[s.round - 1];
    if (round === undefined) {
      throw new ApiError('invalid-input', both(`签名 ${i + 1}（${s.name}）指向不存在的第 ${s.round} 轮`, `signoffs[${i}] (${s.name}) names round ${s.round}, which does not exist`));
    }
    if (s.revoked === undefined && s.resultHash !== round.resultHash) {
      throw new ApiError('refused', both(
        `${s.name}（${s.role}）签署的不是第 ${s.round} 轮的当前结果`,
        `${s.name} (${s.role}) signed a result hash that is not round ${s.round}'s current result`,
      ));
    }
  });
  const payload: SealedPayload = {
    format: SEALED_PAYLOAD_FORMAT,
    sealedAt: parsed.data.sealedAt,
    station: { fingerprint: fingerprint(key.publicKeyPem).hex, publicKey: key.publicKeyPem },
    election: parsed.data.election,
    rounds,
    signoffs: parsed.data.signoffs,
    auditHead: parsed.data.auditHead,
    ...(parsed.data.sequence !== undefined ? { sequence: parsed.data.sequence } : {}),
    ...(parsed.data.supersedes !== undefined ? { supersedes: parsed.data.supersedes } : {}),
    ...(parsed.data.override !== undefined ? { override: parsed.data.override } : {}),
  };
  return signPayload(payload, key);
}

/** A file after the first names the file it replaces, and only such a file does (null when consistent). */
function supersessionProblem(p: { sequence?: number | undefined; supersedes?: string | undefined }): string | null {
  const sequence = p.sequence ?? 1;
  if (sequence > 1 && p.supersedes === undefined) {
    return both(`这是第 ${sequence} 份封存文件，却没有注明它取代的文件 (supersedes)`, `sealed file number ${sequence} does not name the file it supersedes (supersedes)`);
  }
  if (sequence === 1 && p.supersedes !== undefined) {
    return both('第 1 份封存文件不应注明取代的文件 (supersedes)', 'the first sealed file (sequence 1) cannot supersede another (supersedes)');
  }
  return null;
}

function reparse<T>(parse: () => T, where: string): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof RecordError) throw new ApiError('invalid-input', `${where}.${e.message}`, { path: `${where}.${e.path}` });
    throw e;
  }
}

/**
 * Signs any payload value as is: canonical JSON bytes, Ed25519 signature, the file layout. No checks — sealResults
 * is the way to seal; this exists so tests and tools can build files the verifier must reject.
 */
export function signPayload(payload: unknown, key: SigningKey): Buffer {
  const bytes = Buffer.from(canonicalJson(payload), 'utf8');
  const signature = sign(null, bytes, key.privateKey);
  return Buffer.from(
    renderSealedFile({
      format: SEALED_FILE_FORMAT,
      payload: bytes.toString('base64'),
      signature: signature.toString('base64'),
      publicKey: key.publicKeyPem,
    }),
    'utf8',
  );
}

/**
 * The one layout a sealed file has: one field per line, in this order, so `sed` can cut the fields out
 * (docs/sealed-file.md). The verifier requires the file to be exactly this, so no byte can change unnoticed.
 */
export function renderSealedFile(f: Omit<SealedFileFields, 'format'> & { format: string }): string {
  return (
    '{\n' +
    `  "format": ${JSON.stringify(f.format)},\n` +
    `  "payload": ${JSON.stringify(f.payload)},\n` +
    `  "signature": ${JSON.stringify(f.signature)},\n` +
    `  "publicKey": ${JSON.stringify(f.publicKey)}\n` +
    '}\n'
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Sealed files are never replaced by accident: refused when `target` exists and overwriting was not asked for. */
export function refuseExistingTarget(target: string, overwrite: boolean): void {
  if (!overwrite && existsSync(target)) {
    throw new ApiError('refused', both(`文件 ${target} 已存在`, `${target} already exists (choose another name or allow overwriting)`), { path: target });
  }
}

/**
 * Writes a sealed file durably (files/durable-write): a temp file beside it, fsynced, read back and verified, then
 * renamed over `path`. A file that does not verify never reaches `path`. Refuses to replace an existing file unless
 * `overwrite` is set (checked before writing; not proof against another process creating the same name meanwhile,
 * which a single station does not do). `partial` names the temp file (the seal service records it first).
 */
export function writeSealedFile(
  path: string,
  bytes: Uint8Array,
  opts: VerifyOptions & { overwrite?: boolean; partial?: string } = {},
): SealSummary {
  const target = resolve(path);
  refuseExistingTarget(target, opts.overwrite === true);
  let summary: SealSummary | null = null;
  writeFileDurably(target, bytes, {
    ...(opts.partial !== undefined ? { partial: opts.partial } : {}),
    check: (back) => {
      const outcome = verifySealedFile(back, opts);
      if (!outcome.ok) {
        throw new ApiError('refused', both('封存文件未通过校验，未写入', 'the sealed file does not verify; nothing written') + ':\n' + outcome.failures.join('\n'));
      }
      summary = outcome.summary;
    },
  });
  return summary!;
}

// ---------------------------------------------------------------------------------------------------------------
// Verifying

/**
 * Checks a sealed file completely: layout, signature, the embedded key and fingerprint, every record and result
 * hash, every result against a recount of its record by the rules engine, and the sign-offs.
 * Never throws: anything wrong is a failure sentence (Chinese / English) naming the round or field.
 */
export function verifySealedFile(bytes: Uint8Array, opts: VerifyOptions = {}): VerifyOutcome {
  try {
    return verifyUnsafe(bytes, opts);
  } catch (e) {
    return { ok: false, failures: [both('校验时发生内部错误', 'internal error while verifying') + `: ${(e as Error).message}`] };
  }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The file around the payload is ASCII (base64 and PEM): copied byte for byte, without UTF-8 decoding.
  if (isAscii(buffer)) return buffer.toString('latin1');
  return isUtf8(buffer) ? buffer.toString('utf8') : null;
}

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Base64 as we write it: standard alphabet, padded, no line breaks, and the only spelling of its bytes — which, given
 * the alphabet and the padding, means the bits the padding leaves unused in the last digit are zero.
 */
export function strictBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (padding > 0) {
    const last = BASE64_DIGITS.indexOf(text[text.length - padding - 1] ?? '');
    if (last < 0 || (last & (padding === 2 ? 0x0f : 0x03)) !== 0) return null;
  }
  return Buffer.from(text, 'base64');
}

/** Base64 digits decoded a piece at a time: a multiple of 4, so pieces decode on their own. */
const BASE64_PIECE = 64 * 1024;

/**
 * strictBase64 of the text bytes [from, to) (ASCII), decoded a piece at a time: a payload of megabytes is never one
 * string, which would be as many fresh megabytes to copy into and touch. Null exactly when strictBase64 would be.
 */
export function strictBase64InPieces(buffer: Buffer, from: number, to: number): Buffer | null {
  if ((to - from) % 4 !== 0) return null;
  const out = Buffer.allocUnsafe(((to - from) / 4) * 3);
  let written = 0;
  for (let at = from; at < to; at += BASE64_PIECE) {
    const end = Math.min(to, at + BASE64_PIECE);
    const text = buffer.toString('latin1', at, end);
    // Padding may stand only at the very end, so only the last piece may have it (and unused bits to check).
    if (end === to) {
      const last = strictBase64(text);
      if (last === null) return null;
      written += last.copy(out, written);
    } else {
      if (!/^[A-Za-z0-9+/]*$/.test(text)) return null;
      written += out.write(text, written, 'base64');
    }
  }
  return out.subarray(0, written);
}

const PAYLOAD_OPENING = Buffer.from('"payload": "', 'latin1');

/**
 * The fields of a file laid out exactly as renderSealedFile writes them, read without decoding or parsing the whole
 * file (the payload is nearly all of it, and base64 needs no unescaping); null for anything else, which the general
 * path then reads, checks and names. A payload that is strict base64 comes decoded (`payloadBytes`, with `payload`
 * left empty); any other is given as its text, for the general checks to name.
 */
function fieldsAsWritten(bytes: Uint8Array): (SealedFileFields & { payloadBytes?: Buffer }) | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const opening = buffer.indexOf(PAYLOAD_OPENING);
  if (opening < 0) return null;
  const from = opening + PAYLOAD_OPENING.length;
  const to = buffer.indexOf(0x22, from);
  if (to < 0 || !isAscii(buffer.subarray(0, from)) || !isAscii(buffer.subarray(to))) return null;
  const payloadBytes = strictBase64InPieces(buffer, from, to);
  const payload = payloadBytes === null ? buffer.toString('latin1', from, to) : '';
  if (payloadBytes === null && !/^[A-Za-z0-9+/=]*$/.test(payload)) return null;
  const around = buffer.toString('latin1', 0, from) + buffer.toString('latin1', to);
  let outer: unknown;
  try {
    outer = JSON.parse(around);
  } catch {
    return null;
  }
  const parsed = sealedFileShape.safeParse(outer);
  if (!parsed.success || parsed.data.payload !== '' || renderSealedFile(parsed.data) !== around) return null;
  return payloadBytes === null ? { ...parsed.data, payload } : { ...parsed.data, payload, payloadBytes };
}

function zodFailures(error: z.ZodError, where: string): string[] {
  return error.issues.slice(0, 10).map((issue) => {
    const path = formatPath(issue.path);
    const detail = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
    return both(`${where} 的 ${path} 不正确`, `${where} ${path}: ${detail}`);
  });
}

/**
 * The fields of a file not laid out as the station writes it: a failure saying so is added when the fields can be
 * read, else the reason they cannot (one sentence, or the shape's failures).
 */
function readFieldsAnyLayout(bytes: Uint8Array, failures: string[]): SealedFileFields | string | string[] {
  const text = decodeUtf8(bytes);
  if (text === null) return both('文件不是有效的 UTF-8 文本', 'the file is not valid UTF-8 text');
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch (e) {
    return both('文件不是有效的 JSON', 'the file is not valid JSON') + ` (${jsonSyntaxDetail(e)})`;
  }
  const fields = sealedFileShape.safeParse(outer);
  if (!fields.success) return zodFailures(fields.error, 'sealed file');
  if (renderSealedFile(fields.data) !== text) {
    failures.push(both(
      '文件的排版与站点写出的不一致（有字节被改动，或被编辑器重新保存过）',
      'the file is not laid out byte for byte as the station writes it (bytes were changed, or an editor re-saved it)',
    ));
  }
  return fields.data;
}

function verifyUnsafe(bytes: Uint8Array, opts: VerifyOptions): VerifyOutcome {
  const fail = (...failures: string[]): VerifyOutcome => ({ ok: false, failures });
  const failures: string[] = [];

  const written = fieldsAsWritten(bytes);
  const f = written ?? readFieldsAnyLayout(bytes, failures);
  if (typeof f === 'string') return fail(f);
  if (Array.isArray(f)) return fail(...f);

  const payloadBytes = written?.payloadBytes ?? strictBase64(f.payload);
  if (payloadBytes === null) return fail(...failures, both('"payload" 不是有效的 Base64', '"payload" is not valid base64'));
  const signature = strictBase64(f.signature);
  if (signature === null || signature.length !== 64) {
    failures.push(both('"signature" 不是 64 字节 Ed25519 签名的 Base64', '"signature" is not the base64 of a 64-byte Ed25519 signature'));
  }
  let publicKey: KeyObject | null = null;
  try {
    const key = createPublicKey(f.publicKey);
    if (key.asymmetricKeyType !== 'ed25519') {
      failures.push(both('"publicKey" 不是 Ed25519 公钥', `"publicKey" is a ${key.asymmetricKeyType} key, not Ed25519`));
    } else if (key.export({ type: 'spki', format: 'pem' }) !== f.publicKey) {
      failures.push(both('"publicKey" 不是标准的 SPKI PEM 格式', '"publicKey" is not in canonical SPKI PEM form'));
    } else {
      publicKey = key;
    }
  } catch (e) {
    failures.push(both('"publicKey" 无法读取', '"publicKey" cannot be read as a public key') + ` (${(e as Error).message})`);
  }
  const fp = publicKey ? fingerprint(publicKey) : null;
  if (publicKey && signature && signature.length === 64 && !verify(null, payloadBytes, publicKey, signature)) {
    failures.push(both('签名与内容不符：文件在封存后被改动，或不是用此公钥签署的', 'the signature does not match the payload: the file was changed after sealing, or not signed by this key'));
  }
  if (fp && opts.expectedFingerprint !== undefined) {
    if (normalizeFingerprint(opts.expectedFingerprint) === null) {
      failures.push(both('给出的密钥指纹应为 32 或 64 位十六进制数', 'the expected fingerprint must be 32 or 64 hex digits'));
    } else if (!fingerprintMatches(fp, opts.expectedFingerprint)) {
      failures.push(both(
        `站点密钥指纹 ${fp.short} 与计票结果报告单上的 ${opts.expectedFingerprint} 不一致`,
        `the station key fingerprint ${fp.short} is not the one on the tally sheet (${opts.expectedFingerprint})`,
      ));
    }
  }

  if (!isUtf8(payloadBytes)) return fail(...failures, both('payload 不是有效的 UTF-8 文本', 'the payload is not valid UTF-8 text'));
  const scan = scanCanonicalPayload(payloadBytes);
  let raw: unknown;
  try {
    raw = scan.canonical ? parseWithSharedBallots(payloadBytes, scan) : JSON.parse(payloadBytes.toString('utf8'));
  } catch (e) {
    return fail(...failures, both('payload 不是有效的 JSON', 'the payload is not valid JSON') + ` (${(e as Error).message})`);
  }
  const shaped = sealedPayloadShape.safeParse(raw);
  if (!shaped.success) return fail(...failures, ...zodFailures(shaped.error, 'payload'));
  if (!scan.canonical) {
    failures.push(both('payload 不是规范 JSON（键排序、无空白）', 'the payload is not canonical JSON (sorted keys, no whitespace)'));
  }
  const p = shaped.data;
  if (p.station.publicKey !== f.publicKey) {
    failures.push(both('payload 中的站点公钥与文件的 "publicKey" 不同', 'payload station.publicKey differs from the file\'s "publicKey"'));
  }
  if (fp && p.station.fingerprint !== fp.hex) {
    failures.push(both('payload 中的站点密钥指纹与公钥不符', 'payload station.fingerprint is not the fingerprint of the public key'));
  }

  const rounds: Array<SealedRound | null> = [];
  const summaries: RoundSummary[] = [];
  p.rounds.forEach((r, i) => {
    const roundFail = (zh: string, en: string, detail = ''): void => {
      failures.push(both(`第 ${r.number} 轮：${zh}`, `round ${r.number}: ${en}`) + detail);
    };
    if (r.number !== i + 1) failures.push(both(`rounds[${i}] 的编号是 ${r.number}，应为 ${i + 1}`, `rounds[${i}] is numbered ${r.number}, expected ${i + 1}`));
    // A canonical payload holds each piece's canonical bytes; otherwise the hashes are of the pieces made canonical.
    if (r.recordHash !== hashOf(scan.records[i] ?? canonicalJson(r.record))) roundFail('recordHash 与记录内容不符', 'recordHash does not match the record');
    if (r.resultHash !== hashOf(scan.results[i] ?? canonicalJson(r.result))) roundFail('resultHash 与结果内容不符', 'resultHash does not match the result');
    if (r.signedHead !== undefined && r.signedHead.count > p.auditHead.count) {
      roundFail('签字时的日志位置在日志末尾之后 (signedHead)', 'signedHead is beyond the audit head');
    }
    let record: CerRecord | null = null;
    let result: CerResult | null = null;
    try {
      record = parseCerRecord(r.record, { reservedKeysAbsent: scan.canonical && !scan.reservedKey });
    } catch (e) {
      roundFail('记录不是有效的 cer/1', 'the record is not a valid cer/1', ` (record.${(e as Error).message})`);
    }
    try {
      result = parseCerResult(r.result);
    } catch (e) {
      roundFail('结果不是有效的 cer-result/1', 'the result is not a valid cer-result/1', ` (result.${(e as Error).message})`);
    }
    if (record && record.round !== r.kind) {
      roundFail(`轮次类型 ${r.kind} 与记录中的 ${record.round} 不一致`, `kind "${r.kind}" but the record says "${record.round}"`);
    }
    if (record && result) {
      let recount: CerResult | null = null;
      try {
        recount = tally(record);
      } catch (e) {
        roundFail('无法按记录重新计票', 'recounting the record failed', ` (${(e as Error).message})`);
      }
      const diff = recount ? firstDifference(result, recount) : null;
      if (diff !== null) {
        roundFail('保存的结果与按记录重新计票的结果不同', 'the stored result differs from a recount of its record', ` (${diff})`);
      }
    }
    rounds.push(record && result ? { ...r, record, result } : null);
    summaries.push({
      number: r.number,
      kind: r.kind,
      valid: result?.valid ?? false,
      ballots: record?.ballots.length ?? 0,
      recordHash: r.recordHash,
      resultHash: r.resultHash,
      signedHead: r.signedHead ?? null,
      elected: (result?.offices ?? []).map((o) => ({ office: o.office, names: o.elected, vacant: o.vacant })),
      signoffs: 0,
      revokedSignoffs: 0,
    });
  });

  p.signoffs.forEach((s, i) => {
    const who = `${s.name} (${s.role})`;
    const round = p.rounds.find((r) => r.number === s.round);
    const summary = summaries.find((r) => r.number === s.round);
    if (round === undefined || summary === undefined) {
      failures.push(both(`签名 signoffs[${i}]（${who}）指向不存在的第 ${s.round} 轮`, `signoffs[${i}] (${who}) names round ${s.round}, which is not in the file`));
      return;
    }
    if (s.revoked !== undefined) {
      summary.revokedSignoffs += 1;
      return;
    }
    summary.signoffs += 1;
    if (s.resultHash !== round.resultHash) {
      failures.push(both(
        `第 ${s.round} 轮：${who} 签署的结果哈希与本轮结果不符 (signoffs[${i}].resultHash)`,
        `round ${s.round}: the result hash signed by ${who} is not the round's result hash (signoffs[${i}].resultHash)`,
      ));
    }
  });

  const sequenceProblem = supersessionProblem(p);
  if (sequenceProblem !== null) failures.push(sequenceProblem);
  const overrideRounds = p.override?.missing.filter((m) => !p.rounds.some((r) => r.number === m.round)) ?? [];
  if (overrideRounds.length > 0) {
    failures.push(both(`override.missing 指向不存在的第 ${overrideRounds[0]!.round} 轮`, `override.missing names round ${overrideRounds[0]!.round}, which is not in the file`));
  }

  if (failures.length > 0 || fp === null) return fail(...failures);
  const title = p.election.title;
  return {
    ok: true,
    summary: {
      sealedAt: p.sealedAt,
      electionTitle: typeof title === 'string' ? title : (rounds[0]?.record.election.title ?? ''),
      fingerprint: fp,
      auditHead: p.auditHead,
      rounds: summaries,
      sequence: p.sequence ?? 1,
      supersedes: p.supersedes ?? null,
      override: p.override ?? null,
      payload: { ...p, format: SEALED_PAYLOAD_FORMAT, rounds: rounds as SealedRound[] },
    },
  };
}
