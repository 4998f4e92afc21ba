import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { SealWrittenView } from '../../../shared/api/seal';
import type { CommitteeApproval } from '../../../shared/domain/authority';
import { ApiError } from '../../../shared/api/envelope';
import { committeeApprovers, type Approver } from '../authority/approvals';
import { appendAudit, appendRefusal, verifyAuditChain } from '../audit';
import { invalid, refused, type BackendContext, says, statusWords } from '../context';
import { inTransaction } from '../db';
import { crashPoint } from '../files/crash-point';
import { partialPathFor, sha256Hex } from '../files/durable-write';
import {
  hashJson,
  loadOrCreateStationKey,
  refuseExistingTarget,
  sealResults,
  verifySealedFile,
  writeSealedFile,
  type Fingerprint,
  type SealInput,
  type SealSummary,
} from '../seal';
import { sealedElectionDefinition } from './seal-election';
import { summaryView } from './seal-verify';
import type { SealAttempt } from './seal-reconcile';
import { missingSignoffs, refuseMissingSignoffs } from './seal-signatures';
import { markRoundsSealedTx, previousSeals } from './seal-state';
import { storedResult } from './results';
import { sealSignoffs, signedAuditHead } from './signoff';
import { requireElection } from './setup-read';
import { listRounds } from './setup-rounds';

/** ISO 8601 in China Standard Time (stations are in China, which keeps +08:00 all year). */
export function chinaTime(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

/** The committee's decision to seal although sign-offs are missing: the reason and who approved with their PIN. */
export interface SealOverrideDecision {
  reason: string;
  approvers: Approver[];
}

/**
 * Checks the PINs of an override's approvals: two different sitting committee members. Call before sealing (outside
 * any transaction: a wrong PIN is counted toward the lockout). While nobody has a PIN yet, nobody can override.
 */
export function sealOverrideDecision(ctx: BackendContext, override: { reason: string; approvals: readonly CommitteeApproval[] }): SealOverrideDecision {
  const what = { zh: '签名不全时封存', en: 'sealing with missing sign-offs' };
  const approvers = committeeApprovers(ctx, override.approvals, { atLeast: 2, path: 'override.approvals', what });
  if (approvers.length < 2) {
    throw refused(
      says('error.seal.needsElectionCommitteeMembers', { what }),
      { reason: 'approvals-needed', atLeast: 2 },
    );
  }
  return { reason: override.reason, approvers };
}

/**
 * Everything a sealed file carries, read from the database: the election definition, every round with its
 * cer/1 record and the cer-result/1 stored by the results service (never recounted here by another path), every
 * sign-off (revoked ones too), the audit head, and its place among the election's sealed files. Refused, naming the
 * reason, when a round has no stored result, when a sign-off the tally sheet lists is missing (unless overridden), or
 * when the audit log's hash chain is broken.
 */
export function gatherSealInput(ctx: BackendContext, override?: SealOverrideDecision): SealInput {
  const db = ctx.db;
  const election = sealedElectionDefinition(db);
  const chain = verifyAuditChain(db);
  if (!chain.ok) {
    throw refused(
      says('error.seal.auditLogBrokenEvent', { badSeq: chain.badSeq, reason: chain.reason }),
      { reason: 'audit-broken', badSeq: chain.badSeq },
    );
  }
  const rounds = listRounds(db);
  if (rounds.length === 0) throw refused(says('error.seal.thereRoundYetNothing'));
  const sealedRounds = rounds.map((r) => {
    const stored = storedResult(db, r.number);
    if (stored === null) {
      throw refused(
        says('error.seal.roundStatusStoredResult', { number: r.number, status: statusWords(r.status) }),
        { reason: 'no-result', round: r.number },
      );
    }
    const signedHead = signedAuditHead(db, r.number);
    return { number: r.number, kind: r.kind, record: stored.record, result: stored.result, ...(signedHead ? { signedHead } : {}) };
  });
  const missing = missingSignoffs(ctx, sealedRounds.map((r) => ({ number: r.number, resultHash: hashJson(r.result) })));
  if (missing.length > 0 && override === undefined) refuseMissingSignoffs(missing);
  if (missing.length === 0 && override !== undefined) {
    throw invalid('override', says('error.seal.everySignOffGiven'));
  }
  const earlier = previousSeals(db);
  return {
    sealedAt: chinaTime(ctx.now()),
    election,
    rounds: sealedRounds,
    signoffs: sealSignoffs(db),
    auditHead: { count: chain.count, hash: chain.head },
    sequence: earlier.count + 1,
    ...(earlier.lastPayloadHash !== null ? { supersedes: earlier.lastPayloadHash } : {}),
    ...(override !== undefined
      ? {
          override: {
            reason: override.reason,
            approvers: override.approvers.map((a) => a.name),
            missing: missing.map((m) => ({ round: m.round, role: m.role, ...(m.name !== null ? { name: m.name } : {}) })),
          },
        }
      : {}),
  };
}


/** The station key's fingerprint (the key is created beside the database on first use). */
export function stationFingerprint(ctx: BackendContext): Fingerprint {
  return loadOrCreateStationKey(ctx.dataDir).fingerprint;
}

/** SHA-256 of the signed payload bytes inside a sealed file's bytes (what the audit log records). */
function payloadHashOf(bytes: Buffer): string {
  const payload = Buffer.from((JSON.parse(bytes.toString('utf8')) as { payload: string }).payload, 'base64');
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * Seals the election into `path`, in an order that a crash at any instant cannot make the record and the disk
 * disagree: (1) one transaction gathers the contents, signs them and records `seal.started` with the file's hash
 * and its temp name; (2) the file is written durably (temp file, verified, renamed into place); (3) `seal.written`
 * confirms it and the rounds become 'sealed' — or `seal.abandoned` when writing failed. A process killed between (1)
 * and (3) is settled at the next start-up by reconcileInterruptedSeals. The audit head inside the file is the one
 * before `seal.started` (and before `seal.override`, which records a committee override in the same transaction).
 * `path` is the caller's choice: the contract passes a name inside the export folder, the CLI the user's --out.
 */
export function sealElection(ctx: BackendContext, input: { path: string; overwrite?: boolean; override?: SealOverrideDecision }): SealWrittenView {
  requireElection(ctx.db);
  const target = resolve(input.path);
  const overwrite = input.overwrite === true;
  let started: { bytes: Buffer; attempt: SealAttempt; sealInput: SealInput };
  try {
    started = inTransaction(ctx.db, () => {
      const sealInput = gatherSealInput(ctx, input.override);
      const key = loadOrCreateStationKey(ctx.dataDir);
      const bytes = sealResults(sealInput, key);
      refuseExistingTarget(target, overwrite);
      const attempt: SealAttempt = {
        file: basename(target),
        path: target,
        partial: partialPathFor(target),
        fileHash: sha256Hex(bytes),
        payloadHash: payloadHashOf(bytes),
        bytes: bytes.length,
        rounds: sealInput.rounds.map((r) => r.number),
      };
      if (sealInput.override !== undefined) {
        appendAudit(ctx.db, {
          type: 'seal.override',
          at: ctx.now(),
          actor: ctx.actor,
          subject: 'seal',
          detail: { ...sealInput.override, approvers: input.override!.approvers, payloadHash: attempt.payloadHash },
        });
      }
      appendAudit(ctx.db, { type: 'seal.started', at: ctx.now(), actor: ctx.actor, subject: 'seal', detail: { ...attempt } });
      return { bytes, attempt, sealInput };
    });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'refused') {
      const details = (e.details ?? {}) as Record<string, unknown>;
      // A broken audit log is not appended to: the refusal goes to the caller only.
      if (details.reason !== 'audit-broken') {
        appendRefusal(ctx.db, { type: 'seal.refused', at: ctx.now(), actor: ctx.actor, subject: 'seal', detail: { file: basename(target), message: e.message } });
      }
    }
    throw e;
  }
  crashPoint('seal:started');
  const { bytes, attempt, sealInput } = started;
  let summary: SealSummary;
  try {
    summary = writeSealedFile(target, bytes, { overwrite, partial: attempt.partial });
  } catch (e) {
    inTransaction(ctx.db, () =>
      appendAudit(ctx.db, {
        type: 'seal.abandoned',
        at: ctx.now(),
        actor: ctx.actor,
        subject: 'seal',
        detail: { file: attempt.file, payloadHash: attempt.payloadHash, reason: (e as Error).message.slice(0, 500) },
      }),
    );
    throw e;
  }
  inTransaction(ctx.db, () => {
    appendAudit(ctx.db, {
      type: 'seal.written',
      at: ctx.now(),
      actor: ctx.actor,
      subject: 'seal',
      detail: {
        file: attempt.file,
        payloadHash: attempt.payloadHash,
        bytes: bytes.length,
        rounds: summary.rounds.length,
        fingerprint: summary.fingerprint.short,
        auditHead: sealInput.auditHead,
        sequence: summary.sequence,
      },
    });
    markRoundsSealedTx(ctx, attempt.rounds ?? []);
  });
  return { ...summaryView(summary), path: target, bytes: bytes.length, payloadHash: attempt.payloadHash };
}

export { verifySealedPath } from './seal-verify';
