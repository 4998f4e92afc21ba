import type { BoxStockView, IssuanceContract, IssuanceRefusal, IssuedOutput, IssueInput } from '../../../shared/api/issuance';
import { ApiError, type InputOf, type OutputOf } from '../../../shared/api/envelope';
import { checkCertificateNumber } from '../../../shared/domain/certificate';
import type { BoxKind } from '../../../shared/domain/venue';
import { appendAudit } from '../audit';
import { bilingual, invalid, notFound, refused, says, type BackendContext } from '../context';
import type { ErrorText } from '../../../shared/api/error-text';
import { byRepresentatives, isRepresentative, notARepresentative } from './representatives-store';
import { partyBallotRefusal } from '../party/desk-check';
import { type Db, inTransaction } from '../db';
import {
  assignmentOf,
  describeAssignment,
  issuancesOf,
  refuseInTx,
  requireVoter,
  stmt,
  unwrap,
  voterById,
  voterByCertificate,
  type Refusal,
  type VoterRow,
} from './roll-store';
import { countSpoiled, exchangeKeySeen, tallySpoiled } from './spoiled';
import { votesElsewhere } from '../stations/voters-elsewhere';
import { certificateArg } from './voters';
import { householdRefusal } from './household-desk';

// ---------------------------------------------------------------------------------------------------------------
// Desks

interface DeskBox {
  desk: string;
  box: string;
  boxName: string;
  kind: BoxKind;
  venue: string;
  venueName: string;
}

/** A desk is set up for one box; a box id also names that box's implicit desk. */
export function resolveDesk(db: Db, desk: string): DeskBox {
  const row = stmt(
    db,
    `SELECT d.id AS desk, b.id AS box, b.name AS box_name, b.kind, b.venue_id, v.name AS venue_name
     FROM desk d JOIN box b ON b.id = d.box_id JOIN venue v ON v.id = b.venue_id WHERE d.id = ?
     UNION ALL
     SELECT b.id, b.id, b.name, b.kind, b.venue_id, v.name FROM box b JOIN venue v ON v.id = b.venue_id
     WHERE b.id = ? AND NOT EXISTS (SELECT 1 FROM desk WHERE id = ?)
     LIMIT 1`,
  ).get(desk, desk, desk) as
    | { desk: string; box: string; box_name: string; kind: BoxKind; venue_id: string; venue_name: string }
    | undefined;
  if (!row) throw notFound(says('error.desk.noDeskBox', { desk }));
  return { desk: row.desk, box: row.box, boxName: row.box_name, kind: row.kind, venue: row.venue_id, venueName: row.venue_name };
}

export function addDesk(ctx: BackendContext, input: InputOf<IssuanceContract, 'addDesk'>): OutputOf<IssuanceContract, 'addDesk'> {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    if (!db.prepare('SELECT 1 FROM box WHERE id = ?').get(input.box)) throw invalid('box', says('error.desk.noBox', { box: input.box }));
    if (db.prepare('SELECT 1 FROM desk WHERE id = ?').get(input.id)) throw refused(says('error.desk.deskAlreadyExists', { id: input.id }));
    const box = db.prepare('SELECT 1 FROM box WHERE id = ?').get(input.id);
    if (box && input.id !== input.box) {
      throw invalid('id', says('error.desk.idOfAnotherBox', { id: input.id }));
    }
    db.prepare('INSERT INTO desk (id, name, box_id) VALUES (?, ?, ?)').run(input.id, input.name, input.box);
    appendAudit(db, { type: 'desk.added', at: ctx.now(), actor: ctx.actor, subject: `desk:${input.id}`, detail: { name: input.name, box: input.box } });
    return { id: input.id, box: input.box };
  });
}

export function listDesks(db: Db): OutputOf<IssuanceContract, 'listDesks'> {
  const explicit = db.prepare('SELECT id, name, box_id FROM desk ORDER BY id').all() as { id: string; name: string; box_id: string }[];
  const taken = new Set(explicit.map((d) => d.id));
  const implicit = (db.prepare('SELECT id, name FROM box ORDER BY id').all() as { id: string; name: string }[])
    .filter((b) => !taken.has(b.id))
    .map((b) => ({ id: b.id, name: b.name, box: b.id, implicit: true }));
  return [...explicit.map((d) => ({ id: d.id, name: d.name, box: d.box_id, implicit: false })), ...implicit];
}

// ---------------------------------------------------------------------------------------------------------------
// Ballot stock

function stockCounts(db: Db, box: string, round: number): { received: number; returned: number; issued: number; spoiled: number } {
  const s = stmt(
    db,
    `SELECT
       (SELECT coalesce(sum(count), 0) FROM ballot_stock_movement WHERE box_id = @box AND round_number = @round AND kind = 'received') AS received,
       (SELECT coalesce(sum(count), 0) FROM ballot_stock_movement WHERE box_id = @box AND round_number = @round AND kind = 'returned-unused') AS returned,
       (SELECT coalesce(max(count), 0) FROM issued_count WHERE box_id = @box AND round_number = @round) AS issued,
       (SELECT coalesce(sum(count), 0) FROM spoiled_count WHERE box_id = @box AND round_number = @round) AS spoiled`,
  ).get({ box, round }) as { received: number; returned: number; issued: number; spoiled: number };
  return s;
}

export function boxStock(db: Db, box: string, round: number): BoxStockView {
  const b = stmt(db, 'SELECT id, name, kind, venue_id FROM box WHERE id = ?').get(box) as
    | { id: string; name: string; kind: BoxKind; venue_id: string }
    | undefined;
  if (!b) throw notFound(says('error.desk.noBox', { box }));
  const c = stockCounts(db, box, round);
  const returnedAny = stmt(db, "SELECT 1 FROM ballot_stock_movement WHERE box_id = ? AND round_number = ? AND kind = 'returned-unused'").get(box, round);
  return {
    box: b.id,
    boxName: b.name,
    kind: b.kind,
    venue: b.venue_id,
    round,
    received: c.received,
    issued: c.issued,
    spoiled: c.spoiled,
    unusedReturned: c.returned,
    inHand: c.received - c.issued - c.spoiled - c.returned,
    balanced: returnedAny ? c.received === c.issued + c.spoiled + c.returned : null,
  };
}

export function stockStatus(db: Db, round: number): BoxStockView[] {
  requireRound(db, round);
  return (db.prepare('SELECT id FROM box ORDER BY id').all() as { id: string }[]).map((b) => boxStock(db, b.id, round));
}

export function requireRound(db: Db, round: number): { status: string } {
  const r = stmt(db, 'SELECT status FROM round WHERE number = ?').get(round) as { status: string } | undefined;
  if (!r) throw notFound(says('error.desk.noRound', { round }));
  return r;
}

export function receiveBallots(ctx: BackendContext, input: InputOf<IssuanceContract, 'receiveBallots'>): BoxStockView {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    requireRound(db, input.round);
    boxStock(db, input.box, input.round);
    const at = ctx.now().toISOString();
    db.prepare("INSERT INTO ballot_stock_movement (box_id, round_number, kind, count, at, actor) VALUES (?, ?, 'received', ?, ?, ?)")
      .run(input.box, input.round, input.count, at, ctx.actor);
    appendAudit(db, { type: 'stock.received', at, actor: ctx.actor, subject: `box:${input.box}`, detail: { round: input.round, count: input.count } });
    return boxStock(db, input.box, input.round);
  });
}

/** Unused blank ballots handed back at the close; more than the desk can still hold is refused. */
export function returnUnusedBallots(ctx: BackendContext, input: InputOf<IssuanceContract, 'returnUnusedBallots'>): BoxStockView {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    requireRound(db, input.round);
    const before = boxStock(db, input.box, input.round);
    if (input.count > before.inHand) {
      throw refused(
        says('error.desk.returnMoreThanInHand', { box: input.box, inHand: before.inHand, received: before.received, issued: before.issued, spoiled: before.spoiled, unusedReturned: before.unusedReturned, count: input.count }),
        before,
      );
    }
    tallySpoiled(ctx, input.round, input.box);
    const at = ctx.now().toISOString();
    db.prepare("INSERT INTO ballot_stock_movement (box_id, round_number, kind, count, at, actor) VALUES (?, ?, 'returned-unused', ?, ?, ?)")
      .run(input.box, input.round, input.count, at, ctx.actor);
    appendAudit(db, { type: 'stock.returned', at, actor: ctx.actor, subject: `box:${input.box}`, detail: { round: input.round, count: input.count } });
    return boxStock(db, input.box, input.round);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Issuance

function refusalError(code: 'refused' | 'not-found' | 'invalid-input', zh: string, en: string, details: IssuanceRefusal, text?: ErrorText): ApiError {
  return new ApiError(code, bilingual(zh, en), text ? { details, text } : { details });
}

export function lastCustodyStep(db: Db, box: string, round: number): string | null {
  const r = stmt(db, 'SELECT step FROM custody_event WHERE box_id = ? AND round_number = ? ORDER BY seq DESC LIMIT 1').get(box, round) as
    | { step: string }
    | undefined;
  return r?.step ?? null;
}

function writingHelper(db: Db, person: number): { id: number; name: string } | null {
  const row = stmt(
    db,
    `SELECT p.id, p.name FROM person p JOIN official_role r ON r.person_id = p.id
     WHERE p.id = ? AND r.role = 'writing-helper' AND r.revoked_at IS NULL`,
  ).get(person) as { id: number; name: string } | undefined;
  return row ?? null;
}

/** The issuance a re-sent request (same certificate, round and key) already made, answered as it was the first time. */
function issuedWithKey(db: Db, certificate: string, round: number, key: string): IssuedOutput | null {
  const row = stmt(
    db,
    `SELECT v.name, v.group_name, i.box_id, i.desk, i.at, t.name AS trustee_name, t.group_name AS trustee_group, i.helper_person_id
     FROM voter v JOIN issuance i ON i.voter_id = v.id LEFT JOIN voter t ON t.id = i.trustee_id
     WHERE v.certificate = ? AND i.round_number = ? AND i.request_key = ?`,
  ).get(certificate, round, key) as
    | { name: string; group_name: string; box_id: string; desk: string; at: string; trustee_name: string | null; trustee_group: string | null; helper_person_id: number | null }
    | undefined;
  if (!row) return null;
  return {
    voter: { name: row.name, group: row.group_name },
    certificate,
    round,
    box: row.box_id,
    desk: row.desk,
    at: row.at,
    proxy: row.trustee_name !== null,
    trustee: row.trustee_name !== null ? { name: row.trustee_name, group: row.trustee_group ?? '' } : null,
    assisted: row.helper_person_id !== null,
  };
}

/**
 * Issues one ballot: one per certificate per round, at the desk of the box where the voter is assigned, while the
 * round and the box are open for voting and the desk still holds blank ballots. A proxy ballot is issued against the
 * proxied voter's certificate once the trustee's own certificate confirms who is at the desk. The whole check and
 * the write are one IMMEDIATE transaction, so two desks (or processes) presenting the same certificate at once give
 * exactly one ballot. Refusals are recorded in the audit log (a mistyped number is not: nothing happened). A re-send
 * with the desk client's request key answers the issuance that key made, as it was (shared/api/resend.ts); it is
 * checked where a second ballot would be refused, so it costs nothing on the way of a first issuance (a re-send
 * after the round or the box closed meets that refusal first, as any issuance would).
 */
export function issueBallot(ctx: BackendContext, input: IssueInput, requestKey?: string): IssuedOutput {
  const check = checkCertificateNumber(input.certificate);
  if (!check.ok) throw refusalError('invalid-input', check.zh, check.en, { reason: 'bad-certificate', problem: check.reason });
  let trusteeCert: string | null = null;
  if (input.trusteeCertificate !== undefined) {
    const t = checkCertificateNumber(input.trusteeCertificate);
    if (!t.ok) throw invalid('trusteeCertificate', t.zh, t.en);
    trusteeCert = t.number;
  }
  const certificate = check.number;
  const result = inTransaction(ctx.db, (): IssuedOutput | Refusal => {
    const db = ctx.db;
    const round = requireRound(db, input.round);
    const here = resolveDesk(db, input.desk);
    const subject = `certificate:${certificate}`;
    const base = { round: input.round, desk: here.desk, box: here.box };
    const no = (code: 'refused' | 'not-found', zh: string, en: string, details: IssuanceRefusal, extra: Record<string, unknown> = {}, text?: ErrorText) =>
      refuseInTx(ctx, { type: 'ballot.refused', subject, detail: { ...base, reason: details.reason, ...extra } }, refusalError(code, zh, en, details, text));

    if (round.status !== 'voting') {
      return no('refused', `第 ${input.round} 轮现在不在投票中（状态 ${round.status}）`, `round ${input.round} is not open for voting (status ${round.status})`,
        { reason: 'round-not-voting', status: round.status });
    }
    const step = lastCustodyStep(db, here.box, input.round);
    if (step !== 'voting') {
      return no('refused', `票箱 ${here.boxName} 未处于投票状态（须先查验空箱、封箱并开始投票）`,
        `box ${here.box} is not open for voting (it must be shown empty, sealed and opened for voting first)`,
        { reason: 'box-not-open', box: here.box, lastStep: step });
    }
    const voter = voterByCertificate(db, certificate);
    const elsewhere = voter ? undefined : votesElsewhere(db, certificate);
    if (elsewhere) {
      const a = describeAssignment(elsewhere);
      return no('refused', `该选民（证号 ${certificate}）在${a.zh}投票，不在本投票站`, `this voter (certificate ${certificate}) votes at ${a.en}, not at this station`,
        { reason: 'wrong-venue', assigned: elsewhere, here: { venue: here.venue, box: here.box } });
    }
    if (!voter) {
      return no('not-found', `选民证号 ${certificate} 不在选民名单上`, `certificate ${certificate} is not on the roll`,
        { reason: 'unknown-certificate', certificate });
    }
    if (voter.removed_at !== null) {
      return no('refused', `选民证 ${certificate}（${voter.name}）已从选民名单除名，不能领取选票`,
        `certificate ${certificate} (${voter.name}) was removed from the roll and cannot receive a ballot`,
        { reason: 'removed-from-roll', certificate });
    }
    if (byRepresentatives(db) && !isRepresentative(db, voter.id)) {
      const said = notARepresentative(voter, 'ballot');
      return no('refused', said.zh, said.en, { reason: 'not-a-representative', certificate }, {}, said);
    }
    const party = partyBallotRefusal(db, voter);
    if (party) {
      const error = new ApiError('refused', bilingual(party.said.zh, party.said.en), { details: { reason: party.reason, certificate }, text: party.said });
      return refuseInTx(ctx, { type: 'ballot.refused', subject, detail: { ...base, reason: party.reason } }, error);
    }
    const first = stmt(db, 'SELECT request_key FROM issuance WHERE voter_id = ? AND round_number = ?').get(voter.id, input.round) as
      | { request_key: string | null }
      | undefined;
    if (first) {
      // The same request sent again (its answer was lost): the issuance it made, not a second ballot.
      if (requestKey !== undefined && first.request_key === requestKey) return issuedWithKey(db, certificate, input.round, requestKey)!;
      const where = issuancesOf(db, voter.id).find((w) => w.round === input.round)!;
      return no('refused',
        `选民证 ${certificate}（${voter.name}）第 ${input.round} 轮已于 ${where.at} 在 ${where.venueName}、票箱 ${where.boxName}、验证发票处 ${where.desk} 领取过选票`,
        `certificate ${certificate} (${voter.name}) already received a ballot in round ${input.round} at ${where.at}, ${where.venueName}, box ${where.box}, desk ${where.desk}`,
        { reason: 'already-issued', first: where });
    }
    const household = householdRefusal(db, voter, input.round);
    if (household) return refuseInTx(ctx, { type: 'ballot.refused', subject, detail: { ...base, reason: household.details.reason } }, household.error);
    const assigned = assignmentOf(db, voter);
    const fits = assigned.kind === 'mobile-box' ? here.box === assigned.id : here.kind !== 'mobile' && here.venue === assigned.id;
    if (!fits) {
      const a = describeAssignment(assigned);
      return no('refused', `${voter.name} 的投票地点是${a.zh}，不在此处（${here.venueName}，票箱 ${here.boxName}）`,
        `${voter.name} votes at ${a.en}, not here (${here.venueName}, box ${here.box})`,
        { reason: 'wrong-venue', assigned, here: { venue: here.venue, box: here.box } });
    }
    const proxy = stmt(db, 'SELECT trustee_id FROM proxy WHERE voter_id = ? AND revoked_at IS NULL').get(voter.id) as
      | { trustee_id: number }
      | undefined;
    let trustee: VoterRow | null = null;
    if (proxy) {
      trustee = voterById(db, proxy.trustee_id);
      const t = { name: trustee.name, group: trustee.group_name };
      if (trusteeCert === null) {
        return no('refused', `${voter.name} 已委托 ${trustee.name}（${trustee.group_name}）投票，选票只能发给受委托人：请核对受委托人并输入其选民证号`,
          `${voter.name} gave a proxy to ${trustee.name} (${trustee.group_name}); the ballot goes to the trustee only: check the trustee and enter their certificate number`,
          { reason: 'proxy-trustee-required', trustee: t });
      }
      if (trusteeCert !== trustee.certificate) {
        return no('refused', `受委托人应为 ${trustee.name}（${trustee.group_name}），所输选民证号不符`,
          `the trustee is ${trustee.name} (${trustee.group_name}); the certificate entered is not theirs`,
          { reason: 'trustee-mismatch', trustee: t }, { trusteeCertificate: trusteeCert });
      }
    } else if (trusteeCert !== null) {
      return no('refused', `${voter.name} 没有经批准的委托，不能代领选票`, `${voter.name} has no approved proxy; nobody may collect their ballot`,
        { reason: 'no-approved-proxy' }, { trusteeCertificate: trusteeCert });
    }
    let helper: { id: number; name: string } | null = null;
    if (input.helper !== undefined) {
      helper = writingHelper(db, input.helper);
      if (!helper) {
        return no('refused', `编号 ${input.helper} 的人员不是代书人`, `person ${input.helper} is not a writing helper`,
          { reason: 'not-a-writing-helper', person: input.helper });
      }
    }
    if (requestKey !== undefined && stmt(db, 'SELECT 1 FROM issuance_undone_key WHERE request_key = ?').get(requestKey)) {
      return no('refused', `这次发票已在本台撤销，未再次发票；如需发票请重新扫描选民证`,
        `this issuance was undone at the desk; nothing was issued again (scan the certificate again to issue)`,
        { reason: 'issue-undone' });
    }
    const stock = stockCounts(db, here.box, input.round);
    if (stock.received - stock.issued - stock.spoiled - stock.returned <= 0) {
      return no('refused', `票箱 ${here.boxName} 没有空白选票了（领取 ${stock.received}，发出 ${stock.issued}，废票 ${stock.spoiled}）`,
        `no blank ballots left for box ${here.box} (received ${stock.received}, issued ${stock.issued}, spoiled ${stock.spoiled})`,
        { reason: 'no-ballots-left', box: here.box, received: stock.received, issued: stock.issued, spoiled: stock.spoiled });
    }
    const at = ctx.now().toISOString();
    stmt(db, `INSERT INTO issuance (voter_id, round_number, box_id, desk, at, actor, trustee_id, helper_person_id, request_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(voter.id, input.round, here.box, here.desk, at, ctx.actor, trustee?.id ?? null, helper?.id ?? null, requestKey ?? null);
    appendAudit(db, {
      type: 'ballot.issued',
      at,
      actor: ctx.actor,
      subject,
      detail: { ...base, ...(trustee ? { trusteeCertificate: trustee.certificate } : {}), ...(helper ? { helper: helper.id } : {}) },
    });
    return {
      voter: { name: voter.name, group: voter.group_name },
      certificate,
      round: input.round,
      box: here.box,
      desk: here.desk,
      at,
      proxy: trustee !== null,
      trustee: trustee ? { name: trustee.name, group: trustee.group_name } : null,
      assisted: helper !== null,
    };
  });
  return unwrap(result);
}

/** Records assisted writing on a ballot already issued: that help was given and by which helper, nothing else. */
export function recordAssistedWriting(ctx: BackendContext, input: InputOf<IssuanceContract, 'recordAssistedWriting'>): OutputOf<IssuanceContract, 'recordAssistedWriting'> {
  const certificate = certificateArg(input.certificate);
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const voter = requireVoter(db, certificate);
    const row = db.prepare('SELECT id, helper_person_id FROM issuance WHERE voter_id = ? AND round_number = ?').get(voter.id, input.round) as
      | { id: number; helper_person_id: number | null }
      | undefined;
    if (!row) throw refused(says('error.desk.notReceivedBallotRound', { name: voter.name, round: input.round }));
    if (row.helper_person_id !== null) throw refused(says('error.desk.assistedWritingAlreadyRecorded'));
    const helper = writingHelper(db, input.helper);
    if (!helper) {
      throw refused(says('error.desk.personNotWritingHelper', { helper: input.helper }), { reason: 'not-a-writing-helper', person: input.helper });
    }
    db.prepare('UPDATE issuance SET helper_person_id = ? WHERE id = ?').run(helper.id, row.id);
    appendAudit(db, { type: 'ballot.assisted', at: ctx.now(), actor: ctx.actor, subject: `certificate:${certificate}`, detail: { round: input.round, helper: helper.id } });
    return { assisted: true as const };
  });
}

/**
 * A spoiled ballot taken back and voided on the spot, a new one handed out: the box's spoiled count goes up by
 * one, issued stays. Nothing else is written (services/spoiled.ts says why). A re-send with the desk client's
 * request key counts nothing again and answers the box's stock as it is now.
 */
export function exchangeSpoiled(ctx: BackendContext, input: InputOf<IssuanceContract, 'exchangeSpoiled'>, requestKey?: string): BoxStockView {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireRound(db, input.round);
    const here = resolveDesk(db, input.desk);
    if (requestKey !== undefined && exchangeKeySeen(db, requestKey)) return boxStock(db, here.box, input.round);
    if (round.status !== 'voting' || lastCustodyStep(db, here.box, input.round) !== 'voting') {
      throw refused(says('error.desk.exchangeBoxNotVoting', { boxName: here.boxName, round: input.round }));
    }
    const before = boxStock(db, here.box, input.round);
    if (before.inHand <= 0) {
      throw refused(says('error.desk.noBlankToExchange', { boxName: here.boxName }), before);
    }
    countSpoiled(db, here.box, input.round);
    return boxStock(db, here.box, input.round);
  });
}
