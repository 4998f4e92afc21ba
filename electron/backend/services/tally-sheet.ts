import type { BackendContext } from '../context';
import { loadOrCreateStationKey } from '../seal';
import { boxCountView } from './counting';
import { q } from './counting-store';
import { results } from './results';
import { electionStanding } from './rounds';
import { requireElection } from './setup-read';
import { getRound, roundBallot } from './setup-rounds';
import { listSignoffs, signedAuditHead, SIGNOFF_ROLE_NAMES, SIGNOFF_ROLES, type SignoffRole } from './signoff';
import type { TallySheetView } from '../../../shared/api/results';

/** Who may sign: every holder of a signing role now, committee chair included (the sheet's list; sealing needs it). */
export function signers(ctx: BackendContext): { person: number; name: string; role: SignoffRole }[] {
  const officials = q(
    ctx.db,
    `SELECT p.id AS person, p.name, r.role FROM official_role r JOIN person p ON p.id = r.person_id
     WHERE r.revoked_at IS NULL AND r.role IN ('chief-scrutineer', 'scrutineer', 'caller', 'counter', 'chief-counter') ORDER BY r.id`,
  ).all() as { person: number; name: string; role: SignoffRole }[];
  const chair = q(
    ctx.db,
    `SELECT p.id AS person, p.name FROM committee_member m JOIN person p ON p.id = m.person_id
     WHERE m.position = 'chair' AND m.left_at IS NULL ORDER BY p.id`,
  ).all() as { person: number; name: string }[];
  const all = [...officials, ...chair.map((c) => ({ ...c, role: 'committee-chair' as const }))];
  return all.sort((a, b) => SIGNOFF_ROLES.indexOf(a.role) - SIGNOFF_ROLES.indexOf(b.role) || a.person - b.person);
}

export function tallySheet(ctx: BackendContext, round: number): TallySheetView {
  const db = ctx.db;
  const view = results(ctx, round);
  const r = getRound(db, round);
  const e = requireElection(db);
  const { result, record } = view;
  const titles = new Map(roundBallot(db, round).map((o) => [o.id, o.title]));
  const boxes = (db.prepare('SELECT id FROM box ORDER BY id').all() as { id: string }[])
    .map((b) => boxCountView(db, round, b.id))
    .filter((b) => b.status !== 'not-opened' || b.issued > 0)
    .map((b) => ({ box: b.box, name: b.name, issued: b.issued, found: b.found, difference: b.difference, status: b.status }));
  const spoiled = (q(db, 'SELECT coalesce(sum(count), 0) AS n FROM spoiled_count WHERE round_number = ?').get(round) as { n: number }).n;
  const signoffs = listSignoffs(db, round);
  const key = loadOrCreateStationKey(ctx.dataDir);
  return {
    election: { title: e.title, community: e.community, date: e.date, body: e.body, method: e.method, drill: e.drill },
    round: { number: round, kind: r.kind, status: r.status },
    counts: {
      registered: result.counts.registered,
      participants: result.counts.participants,
      ballotsIssued: record.participants,
      spoiled,
      collected: result.counts.ballotsCast,
      valid: result.counts.ballotsCast - result.counts.voidBallots,
      void: result.counts.voidBallots,
    },
    boxes,
    valid: result.valid,
    problems: result.problems,
    offices: result.offices.map((o) => ({ ...o, title: titles.get(o.office) ?? o.office })),
    acting: result.acting,
    nextSteps: result.nextSteps,
    standing: electionStanding(db),
    officials: signers(ctx).map((s) => {
      const signed = signoffs.find((x) => x.person === s.person && x.role === s.role && x.revoked === null);
      return {
        ...s,
        roleName: SIGNOFF_ROLE_NAMES[s.role],
        signed: signed ? { at: signed.signedAt, resultHash: signed.resultHash, current: signed.resultHash === view.resultHash } : null,
      };
    }),
    revokedSignoffs: signoffs
      .filter((s) => s.revoked !== null)
      .map((s) => ({ name: s.name, role: s.role, signedAt: s.signedAt, revokedAt: s.revoked!.at, reason: s.revoked!.reason })),
    recordHash: view.recordHash,
    resultHash: view.resultHash,
    station: { fingerprint: key.fingerprint.hex, fingerprintShort: key.fingerprint.short },
    signedHead: signedAuditHead(db, round),
    generatedAt: ctx.now().toISOString(),
  };
}
