import type { SealSummaryView, VerifyOutcomeView } from '../../../shared/api/seal';
import { ApiError } from '../../../shared/api/envelope';
import { FILE_LIMITS, InputFileError, readInputFile } from '../files/input-file';
import { verifySealedFile, type SealSummary } from '../seal/sealed-file';

// Checking a sealed file needs no election database: `station verify` (and a town office checking many files) loads
// only this, the seal format and the rules engine.

export function summaryView(s: SealSummary): SealSummaryView {
  return {
    sealedAt: s.sealedAt,
    electionTitle: s.electionTitle,
    fingerprint: { hex: s.fingerprint.hex, short: s.fingerprint.short, full: s.fingerprint.full },
    auditHead: s.auditHead,
    rounds: s.rounds.map((r) => ({ ...r, elected: r.elected.map((e) => ({ ...e, names: [...e.names] })) })),
    sequence: s.sequence,
    supersedes: s.supersedes,
    override:
      s.override === null
        ? null
        : { reason: s.override.reason, approvers: [...s.override.approvers], missing: s.override.missing.map((m) => ({ round: m.round, role: m.role, name: m.name ?? null })) },
  };
}

/** A sealed file's bytes, size-limited; a file that cannot be read is bad input naming it. */
export async function readSealedPath(path: string): Promise<Buffer> {
  try {
    return await readInputFile(path, FILE_LIMITS.sealed);
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    throw new ApiError(e.problem === 'not-found' ? 'not-found' : 'invalid-input', `无法读取文件 / cannot read: ${e.message}`, { path: 'path' });
  }
}

/** Reads and checks a sealed file; an unreadable path is bad input, a file that fails a check is an outcome. */
export async function verifySealedPath(path: string, fingerprint?: string): Promise<VerifyOutcomeView> {
  const bytes = await readSealedPath(path);
  const outcome = verifySealedFile(bytes, fingerprint === undefined ? {} : { expectedFingerprint: fingerprint });
  return outcome.ok ? { ok: true, summary: summaryView(outcome.summary) } : { ok: false, failures: outcome.failures };
}
