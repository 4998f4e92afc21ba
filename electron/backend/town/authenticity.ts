import { normalizeName } from '../../../shared/domain/names';
import { bilingual } from '../bilingual';
import { fingerprintMatches, type Fingerprint } from '../seal';
import type { KeyRegistry } from './registry';

/**
 * Whether a good signature also comes from the community's own station: its key fingerprint was typed from the
 * signed tally sheet (--fingerprint), or is registered for the community the file names. A valid signature alone
 * proves only that someone holding some key signed it.
 */
export type Authenticity =
  | { authenticated: true; by: 'fingerprint' | 'registry'; line: string }
  | { authenticated: false; line: string; mismatch: string | null };

export const NOT_ESTABLISHED = bilingual('签名有效，但未确认来源', 'signature valid, authenticity not established');

export function judgeAuthenticity(
  fp: Fingerprint,
  community: string | null,
  given: { fingerprint?: string | undefined; registry?: KeyRegistry | undefined },
): Authenticity {
  if (given.fingerprint !== undefined && fingerprintMatches(fp, given.fingerprint)) {
    return { authenticated: true, by: 'fingerprint', line: bilingual('来源已确认：密钥指纹与计票结果报告单一致', 'authenticated: the key fingerprint is the one on the tally sheet') };
  }
  if (given.registry === undefined) {
    return { authenticated: false, mismatch: null, line: `${NOT_ESTABLISHED} (${bilingual('未给出登记表或指纹', 'no --keys registry or --fingerprint given')})` };
  }
  if (community === null) {
    return { authenticated: false, mismatch: null, line: `${NOT_ESTABLISHED} (${bilingual('文件未写明社区', 'the file names no community')})` };
  }
  const known = given.registry.get(normalizeName(community));
  if (known === undefined) {
    return { authenticated: false, mismatch: null, line: `${NOT_ESTABLISHED} (${bilingual(`登记表中没有「${community}」`, `"${community}" is not in the registry`)})` };
  }
  if (known.fingerprints.some((registered) => fingerprintMatches(fp, registered))) {
    return { authenticated: true, by: 'registry', line: bilingual(`来源已确认：密钥已为「${community}」登记`, `authenticated: the key is registered for "${community}"`) };
  }
  const mismatch = bilingual(
    `站点密钥指纹 ${fp.short} 不是为「${community}」登记的密钥`,
    `the station key fingerprint ${fp.short} is not a key registered for "${community}"`,
  );
  return { authenticated: false, mismatch, line: `${NOT_ESTABLISHED} (${mismatch})` };
}

/** The community a sealed payload's election definition names, or null. */
export function payloadCommunity(election: Record<string, unknown>): string | null {
  const c = election.community;
  return typeof c === 'string' && c.trim() !== '' ? c.trim() : null;
}
