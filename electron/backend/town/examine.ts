import { createHash } from 'node:crypto';
import { bilingual } from '../bilingual';
import { SEALED_FILE_FORMAT, verifySealedFile, type Fingerprint } from '../seal';
import { payloadCommunity } from './authenticity';
import { electionFacts, type ElectionFacts } from './facts';
import { storedText } from './stored-text';
import { communityNameProblem } from './community-name';

/** "Not a sealed file" or "wrong format version", told from the outer JSON before the full check; null when it is one. */
function formatProblem(bytes: Uint8Array): string | null {
  let outer: unknown;
  try {
    outer = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return bilingual('不是封存结果文件（不是 JSON）', 'not a sealed result file (not JSON)');
  }
  const format = outer !== null && typeof outer === 'object' && !Array.isArray(outer) ? (outer as { format?: unknown }).format : undefined;
  if (typeof format !== 'string' || !format.startsWith('cer-sealed/')) {
    return bilingual('不是封存结果文件', 'not a sealed result file') + (typeof format === 'string' ? ` (format "${storedText(format, 40)}")` : '');
  }
  if (format !== SEALED_FILE_FORMAT) {
    return bilingual(`封存文件的格式版本 ${storedText(format, 40)} 本程序不能读取`, `sealed file format version "${storedText(format, 40)}" is not one this app reads (${SEALED_FILE_FORMAT})`);
  }
  return null;
}

/** SHA-256 of the payload bytes: what a later sealed file's `supersedes` names. */
export function payloadHash(bytes: Uint8Array): string {
  const outer = JSON.parse(Buffer.from(bytes).toString('utf8')) as { payload: string };
  return createHash('sha256').update(Buffer.from(outer.payload, 'base64')).digest('hex');
}

/** What checking a file's bytes found, without the town file: told apart so the check can run in a worker thread. */
export type Examined =
  | { ok: false; reason: string }
  | {
      ok: true;
      payloadHash: string;
      fingerprint: Fingerprint;
      community: string;
      sequence: number;
      supersedes: string | null;
      sealedAt: string;
      electionTitle: string;
      facts: ElectionFacts;
    };

/**
 * Checks a file completely (format, signature, hashes, a recount of every round, sign-offs, the community it names)
 * and takes the facts the board needs. Pure: reads no database, so any thread may run it.
 */
export function examineSealedFile(bytes: Uint8Array): Examined {
  const problem = formatProblem(bytes);
  if (problem !== null) return { ok: false, reason: problem };
  const outcome = verifySealedFile(bytes);
  if (!outcome.ok) {
    const more = outcome.failures.length > 1 ? ` (+${outcome.failures.length - 1})` : '';
    return { ok: false, reason: `${bilingual('校验未通过', 'does not verify')}: ${outcome.failures[0]}${more}` };
  }
  const s = outcome.summary;
  const community = payloadCommunity(s.payload.election);
  const nameProblem = community === null ? bilingual('文件未写明社区', 'the file names no community') : communityNameProblem(community);
  if (community === null || nameProblem !== null) return { ok: false, reason: nameProblem! };
  return {
    ok: true,
    payloadHash: payloadHash(bytes),
    fingerprint: s.fingerprint,
    community,
    sequence: s.sequence,
    supersedes: s.supersedes,
    sealedAt: s.sealedAt,
    electionTitle: s.electionTitle,
    facts: electionFacts(s.payload),
  };
}

