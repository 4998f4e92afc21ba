import type { CertificateBatch, CertificateCardView, CertificatesContract } from '../../../shared/api/certificates';
import type { OutputOf } from '../../../shared/api/envelope';
import { checkCertificateNumber } from '../../../shared/domain/certificate';
import { invalid, notFound, refused } from '../context';
import { says } from '../../../shared/i18n/says';
import type { Db } from '../db';
import { assignmentOf, ON_ROLL, stmt } from '../services/roll-store';
import { byRepresentatives, isRepresentative, notARepresentative } from '../services/representatives-store';
import { electorsOnly } from '../services/electors';
import { householdCount } from '../services/households';
import { isExcused, partyCounts } from '../party/counts';
import { holderOnly, householdBatch, householdCardPart, householdCertificatesReady } from './household-cards';

/** Which voters a batch holds, and in what order they are printed (roll order; a number range in number order). */

interface BatchQuery {
  where: string;
  params: (string | number)[];
  order: string;
}

/** Imported voters in file order, then those added one by one (no import) in the order they were added. */
const ROLL_ORDER = 'import_id IS NULL, import_id, line, id';

/** A range bound: 8 digits once spaces and dashes are taken out; it need not carry a valid check digit. */
function rangeBound(textValue: string, path: string): string {
  const c = checkCertificateNumber(textValue);
  if (c.ok) return c.number;
  if (c.reason === 'bad-check-digit') return textValue.normalize('NFKC').replace(/\D/g, '');
  throw invalid(path, c.zh, c.en);
}

/**
 * The batch's voters: only those to vote (electors.ts: no probationary or excused Party member, in an election by
 * residents' representatives only representatives), in a household election only each household's certificate
 * holder (household-cards.ts).
 */
function batchQuery(db: Db, batch: CertificateBatch): BatchQuery {
  const q = votersOfBatch(db, batch);
  const where = `${q.where} AND ${electorsOnly(db)}`;
  return householdCertificatesReady(db) ? { ...q, where: `${where} AND ${holderOnly}` } : { ...q, where };
}

function votersOfBatch(db: Db, batch: CertificateBatch): BatchQuery {
  switch (batch.kind) {
    case 'all':
      return { where: `WHERE ${ON_ROLL}`, params: [], order: ROLL_ORDER };
    case 'group': {
      const group = batch.group.normalize('NFKC').trim();
      if (stmt(db, 'SELECT 1 FROM voter WHERE group_name = ? LIMIT 1').get(group) === undefined) {
        throw notFound(says('error.common.noGroup', { group }));
      }
      return { where: `WHERE group_name = ? AND ${ON_ROLL}`, params: [group], order: ROLL_ORDER };
    }
    case 'venue':
      if (stmt(db, 'SELECT 1 FROM venue WHERE id = ?').get(batch.venue) === undefined) {
        throw invalid('batch.venue', says('error.common.noVenue', { venue: batch.venue }));
      }
      return { where: `WHERE venue_id = ? AND ${ON_ROLL}`, params: [batch.venue], order: ROLL_ORDER };
    case 'mobile-box':
      if (stmt(db, "SELECT 1 FROM box WHERE id = ? AND kind = 'mobile'").get(batch.box) === undefined) {
        throw invalid('batch.box', says('error.common.noMobileBox', { box: batch.box }));
      }
      return { where: `WHERE mobile_box_id = ? AND ${ON_ROLL}`, params: [batch.box], order: ROLL_ORDER };
    case 'household':
      return householdBatch(db, batch.household);
    case 'range': {
      const from = rangeBound(batch.from, 'batch.from');
      const to = rangeBound(batch.to, 'batch.to');
      if (from > to) {
        throw invalid('batch.to', says('error.certificates.rangeEndsBeforeStarts', { to, from }));
      }
      return { where: `WHERE certificate BETWEEN ? AND ? AND ${ON_ROLL}`, params: [from, to], order: 'certificate' };
    }
  }
}

/** The batch's voters (row ids) in print order: the job's fixed list, taken once when it starts. */
export function batchVoterIds(db: Db, batch: CertificateBatch): number[] {
  const q = batchQuery(db, batch);
  return (db.prepare(`SELECT id FROM voter ${q.where} ORDER BY ${q.order}`).pluck().all(...q.params) as number[]);
}

interface CardRow {
  id: number;
  name: string;
  group_name: string;
  certificate: string;
  venue_id: string | null;
  mobile_box_id: string | null;
  household: string | null;
}

const CARD_COLUMNS = 'id, name, group_name, certificate, venue_id, mobile_box_id, household';

function cardOf(db: Db, r: CardRow): CertificateCardView {
  return { name: r.name, group: r.group_name, certificate: r.certificate, assignment: assignmentOf(db, r), ...householdCardPart(db, r.household) };
}

/** The cards of these voters, in the order given (one query per chunk of ids). */
export function cardsOfVoters(db: Db, ids: readonly number[]): CertificateCardView[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${CARD_COLUMNS} FROM voter WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as CardRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [cardOf(db, r)] : [];
  });
}

/** One page of a batch's cards, for the preview. */
export function batchCards(db: Db, batch: CertificateBatch, offset: number, limit: number): { total: number; cards: CertificateCardView[] } {
  const q = batchQuery(db, batch);
  const total = db.prepare(`SELECT count(*) FROM voter ${q.where}`).pluck().get(...q.params) as number;
  const rows = db
    .prepare(`SELECT ${CARD_COLUMNS} FROM voter ${q.where} ORDER BY ${q.order} LIMIT ? OFFSET ?`)
    .all(...q.params, limit, offset) as CardRow[];
  return { total, cards: rows.map((r) => cardOf(db, r)) };
}

/** The card of one certificate number, or not-found. */
export function cardOfCertificate(db: Db, certificate: string): CertificateCardView & { voterId: number } {
  const r = stmt(db, `SELECT ${CARD_COLUMNS}, removed_at, probationary FROM voter WHERE certificate = ?`).get(certificate) as
    | (CardRow & { removed_at: string | null; probationary: 0 | 1 })
    | undefined;
  if (!r) throw notFound(says('error.certificates.voterCertificate', { certificate }));
  if (r.removed_at !== null) {
    throw refused(says('error.certificates.certificateRemovedRollGets', { name: r.name, certificate }));
  }
  if (r.probationary === 1) throw refused(says('error.party.probationaryNoCertificate', { name: r.name, certificate }));
  if (isExcused(db, r.id)) throw refused(says('error.roll.excusedNoCertificate', { name: r.name, certificate }), { reason: 'excused-member' });
  if (byRepresentatives(db) && !isRepresentative(db, r.id)) throw refused(notARepresentative(r, 'certificate'), { reason: 'not-a-representative' });
  // In a household election any member's number finds the household's one certificate.
  const holder = householdCertificatesReady(db) ? holderOf(db, r.household!) : r;
  return { ...cardOf(db, holder), voterId: holder.id };
}

function holderOf(db: Db, household: string): CardRow {
  return stmt(db, `SELECT ${CARD_COLUMNS} FROM voter WHERE household = ? AND ${ON_ROLL} AND ${holderOnly}`).get(household) as CardRow;
}

/**
 * What the screen offers to choose from, with the number of those to vote each (electors.ts), the excused Party
 * members left out (they get no certificate), and how many households the roll names (the one-household batch).
 */
export function batchChoices(db: Db): OutputOf<CertificatesContract, 'certificateBatches'> {
  const electors = electorsOnly(db);
  const voters = db.prepare(`SELECT count(*) FROM voter WHERE ${electors}`).pluck().get() as number;
  const groups = db
    .prepare(`SELECT group_name AS "group", count(*) AS voters FROM voter WHERE ${electors} GROUP BY group_name ORDER BY min(import_id), min(line)`)
    .all() as { group: string; voters: number }[];
  const venues = db
    .prepare(`SELECT v.id, v.name, (SELECT count(*) FROM voter WHERE venue_id = v.id AND ${electors}) AS voters FROM venue v ORDER BY v.kind, v.id`)
    .all() as { id: string; name: string; voters: number }[];
  const mobileBoxes = db
    .prepare(`SELECT b.id, b.name, (SELECT count(*) FROM voter WHERE mobile_box_id = b.id AND ${electors}) AS voters FROM box b WHERE b.kind = 'mobile' ORDER BY b.id`)
    .all() as { id: string; name: string; voters: number }[];
  const range = db.prepare('SELECT min(certificate) AS first, max(certificate) AS last FROM voter').get() as { first: string | null; last: string | null };
  const excused = partyCounts(db).excused;
  return { voters, groups, venues, mobileBoxes, first: range.first, last: range.last, excused, households: householdCount(db) };
}

