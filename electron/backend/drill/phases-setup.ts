import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { normalizeName } from '../../../shared/domain/names';
import type { CommitteeApproval } from '../../../shared/domain/authority';
import type { BackendContext } from '../context';
import { listPeople, setPin } from '../services/people';
import { approveProxy } from '../services/proxies';
import type { SignoffRole } from '../services/signoff';
import { importRoll } from '../services/roll';
import { createElection } from '../services/setup';
import { reassignVoter } from '../services/voters';
import { nextDrillPin } from './credentials';
import { asStaff } from './staff';
import { DRILL_GROUP_VENUES, drillDefinition, SIGNING_ROLES, type DrillDefinition } from './definition';
import type { Rng } from './prng';
import { phaseReporter, yieldToEventLoop, type ProgressListener } from './progress';
import { generateRollRows, rollCsv, type DrillVoterRow } from './roll-rows';
import type { DrillClock } from './clock';

/** A voter of the drill, as the drill knows them (what the desk would see, plus where they vote). */
export interface DrillVoter extends DrillVoterRow {
  certificate: string;
  /** Venue id, or the mobile box id for voters on its list. */
  votesAt: string;
  mobile: boolean;
  /** Certificate of the trustee this voter gave a proxy to. */
  proxyTo?: string;
}

export interface DrillSigner {
  id: number;
  name: string;
  role: SignoffRole;
  pin: string;
}

export interface DrillStaff {
  chairId: number;
  /** The sitting committee members, chair first. */
  committee: number[];
  helpers: Map<string, number>;
  /** The desk staff of each venue (the mobile box's team works from the central venue's desk). */
  desks: Map<string, number>;
  chiefScrutineer: number;
  chiefCounter: number;
  signers: DrillSigner[];
  /** Every PIN the drill set, by person. */
  pins: Map<number, string>;
}

export const CERTIFICATE_PREFIX = '1';

/** Creates the drill election, sets the officials' PINs, and returns the definition and who is who. */
export function setUpElection(ctx: BackendContext, rng: Rng, opts: { date: string; community: string }, onProgress?: ProgressListener): DrillDefinition & { staff: DrillStaff } {
  const report = phaseReporter(onProgress, 'setup', 1);
  const def = drillDefinition(rng.fork('definition'), opts);
  createElection(ctx, def.definition);
  const people = listPeople(ctx);
  const chair = people.find((p) => p.committee?.position === 'chair');
  if (!chair) throw new Error('drill: the committee chair was not created');
  const helpers = new Map<string, number>();
  const desks = new Map<string, number>();
  for (const p of people) {
    for (const r of p.roles) {
      if (r.role === 'writing-helper' && r.venue) helpers.set(r.venue, p.id);
      if (r.role === 'desk' && r.venue) desks.set(r.venue, p.id);
    }
  }
  const holding = (role: string) => people.find((p) => p.roles.some((r) => r.role === role))!.id;
  // Every official and committee member gets a PIN from the drill's 'pins' stream, the chair's first: it is the
  // election's first committee PIN, which the chair types while nobody can sign in yet; every other first PIN is then
  // set with the chair signed in, as at a real station. The Drill screen finds these PINs again from the seed in the
  // order they are set here (credentials.ts).
  const pinStream = rng.fork('pins');
  const pins = new Map<number, string>([[chair.id, nextDrillPin(pinStream)]]);
  for (const p of people) {
    if (p.id !== chair.id && (p.roles.length > 0 || p.committee !== null)) pins.set(p.id, nextDrillPin(pinStream));
  }
  asStaff(ctx, chair.id, () => {
    for (const [id, pin] of pins) setPin(ctx, { person: id, pin });
  });
  const signers: DrillSigner[] = [];
  for (const p of people) {
    const role = p.roles.map((r) => r.role).find((r): r is (typeof SIGNING_ROLES)[number] => (SIGNING_ROLES as readonly string[]).includes(r));
    if (role) signers.push({ id: p.id, name: p.name, role, pin: pins.get(p.id)! });
  }
  signers.push({ id: chair.id, name: chair.name, role: 'committee-chair', pin: pins.get(chair.id)! });
  const committee = [chair.id, ...people.filter((p) => p.committee !== null && p.id !== chair.id).map((p) => p.id)];
  report(1);
  return {
    ...def,
    staff: { chairId: chair.id, committee, helpers, desks, chiefScrutineer: holding('chief-scrutineer'), chiefCounter: holding('chief-counter'), signers, pins },
  };
}

/** Generates the roll, imports it as a CSV file through the roll import, and puts the frailest on the mobile list. */
/** Committee decisions (each checking the chair's PIN, a deliberately slow hash) made between two yields. */
const APPROVALS_PER_YIELD = 5;

export async function importDrillRoll(
  ctx: BackendContext,
  rng: Rng,
  clock: DrillClock,
  opts: { voters: number; date: string; chairId: number; chairPin: string },
  onProgress?: ProgressListener,
): Promise<DrillVoter[]> {
  const report = phaseReporter(onProgress, 'roll', 100);
  const rows = generateRollRows(rng.fork('roll'), opts.voters, opts.date);
  report(30, 'rows generated');
  const voters: DrillVoter[] = rows.map((r, i) => ({
    ...r,
    certificate: makeCertificateNumber(i + 1, CERTIFICATE_PREFIX),
    votesAt: DRILL_GROUP_VENUES[r.group] ?? 'central',
    mobile: false,
  }));
  const csv = rollCsv(rows);
  // The file carries the certificate numbers the committee printed.
  const lines = csv.toString('utf8').split('\r\n');
  lines[0] += ',选民证号';
  for (let i = 1; i <= voters.length; i++) lines[i] += `,${voters[i - 1]!.certificate}`;
  await importRoll(ctx, {
    bytes: Buffer.from(lines.join('\r\n'), 'utf8'),
    fileName: 'drill-roll.csv',
    assign: { default: 'central', byGroup: DRILL_GROUP_VENUES },
  });
  report(80, 'roll imported');

  // The mobile box serves the oldest voters of the central venue's groups who asked for it.
  clock.advance(600);
  const dayMs = Date.parse(`${opts.date}T00:00:00Z`);
  const elderly = voters.filter((v) => v.votesAt === 'central' && dayMs - Date.parse(`${v.birthDate}T00:00:00Z`) > 80 * 365.25 * 86_400_000);
  const listSize = Math.min(elderly.length, Math.max(3, Math.round(opts.voters * 0.01)));
  const mobileRng = rng.fork('mobile');
  let moved = 0;
  for (const v of mobileRng.shuffle(elderly).slice(0, listSize)) {
    reassignVoter(ctx, {
      certificate: v.certificate,
      to: { mobileBox: 'M1' },
      approval: { person: opts.chairId, pin: opts.chairPin },
      reason: mobileRng.pick(['行动不便，本人申请流动票箱投票', '卧床，家属代为申请流动票箱', '高龄独居，申请上门投票']),
    });
    v.votesAt = 'M1';
    v.mobile = true;
    // Each move checks the chair's PIN (a deliberately slow hash): let progress questions through now and then.
    if (++moved % APPROVALS_PER_YIELD === 0) await yieldToEventLoop();
  }
  report(100, `${listSize} on the mobile list`);
  return voters;
}

/** Approves some proxies (published beforehand): a trustee in the same residents' group, within the proxy limit. */
export async function approveDrillProxies(
  ctx: BackendContext,
  rng: Rng,
  voters: DrillVoter[],
  opts: { proxyLimit: number; chairId: number; chairPin: string; candidateNames: Set<string> },
  onProgress?: ProgressListener,
): Promise<number> {
  const limit = Math.min(opts.proxyLimit, 2);
  const wanted = limit === 0 ? 0 : Math.max(2, Math.round(voters.length * 0.006));
  const report = phaseReporter(onProgress, 'proxies', wanted);
  if (wanted === 0) return 0;
  const r = rng.fork('proxies');
  const byGroup = new Map<string, DrillVoter[]>();
  for (const v of voters) {
    if (v.mobile) continue;
    const group = byGroup.get(v.group);
    if (group) group.push(v);
    else byGroup.set(v.group, [v]);
  }
  const gave = new Set<string>();
  const holds = new Map<string, number>();
  let approved = 0;
  for (let attempt = 0; approved < wanted && attempt < wanted * 20; attempt++) {
    const group = byGroup.get(r.pick(voters).group);
    if (!group || group.length < 2) continue;
    const voter = r.pick(group);
    const trustee = r.pick(group);
    if (voter === trustee || gave.has(voter.certificate) || gave.has(trustee.certificate) || holds.has(voter.certificate)) continue;
    if ((holds.get(trustee.certificate) ?? 0) >= limit || opts.candidateNames.has(normalizeName(trustee.name))) continue;
    approveProxy(ctx, { voter: voter.certificate, trustee: trustee.certificate, approval: { person: opts.chairId, pin: opts.chairPin } });
    gave.add(voter.certificate);
    holds.set(trustee.certificate, (holds.get(trustee.certificate) ?? 0) + 1);
    voter.proxyTo = trustee.certificate;
    approved += 1;
    report(approved);
    if (approved % APPROVALS_PER_YIELD === 0) await yieldToEventLoop();
  }
  report(wanted);
  return approved;
}

/** The committee chair's approval of a decision, typed with the chair's drill PIN. */
export function chairApproval(staff: DrillStaff): CommitteeApproval {
  const chair = staff.signers.find((s) => s.role === 'committee-chair');
  if (!chair) throw new Error('drill: the committee chair signs nothing');
  return { person: chair.id, pin: chair.pin };
}
