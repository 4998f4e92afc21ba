import type { RoundCandidateView, UpdateRoundCandidateInput } from '../../../shared/api/round-candidates';
import { normalizeName } from '../../../shared/domain/names';
import { appendAudit } from '../audit';
import { invalid, notFound, refused, says, type BackendContext } from '../context';
import { type Db, inTransaction } from '../db';
import { correctedFacts, overwrites, type StoredFacts } from './candidate-facts';
import { personKeyOf, readPersonKeySalt } from './person-key';
import { readOffices } from './setup-read';
import { getRound } from './setup-rounds';

/**
 * The record facts of persons who first stand in a later round (a write-in person on a supplementary ballot has no
 * row on the candidates form). Entered or corrected while that round is still prepared; the ID number only as its
 * person key with the town's salt (which cannot change after round 1 opened), so no ID number is stored for them.
 */

interface RawRoundCandidate {
  office_id: string;
  id: string;
  name: string;
  name_key: string;
  gender: 'female' | 'male' | null;
  birth_year: number | null;
  education: StoredFacts['education'];
  political_status: StoredFacts['politicalStatus'];
  person_key: string | null;
}

/** The facts and person key to store with a later round's candidate. */
export interface LaterCandidateFacts extends StoredFacts {
  personKey: string | null;
}

interface SetUpRow {
  office_id: string;
  name_key: string;
  id_number: string | null;
  birth_year: number | null;
  education: StoredFacts['education'];
  political_status: StoredFacts['politicalStatus'];
}

const SET_UP_COLUMNS = 'office_id, name_key, id_number, birth_year, education, political_status';

/** A candidates-form row's facts, its ID number only as the person key (null without the town's salt). */
function factsOfSetUp(r: SetUpRow, salt: string | null): StoredFacts & { key: string | null; office: string } {
  return {
    office: r.office_id,
    birthYear: r.birth_year,
    education: r.education,
    politicalStatus: r.political_status,
    key: salt !== null && r.id_number !== null ? personKeyOf(salt, r.id_number) : null,
  };
}

function setUpFacts(db: Db): Map<string, StoredFacts & { key: string | null; office: string }> {
  const salt = readPersonKeySalt(db);
  const rows = db.prepare(`SELECT ${SET_UP_COLUMNS} FROM candidate ORDER BY id`).all() as SetUpRow[];
  const byOfficeName = new Map<string, StoredFacts & { key: string | null; office: string }>();
  for (const r of rows) byOfficeName.set(`${r.office_id}\u0000${r.name_key}`, factsOfSetUp(r, salt));
  return byOfficeName;
}

function isSetUpCandidate(db: Db, office: string, nameKey: string): boolean {
  return db.prepare('SELECT 1 FROM candidate WHERE office_id = ? AND name_key = ?').get(office, nameKey) !== undefined;
}

/**
 * What a person not standing for this office on the candidates form brings to a new later round: the facts entered
 * for them in the latest earlier round, else those of the candidates form for another office (same name, as the
 * tally matches persons).
 */
export function carriedFacts(db: Db, name: string): LaterCandidateFacts | null {
  const key = normalizeName(name);
  const earlier = db
    .prepare(
      `SELECT birth_year, education, political_status, person_key FROM round_candidate
        WHERE name_key = ? AND (birth_year IS NOT NULL OR education IS NOT NULL OR political_status IS NOT NULL OR person_key IS NOT NULL)
        ORDER BY round_number DESC LIMIT 1`,
    )
    .get(key) as Pick<RawRoundCandidate, 'birth_year' | 'education' | 'political_status' | 'person_key'> | undefined;
  if (earlier) return { birthYear: earlier.birth_year, education: earlier.education, politicalStatus: earlier.political_status, personKey: earlier.person_key };
  const row = db.prepare(`SELECT ${SET_UP_COLUMNS} FROM candidate WHERE name_key = ? ORDER BY id LIMIT 1`).get(key) as SetUpRow | undefined;
  if (!row) return null;
  const form = factsOfSetUp(row, readPersonKeySalt(db));
  return { birthYear: form.birthYear, education: form.education, politicalStatus: form.politicalStatus, personKey: form.key };
}

export function roundCandidates(db: Db, round: number): RoundCandidateView[] {
  getRound(db, round);
  const titles = new Map(readOffices(db).map((o) => [o.id, o.title]));
  const form = setUpFacts(db);
  const rows = db.prepare('SELECT * FROM round_candidate WHERE round_number = ? ORDER BY office_id, id').all(round) as RawRoundCandidate[];
  return rows.map((r) => {
    const setUp = form.get(`${r.office_id}\u0000${r.name_key}`);
    const facts = setUp ?? { birthYear: r.birth_year, education: r.education, politicalStatus: r.political_status, key: r.person_key };
    return {
      id: r.id,
      office: r.office_id,
      title: titles.get(r.office_id) ?? r.office_id,
      name: r.name,
      gender: r.gender,
      birthYear: facts.birthYear,
      education: facts.education,
      politicalStatus: facts.politicalStatus,
      personKey: facts.key !== null,
      setUp: setUp !== undefined,
    };
  });
}

export function updateRoundCandidate(ctx: BackendContext, input: UpdateRoundCandidateInput): RoundCandidateView {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = getRound(db, input.round);
    const before = db.prepare('SELECT * FROM round_candidate WHERE round_number = ? AND id = ?').get(round.number, input.id) as RawRoundCandidate | undefined;
    if (!before) throw notFound(says('error.facts.noRoundCandidate', { round: round.number, id: input.id }));
    if (round.status !== 'prepared') throw refused(says('error.facts.roundOpened', { round: round.number, status: round.status }), { reason: 'round-opened' });
    const office = readOffices(db).find((o) => o.id === before.office_id)!;
    if (isSetUpCandidate(db, office.id, before.name_key)) throw refused(says('error.facts.setUpCandidate', { name: before.name, title: office.title }));
    const gender = input.gender ?? before.gender;
    let personKey = before.person_key;
    if (input.idNumber !== undefined) {
      const salt = readPersonKeySalt(db);
      if (salt === null) throw refused(says('error.facts.noSalt'), { reason: 'no-salt' });
      personKey = personKeyOf(salt, input.idNumber);
    }
    const factsBefore: StoredFacts = { birthYear: before.birth_year, education: before.education, politicalStatus: before.political_status };
    const factsAfter = correctedFacts(factsBefore, input);
    const was = { gender: before.gender, ...factsBefore, personKey: before.person_key };
    const now = { gender, ...factsAfter, personKey };
    if (overwrites(was, now) && input.reason === undefined) throw invalid('reason', says('error.facts.reasonForCorrection', { name: before.name }));
    if (!Object.keys(was).some((k) => was[k as keyof typeof was] !== now[k as keyof typeof now])) return roundCandidates(db, round.number).find((c) => c.id === before.id)!;
    db.prepare('UPDATE round_candidate SET gender = ?, birth_year = ?, education = ?, political_status = ?, person_key = ? WHERE round_number = ? AND id = ?').run(
      gender,
      factsAfter.birthYear,
      factsAfter.education,
      factsAfter.politicalStatus,
      personKey,
      round.number,
      before.id,
    );
    appendAudit(db, {
      type: 'round-candidate.changed',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `round:${round.number}`,
      detail: {
        candidate: before.id,
        name: before.name,
        office: office.id,
        before: { gender: before.gender, ...factsBefore },
        after: { gender, ...factsAfter },
        // Neither the ID number nor its key: that a key was made or changed is enough for the log.
        personKeyChanged: personKey !== before.person_key,
        ...(input.reason !== undefined ? { reason: input.reason } : {}),
      },
    });
    return roundCandidates(db, round.number).find((c) => c.id === before.id)!;
  });
}
