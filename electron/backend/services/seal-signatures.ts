import type { MissingSignoffView } from '../../../shared/api/seal';
import { bothWords, refused, type BackendContext, says } from '../context';
import type { BothWords } from '../../../shared/i18n';
import { q } from './counting-store';
import { SIGNOFF_ROLE_NAMES, type SignoffRole } from './signoff';
import { signers } from './tally-sheet';

/**
 * The sign-offs sealing needs (DOMAIN.md §8): for every round, every scrutineer (chief included), caller and counter
 * (chief included) holding that role now must have signed the round's current result, and each of the three kinds
 * must have someone. The committee chair signs the sheet too but is not required for sealing.
 */
const KINDS: ReadonlyArray<{ role: SignoffRole; roles: readonly SignoffRole[] }> = [
  { role: 'scrutineer', roles: ['chief-scrutineer', 'scrutineer'] },
  { role: 'caller', roles: ['caller'] },
  { role: 'counter', roles: ['counter', 'chief-counter'] },
];

/** What is missing for the rounds and their current result hashes, in round and sheet order. */
export function missingSignoffs(ctx: BackendContext, rounds: readonly { number: number; resultHash: string }[]): MissingSignoffView[] {
  const required = signers(ctx).filter((s) => s.role !== 'committee-chair');
  const signed = q(ctx.db, 'SELECT 1 FROM signoff WHERE round_number = ? AND person_id = ? AND role = ? AND result_hash = ? AND revoked_at IS NULL');
  const missing: MissingSignoffView[] = [];
  for (const r of rounds) {
    for (const s of required) {
      if (signed.get(r.number, s.person, s.role, r.resultHash) === undefined) missing.push({ round: r.number, role: s.role, name: s.name });
    }
    for (const k of KINDS) {
      if (!required.some((s) => k.roles.includes(s.role))) missing.push({ round: r.number, role: k.role, name: null });
    }
  }
  return missing;
}

function describe(m: MissingSignoffView): BothWords {
  const role = SIGNOFF_ROLE_NAMES[m.role as SignoffRole] ?? m.role;
  return m.name === null ? bothWords('error.seal.nobodyHolds', { role }) : bothWords('error.counting.signerAs', { name: m.name, role });
}

/** One sentence per language naming every missing sign-off, round by round (the string tables' words). */
export function describeMissing(missing: readonly MissingSignoffView[]): BothWords {
  const rounds = [...new Set(missing.map((m) => m.round))];
  const per = rounds.map((n) => bothWords('error.seal.missingInRound', { round: n, list: missing.filter((m) => m.round === n).map(describe) }));
  return { zh: per.map((p) => p.zh).join('；'), en: per.map((p) => p.en).join('; ') };
}

/** Refuses sealing while sign-offs are missing, naming them (details.missing lists them). */
export function refuseMissingSignoffs(missing: readonly MissingSignoffView[]): never {
  const d = describeMissing(missing);
  throw refused(
    says('error.seal.signOffsListedTally', { missing: d }),
    { reason: 'signatures-missing', missing },
  );
}
