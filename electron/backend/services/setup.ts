import { ApiError } from '../../../shared/api/envelope';
import { setHouseholdCountTx } from './representatives';
import { electionDefinition, type CandidateInput, type ElectionDefinition, type OfficeInput } from '../../../shared/domain/election';
import { normalizeName } from '../../../shared/domain/names';
import { resolveProfile } from '../../../shared/rules/profile';
import { firstIssue } from '../../../shared/record/path';
import { checkCandidateMargins } from '../../../shared/rules/margins';
import { appendAudit, auditHead } from '../audit';
import { invalid, refused, type BackendContext, says } from '../context';
import { type Db, inTransaction, schemaVersion } from '../db';
import {
  activeCommitteeMember,
  addCommitteeMemberTx,
  addOfficialTx,
  declareRelativeTx,
  describeDuties,
  dutiesOf,
} from './people';
import { readCandidateFacts, readCandidates, readElection, readOffices, requireElection } from './setup-read';
import { createRoundTx, listRounds, roundBallot } from './setup-rounds';
import { addBoxTx, addVenueTx, readBoxes, readVenues } from './setup-venues';
import type { CreateElectionOutput, ElectionOverview, SetupWarning } from '../../../shared/api/setup';

/** Re-labels an error thrown for one item of the definition with where that item is ("candidates[3]"). */
function at<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ApiError && err.path === undefined) {
      throw new ApiError(err.code, `${path}: ${err.message}`, { path, details: err.details });
    }
    throw err;
  }
}

/** Parses an election definition (the JSON of `station init --election`), naming the first bad field. */
export function parseElectionDefinition(raw: unknown): ElectionDefinition {
  const parsed = electionDefinition.safeParse(raw);
  if (!parsed.success) {
    const e = firstIssue(parsed.error);
    throw new ApiError('invalid-input', e.message, { path: e.path });
  }
  return parsed.data;
}

/**
 * Who may stand for an office: not twice for it (by normalized name; `except` is the candidate being edited), a woman
 * for a women's seat, not a sitting election committee member, and holding no duty a candidate cannot hold.
 */
export function refuseIneligibleCandidate(
  db: Db,
  office: { id: string; title: string; womenOnly: boolean },
  c: { name: string; gender: 'female' | 'male' | null; idNumber: string | null },
  namePath: string,
  except?: string,
): void {
  const key = normalizeName(c.name);
  const same = db.prepare('SELECT id FROM candidate WHERE office_id = ? AND name_key = ?').get(office.id, key) as { id: string } | undefined;
  if (same && same.id !== except) {
    throw invalid(namePath, says('error.setup.alreadyCandidate', { name: c.name, title: office.title }));
  }
  if (office.womenOnly && c.gender !== 'female') {
    throw refused(says('error.setup.womenSeatNotFemale', { title: office.title, name: c.name }));
  }
  if (activeCommitteeMember(db, key, c.idNumber ?? undefined)) {
    throw refused(
      says('error.setup.candidateOnCommittee', { name: c.name }),
    );
  }
  for (const d of dutiesOf(db, c.name, c.idNumber ?? undefined)) {
    const duty = describeDuties(d);
    throw refused(
      says('error.setup.holdsCandidateSoRevoke', { duty, name: c.name }),
    );
  }
}

export function requireSetupOpen(db: Db): void {
  const first = db.prepare('SELECT status FROM round WHERE number = 1').get() as { status: string } | undefined;
  if (first && first.status !== 'prepared') {
    throw refused(says('error.setup.votingStartedOfficesCandidates'));
  }
}

export function addOfficeTx(ctx: BackendContext, o: OfficeInput, path = ''): void {
  const p = (f: string) => (path ? `${path}.${f}` : f);
  requireSetupOpen(ctx.db);
  if (ctx.db.prepare('SELECT 1 FROM office WHERE id = ?').get(o.id)) {
    throw invalid(p('id'), says('error.setup.officeIdAlreadyExists', { id: o.id }));
  }
  if (ctx.db.prepare('SELECT 1 FROM office WHERE rank = ?').get(o.rank)) {
    throw invalid(p('rank'), says('error.setup.rankAlreadyTaken', { rank: o.rank }));
  }
  ctx.db
    .prepare('INSERT INTO office (id, title, rank, seats, women_only) VALUES (?, ?, ?, ?, ?)')
    .run(o.id, o.title, o.rank, o.seats, o.womenOnly ? 1 : 0);
  appendAudit(ctx.db, { type: 'office.added', at: ctx.now(), actor: ctx.actor, subject: `office:${o.id}`, detail: { ...o } });
}

export function addCandidateTx(ctx: BackendContext, c: CandidateInput, path = ''): string {
  const p = (f: string) => (path ? `${path}.${f}` : f);
  const db = ctx.db;
  requireSetupOpen(db);
  const office = readOffices(db).find((o) => o.id === c.office);
  if (!office) throw invalid(p('office'), says('error.setup.unknownOffice', { office: c.office }));
  const key = normalizeName(c.name);
  refuseIneligibleCandidate(db, office, { name: c.name, gender: c.gender ?? null, idNumber: c.idNumber ?? null }, p('name'));
  let id = c.id;
  if (id === undefined) {
    let n = (db.prepare('SELECT count(*) AS n FROM candidate WHERE office_id = ?').get(c.office) as { n: number }).n + 1;
    while (db.prepare('SELECT 1 FROM candidate WHERE id = ?').get(`${c.office}-${n}`)) n += 1;
    id = `${c.office}-${n}`;
  } else if (db.prepare('SELECT 1 FROM candidate WHERE id = ?').get(id)) {
    throw invalid(p('id'), says('error.setup.candidateIdAlreadyExists', { id }));
  }
  db.prepare(
    `INSERT INTO candidate (id, name, name_key, gender, office_id, id_number, birth_year, education, political_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    c.name.trim(),
    key,
    c.gender ?? null,
    c.office,
    c.idNumber ? c.idNumber.toUpperCase() : null,
    c.birthYear ?? null,
    c.education ?? null,
    c.politicalStatus ?? null,
  );
  appendAudit(db, {
    type: 'candidate.added',
    at: ctx.now(),
    actor: ctx.actor,
    subject: `candidate:${id}`,
    detail: {
      name: c.name.trim(),
      office: c.office,
      gender: c.gender ?? null,
      ...(c.birthYear !== undefined ? { birthYear: c.birthYear } : {}),
      ...(c.education !== undefined ? { education: c.education } : {}),
      ...(c.politicalStatus !== undefined ? { politicalStatus: c.politicalStatus } : {}),
    },
  });
  return id;
}

function checkOneCentralVenue(def: ElectionDefinition): void {
  const centrals = def.venues.filter((v) => v.kind === 'central').length;
  if (centrals !== 1) throw invalid('venues', says('error.setup.exactlyOneCentralVenue', { centrals }));
}

/** Creates the whole election from its definition in one transaction: all or nothing. */
export function createElection(ctx: BackendContext, raw: unknown): CreateElectionOutput {
  const def = parseElectionDefinition(raw);
  checkOneCentralVenue(def);
  inTransaction(ctx.db, () => {
    if (readElection(ctx.db)) throw refused(says('error.setup.databaseAlreadyHoldsElection'));
    const totalSeats = def.offices.reduce((s, o) => s + o.seats, 0);
    const rules = resolveProfile(def, def.rules, totalSeats);
    const reg = def.registered;
    const createdAt = ctx.now().toISOString();
    ctx.db
      .prepare(
        `INSERT INTO election (id, title, community, body, method, date, rules_json, registered_source, registered_number, drill, created_at, person_key_salt)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(def.title, def.community, def.body, def.method, def.date, JSON.stringify(rules), reg.source, reg.source === 'number' ? reg.number : null, def.drill ? 1 : 0, createdAt, def.personKeySalt ?? null);
    appendAudit(ctx.db, {
      type: 'election.created',
      at: createdAt,
      actor: ctx.actor,
      subject: 'election',
      detail: { title: def.title, community: def.community, body: def.body, method: def.method, date: def.date, drill: def.drill, rules, registered: reg.source === 'number' ? reg.number : 'roll', personKeySalt: def.personKeySalt !== undefined },
    });
    if (reg.source === 'number') {
      reg.exclusions.forEach((x, i) =>
        at(`registered.exclusions[${i}]`, () => {
          const key = normalizeName(x.member);
          if (ctx.db.prepare('SELECT 1 FROM party_exclusion WHERE member_key = ?').get(key)) {
            throw invalid(`registered.exclusions[${i}].member`, says('error.setup.listedTwice', { member: x.member }));
          }
          ctx.db.prepare('INSERT INTO party_exclusion (member, member_key, reason) VALUES (?, ?, ?)').run(x.member, key, x.reason);
          appendAudit(ctx.db, { type: 'party.exclusion-added', at: createdAt, actor: ctx.actor, subject: 'election', detail: { member: x.member, reason: x.reason } });
        }),
      );
    }
    def.offices.forEach((o, i) => at(`offices[${i}]`, () => addOfficeTx(ctx, o, `offices[${i}]`)));
    def.committee.forEach((m, i) => at(`committee[${i}]`, () => addCommitteeMemberTx(ctx, m)));
    def.candidates.forEach((c, i) => at(`candidates[${i}]`, () => addCandidateTx(ctx, c, `candidates[${i}]`)));
    def.relatives.forEach((r, i) => at(`relatives[${i}]`, () => declareRelativeTx(ctx, r)));
    def.venues.forEach((v, i) => at(`venues[${i}]`, () => addVenueTx(ctx, v, `venues[${i}]`)));
    def.officials.forEach((o, i) => at(`officials[${i}]`, () => addOfficialTx(ctx, o)));
    def.boxes.forEach((b, i) => at(`boxes[${i}]`, () => addBoxTx(ctx, b, `boxes[${i}]`)));
    if (def.households !== undefined) setHouseholdCountTx(ctx, def.households, []);
    createRoundTx(ctx, { kind: 'regular', offices: [] });
  });
  return { rounds: listRounds(ctx.db), warnings: setupWarnings(ctx.db) };
}

export function addOffice(ctx: BackendContext, o: OfficeInput): void {
  requireElection(ctx.db);
  inTransaction(ctx.db, () => addOfficeTx(ctx, o));
}

export function addCandidate(ctx: BackendContext, c: CandidateInput): { id: string; warnings: SetupWarning[] } {
  requireElection(ctx.db);
  const id = inTransaction(ctx.db, () => addCandidateTx(ctx, c));
  return { id, warnings: setupWarnings(ctx.db) };
}

/** The margin rule (DOMAIN.md §7.5) and, where a woman is required, whether any woman stands. */
export function setupWarnings(db: Db): SetupWarning[] {
  const e = readElection(db);
  if (!e) return [];
  const offices = readOffices(db);
  const candidates = readCandidates(db);
  const byId = new Map(offices.map((o) => [o.id, o]));
  const warnings: SetupWarning[] = checkCandidateMargins(e.body, offices, candidates).map((s) => {
    const title = byId.get(s.office)?.title ?? s.office;
    return {
      code: 'insufficient-candidate-margin',
      office: s.office,
      message: `“${title}”应选 ${s.seats} 名,候选人 ${s.candidates} 名,差额不足(至少 ${s.required} 名) / "${title}": ${s.candidates} candidates for ${s.seats} seats, fewer than the ${s.required} the margin rule asks`,
    };
  });
  if (e.rules.requireWoman && candidates.length > 0 && !candidates.some((c) => c.gender === 'female')) {
    warnings.push({ code: 'no-woman-candidate', office: null, message: '候选人中没有女性 / no woman among the candidates' });
  }
  return warnings;
}

export function electionOverview(ctx: BackendContext): ElectionOverview {
  const db = ctx.db;
  const e = readElection(db);
  const rounds = listRounds(db);
  return {
    election: e ? { ...e, exclusions: db.prepare('SELECT member, reason FROM party_exclusion ORDER BY id').all() as { member: string; reason: string }[] } : null,
    offices: rounds.length > 0 ? roundBallot(db, 1) : [],
    venues: readVenues(db),
    boxes: readBoxes(db),
    rounds,
    warnings: setupWarnings(db),
    candidateFacts: readCandidateFacts(db),
    schemaVersion: schemaVersion(db),
    audit: auditHead(db),
  };
}
