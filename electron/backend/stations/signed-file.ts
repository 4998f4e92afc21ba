import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../audit/canonical';
import { invalid, refused, says } from '../context';
import { isUtf8 } from 'node:buffer';
import { renderSealedFile, type SigningKey } from '../seal/sealed-file';
import { fingerprint, fingerprintMatches, normalizeFingerprint, type Fingerprint } from '../seal/station-key';

/**
 * Station packages and returns travel in the sealed file's envelope (docs/sealed-file.md, docs/stations.md): four
 * fields, one per line, the payload's canonical JSON in base64, an Ed25519 signature over exactly those bytes and
 * the signer's public key. Only `format` differs, so the same sed and OpenSSL steps check any of them.
 */

function decodeUtf8(bytes: Uint8Array): string | null {
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
}

/** Base64 as the envelope is written: standard alphabet, padded, one line, and the only spelling of its bytes. */
function exactBase64(text: string): Buffer | null {
  const bytes = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text) ? Buffer.from(text, 'base64') : null;
  return bytes !== null && bytes.toString('base64') === text ? bytes : null;
}

export interface OpenedFile {
  /** The payload as parsed JSON (checked by the caller's schema). */
  payload: unknown;
  /** SHA-256 of the payload bytes: the file's identity in chains and in the audit log. */
  payloadHash: string;
  fingerprint: Fingerprint;
  publicKeyPem: string;
}

export function signStationFile(format: string, payload: unknown, key: SigningKey): { bytes: Buffer; payloadHash: string } {
  const body = Buffer.from(canonicalJson(payload), 'utf8');
  const bytes = Buffer.from(
    renderSealedFile({
      format,
      payload: body.toString('base64'),
      signature: sign(null, body, key.privateKey).toString('base64'),
      publicKey: key.publicKeyPem,
    }),
    'utf8',
  );
  return { bytes, payloadHash: createHash('sha256').update(body).digest('hex') };
}

/**
 * Reads a signed station file of the given format: layout, strict base64, an Ed25519 key, the signature, canonical
 * payload JSON, and (when given) the fingerprint typed from the paper slip. Bad bytes are bad input naming `what`;
 * a good file signed by another key than the typed fingerprint is refused.
 */
export function openStationFile(bytes: Uint8Array, format: string, what: { zh: string; en: string }, expectedFingerprint?: string): OpenedFile {
  const bad = (zh: string, en: string) => invalid('file', says('error.stations.fileProblem', { what, words: { zh, en } }));
  const text = decodeUtf8(bytes);
  if (text === null) throw bad('不是有效的 UTF-8 文本', 'not valid UTF-8 text');
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    throw bad('不完整或不是 JSON（可能在复制时被截断）', 'incomplete or not JSON (perhaps cut short while copying)');
  }
  const f = outer as Record<string, unknown>;
  if (outer === null || typeof outer !== 'object' || Array.isArray(outer) || typeof f.format !== 'string') {
    throw bad('缺少 "format" 字段', 'has no "format" field');
  }
  if (f.format !== format) throw bad(`的格式是 ${f.format}，应为 ${format}`, `is a "${f.format}" file, not "${format}"`);
  if (typeof f.payload !== 'string' || typeof f.signature !== 'string' || typeof f.publicKey !== 'string') {
    throw bad('缺少 payload、signature 或 publicKey 字段', 'lacks its payload, signature or publicKey field');
  }
  const fields = { format, payload: f.payload, signature: f.signature, publicKey: f.publicKey };
  if (Object.keys(f).length !== 4 || renderSealedFile(fields) !== text) {
    throw bad('的排版与写出时不一致（有字节被改动）', 'is not laid out byte for byte as it was written (bytes were changed)');
  }
  const body = exactBase64(fields.payload);
  const signature = exactBase64(fields.signature);
  if (body === null || signature === null || signature.length !== 64) throw bad('的 payload 或 signature 不是有效的 Base64', 'payload or signature is not valid base64');
  let key: KeyObject;
  try {
    key = createPublicKey(fields.publicKey);
  } catch {
    throw bad('的公钥无法读取', 'public key cannot be read');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw bad('的公钥不是 Ed25519', 'public key is not Ed25519');
  if (!verify(null, body, key, signature)) {
    throw bad('的签名与内容不符：文件在签署后被改动', 'signature does not match its content: the file was changed after signing');
  }
  const fp = fingerprint(key);
  if (expectedFingerprint !== undefined) {
    if (normalizeFingerprint(expectedFingerprint) === null) {
      throw invalid('fingerprint', says('error.stations.fingerprintHexDigits'));
    }
    if (!fingerprintMatches(fp, expectedFingerprint)) {
      throw refused(
        says('error.stations.signedKeyKeySlip', { what, short: fp.short, expectedFingerprint }),
        { reason: 'wrong-fingerprint', fingerprint: fp.short },
      );
    }
  }
  const payloadText = decodeUtf8(body);
  let payload: unknown;
  try {
    payload = payloadText === null ? undefined : JSON.parse(payloadText);
  } catch {
    payload = undefined;
  }
  if (payload === undefined || canonicalJson(payload) !== payloadText) throw bad('的内容不是规范 JSON', 'payload is not canonical JSON');
  // The key as this laptop writes it (what is stored when a station's key is registered), whatever the file's PEM held.
  const publicKeyPem = key.export({ type: 'spki', format: 'pem' }) as string;
  return { payload, payloadHash: createHash('sha256').update(body).digest('hex'), fingerprint: fp, publicKeyPem };
}

/** The message for a payload that fails its schema: the first problem, with its path. */
export function payloadProblem(what: { zh: string; en: string }, path: string, message: string) {
  return invalid('file', says('error.stations.payloadProblem', { what, path, message }));
}

