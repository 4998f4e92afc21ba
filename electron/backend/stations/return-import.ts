import type { z } from 'zod';
import type { anomalyView } from '../../../shared/api/stations';
import type { CommitteeApproval } from '../../../shared/domain/authority';
import { appendAudit } from '../audit';
import { invalid, refused, type BackendContext, says } from '../context';
import { inTransaction, type Db } from '../db';
import { preparedOnce as q } from '../db/statements';
import { loadOrCreateStationKey, type Fingerprint } from '../seal/station-key';
import { decidingMembers } from '../services/committee-decision';
import { householdVoted, isHouseholdElection } from '../services/households';
import { electionId, resolveStation, type Station } from './identity';
import { returnPayloadShape, RETURN_FORMAT, RETURN_WHAT, type ReturnPayload } from './return-payload';
import { openStationFile, payloadProblem } from './signed-file';

/** What an import flags instead of merging (shared/api/stations.ts). */
export type Anomaly = z.infer<typeof anomalyView>;

export interface ReturnImported {
  station: string;
  sequence: number;
  payloadHash: string;
  /** True when this very return was imported before: nothing changed. */
  alreadyImported: boolean;
  /** Issuances new to this laptop, now counted in turnout and in their box's issued count. */
  added: number;
  issuances: number;
  /** Anomalies this import found (flagged, never merged). */
  anomalies: Anomaly[];
  fingerprint: Fingerprint;
  /** True when this return registered the station's key. */
  keyRegistered: boolean;
  /** The old key (64 hex digits) when this return, from a laptop that took over, replaced it; else null. */
  keyReplaced: string | null;
}

interface Checked {
  payload: ReturnPayload;
  payloadHash: string;
  fingerprint: Fingerprint;
  publicKeyPem: string;
  station: Station;
}

/** Everything that can be checked before writing: the file, the election, the station, the key and the chain. */
function checkReturn(ctx: BackendContext, bytes: Uint8Array, typedFingerprint: string | undefined): Checked {
  const opened = openStationFile(bytes, RETURN_FORMAT, RETURN_WHAT, typedFingerprint);
  const shaped = returnPayloadShape.safeParse(opened.payload);
  if (!shaped.success) {
    const issue = shaped.error.issues[0]!;
    throw payloadProblem(RETURN_WHAT, issue.path.join('.'), issue.message);
  }
  const p = shaped.data;
  const db = ctx.db;
  if (p.election.id !== electionId(db)) {
    throw refused(says('error.stations.returnBelongsAnotherElection', { title: p.election.title }), { reason: 'other-election' });
  }
  if (p.central !== loadOrCreateStationKey(ctx.dataDir).fingerprint.hex) {
    throw refused(says('error.stations.returnComesPackageMade'), { reason: 'other-central' });
  }
  const station = resolveStation(db, p.station.id);
  if (station.kind !== p.station.kind) throw payloadProblem(RETURN_WHAT, 'station.kind', `${p.station.id} is a ${station.kind} here`);
  const boxes = new Set(station.boxes);
  const where = [...p.boxes.map((b, i) => [`boxes[${i}]`, b.box] as const), ...p.issuances.map((x, i) => [`issuances[${i}]`, x.box] as const)].find(([, box]) => !boxes.has(box));
  if (where) throw payloadProblem(RETURN_WHAT, `${where[0]}.box`, `box ${where[1]} is not a box of ${station.id}`);
  const perBox = new Map<string, number>();
  for (const x of p.issuances) perBox.set(`${x.box}/${x.round}`, (perBox.get(`${x.box}/${x.round}`) ?? 0) + 1);
  const off = p.boxes.find((b) => b.issued !== (perBox.get(`${b.box}/${b.round}`) ?? 0));
  if (off) throw payloadProblem(RETURN_WHAT, 'boxes', `box ${off.box} round ${off.round} states ${off.issued} issued but lists ${perBox.get(`${off.box}/${off.round}`) ?? 0}`);
  if (p.chain.length !== p.sequence - 1) throw payloadProblem(RETURN_WHAT, 'chain', `return ${p.sequence} must name ${p.sequence - 1} earlier return(s)`);
  return { payload: p, payloadHash: opened.payloadHash, fingerprint: opened.fingerprint, publicKeyPem: opened.publicKeyPem, station };
}

/** True when the return's takeovers lead, one after another, from the registered key to the key that signed it. */
function takenOverFrom(registered: string, c: Checked): boolean {
  let current = registered;
  for (const t of c.payload.takeovers ?? []) if (t.from === current) current = t.to;
  return current === c.fingerprint.hex && current !== registered;
}

function refuseKeyOrChain(db: Db, c: Checked, typedFingerprint: string | undefined): { register: boolean; replaces: string | null } {
  const key = q(db, 'SELECT fingerprint FROM station_key WHERE station_id = ?').get(c.station.id) as { fingerprint: string } | undefined;
  const replaces = key && key.fingerprint !== c.fingerprint.hex && takenOverFrom(key.fingerprint, c) ? key.fingerprint : null;
  if (replaces !== null && typedFingerprint === undefined) {
    throw refused(
      says('error.stations.stationSLaptopTaken', { id: c.station.id }),
      { reason: 'fingerprint-needed', fingerprint: c.fingerprint.short },
    );
  }
  if (key && key.fingerprint !== c.fingerprint.hex && replaces === null) {
    throw refused(
      says('error.stations.returnSignedKeyKey', { short: c.fingerprint.short, id: c.station.id }),
      { reason: 'foreign-key', fingerprint: c.fingerprint.short },
    );
  }
  if (!key && typedFingerprint === undefined) {
    throw refused(
      says('error.stations.firstReturnStationType', { id: c.station.id }),
      { reason: 'fingerprint-needed', fingerprint: c.fingerprint.short },
    );
  }
  const last = q(db, 'SELECT sequence, payload_hash FROM station_return WHERE station_id = ? ORDER BY sequence DESC LIMIT 1').get(c.station.id) as
    | { sequence: number; payload_hash: string }
    | undefined;
  if (last && (c.payload.sequence <= last.sequence || c.payload.chain[last.sequence - 1] !== last.payload_hash)) {
    throw refused(
      says('error.stations.returnDoesExtendReturn', { sequence: c.payload.sequence, sequence2: last.sequence, id: c.station.id }),
      { reason: 'chain', last: last.sequence },
    );
  }
  return { register: !key, replaces };
}

type Flag = (a: Anomaly) => void;

function mergeIssuances(db: Db, c: Checked, flag: Flag): number {
  let added = 0;
  const voterOf = q(db, 'SELECT id, name, venue_id, mobile_box_id, household FROM voter WHERE certificate = ?');
  const byHousehold = isHouseholdElection(db);
  const existing = q(db, 'SELECT box_id, desk, at, station_id FROM issuance WHERE voter_id = ? AND round_number = ?');
  const person = q(db, 'SELECT 1 FROM person WHERE id = ?');
  const insert = q(
    db,
    'INSERT INTO issuance (voter_id, round_number, box_id, desk, at, actor, trustee_id, helper_person_id, station_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const assigned = (v: { venue_id: string | null; mobile_box_id: string | null }) =>
    c.station.kind === 'venue' ? v.venue_id === c.station.id : v.mobile_box_id === c.station.id;
  for (const x of c.payload.issuances) {
    const subject = `certificate:${x.certificate}`;
    const voter = voterOf.get(x.certificate) as { id: number; name: string; venue_id: string | null; mobile_box_id: string | null; household: string | null } | undefined;
    if (!voter) {
      flag({ kind: 'unknown-voter', subject, round: x.round, detail: { box: x.box, desk: x.desk, at: x.at } });
      continue;
    }
    const before = existing.get(voter.id, x.round) as { box_id: string; desk: string; at: string; station_id: string | null } | undefined;
    if (before) {
      const same = before.box_id === x.box && before.desk === x.desk && before.at === x.at && (before.station_id === null || before.station_id === c.station.id);
      if (!same) {
        flag({
          kind: 'issued-elsewhere',
          subject,
          round: x.round,
          detail: { here: { box: x.box, desk: x.desk, at: x.at }, there: { box: before.box_id, desk: before.desk, at: before.at, station: before.station_id } },
        });
      }
      continue;
    }
    // One ballot per household per round: another member's ballot from another place is flagged, this one not merged.
    const household = byHousehold && voter.household !== null ? householdVoted(db, voter.household, x.round) : null;
    if (household) {
      const there = household.where;
      flag({
        kind: 'household-issued-elsewhere',
        subject,
        round: x.round,
        detail: {
          household: voter.household,
          here: { box: x.box, desk: x.desk, at: x.at },
          there: { certificate: household.certificate, box: there.box, desk: there.desk, at: there.at, venue: there.venue },
        },
      });
      continue;
    }
    if (!assigned(voter)) {
      flag({ kind: 'not-assigned-here', subject, round: x.round, detail: { box: x.box, assigned: voter.venue_id ?? voter.mobile_box_id } });
    }
    const trustee = x.trustee === null ? undefined : (voterOf.get(x.trustee) as { id: number } | undefined);
    const helper = x.helper !== null && person.get(x.helper) ? x.helper : null;
    insert.run(voter.id, x.round, x.box, x.desk, x.at, x.actor, trustee?.id ?? null, helper, c.station.id);
    added++;
  }
  return added;
}

function mergeCounts(db: Db, c: Checked, flag: Flag): void {
  const p = c.payload;
  const spoiled = q(db, `INSERT INTO spoiled_count (box_id, round_number, count) VALUES (?, ?, ?)
    ON CONFLICT (box_id, round_number) DO UPDATE SET count = max(count, excluded.count)`);
  const previous = q(db, `SELECT b.issued FROM station_return_box b WHERE b.station_id = ? AND b.box_id = ? AND b.round_number = ?
    ORDER BY b.sequence DESC LIMIT 1`);
  const figures = q(db, `INSERT INTO station_return_box (station_id, sequence, box_id, round_number, received, issued, spoiled, returned)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const rounds = new Set((db.prepare('SELECT number FROM round').all() as { number: number }[]).map((r) => r.number));
  for (const b of p.boxes) {
    if (!rounds.has(b.round)) throw invalid('file', says('error.stations.returnNamesRoundWhich', { round: b.round }));
    const last = previous.get(c.station.id, b.box, b.round) as { issued: number } | undefined;
    if (last && b.issued < last.issued) {
      flag({ kind: 'issued-count-down', subject: `box:${b.box}`, round: b.round, detail: { before: last.issued, now: b.issued, sequence: p.sequence } });
    }
    if (b.spoiled > 0) spoiled.run(b.box, b.round, b.spoiled);
    figures.run(c.station.id, p.sequence, b.box, b.round, b.received, b.issued, b.spoiled, b.returned);
  }
  const stockSeen = q(db, 'SELECT 1 FROM ballot_stock_movement WHERE box_id = ? AND round_number = ? AND kind = ? AND count = ? AND at = ?');
  const stockAdd = q(db, 'INSERT INTO ballot_stock_movement (box_id, round_number, kind, count, at, actor) VALUES (?, ?, ?, ?, ?, ?)');
  for (const s of p.stock) {
    if (!stockSeen.get(s.box, s.round, s.kind, s.count, s.at)) stockAdd.run(s.box, s.round, s.kind, s.count, s.at, s.actor);
  }
  const custodyAt = q(db, 'SELECT step, at FROM custody_event WHERE box_id = ? AND round_number = ? AND seq = ?');
  const custodyAdd = q(db, `INSERT INTO custody_event (box_id, round_number, seq, step, at, by_person_id, seal_numbers, seal_intact, flagged, carriers, decision, decided_by, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const person = q(db, 'SELECT 1 FROM person WHERE id = ?');
  for (const e of p.custody) {
    const here = custodyAt.get(e.box, e.round, e.seq) as { step: string; at: string } | undefined;
    if (here) {
      if (here.step !== e.step || here.at !== e.at) {
        flag({ kind: 'custody-differs', subject: `box:${e.box}`, round: e.round, detail: { seq: e.seq, here: here.step, station: e.step, at: e.at } });
      }
      continue;
    }
    const by = e.byPerson !== null && person.get(e.byPerson) ? e.byPerson : null;
    custodyAdd.run(e.box, e.round, e.seq, e.step, e.at, by, e.seals, e.sealIntact, e.flagged, e.carriers, e.decision, e.decidedBy, e.note);
  }
}

/**
 * Imports a station's signed return at the central laptop (docs/stations.md). Refused, with nothing changed: a file
 * that is damaged or cut short, another election's, a station's return signed by a key other than the one its first
 * return registered, a return that does not extend the last one imported. The first return of a station registers
 * its key, on the fingerprint typed from its slip and a committee decision. The same file again changes nothing.
 * Otherwise one transaction adds what is new: issuances (counted in turnout and in their box's issued count),
 * exchange counts, stock and custody; what cannot be merged is flagged as an anomaly, never merged silently.
 */
export function importStationReturn(
  ctx: BackendContext,
  bytes: Uint8Array,
  input: { fingerprint?: string | undefined; approvals?: readonly CommitteeApproval[] | undefined } = {},
): ReturnImported {
  const c = checkReturn(ctx, bytes, input.fingerprint);
  const db = ctx.db;
  const base = { station: c.station.id, sequence: c.payload.sequence, payloadHash: c.payloadHash, issuances: c.payload.issuances.length, fingerprint: c.fingerprint };
  if (q(db, 'SELECT 1 FROM station_return WHERE payload_hash = ?').get(c.payloadHash)) {
    return { ...base, alreadyImported: true, added: 0, anomalies: [], keyRegistered: false, keyReplaced: null };
  }
  const { register, replaces } = refuseKeyOrChain(db, c, input.fingerprint);
  const deciders =
    register || replaces !== null
      ? decidingMembers(ctx, input.approvals ?? [], { atLeast: 0, path: 'approvals', what: { zh: '登记投票站密钥', en: "registering a station's key" } })
      : [];
  return inTransaction(db, () => {
    refuseKeyOrChain(db, c, input.fingerprint);
    const at = ctx.now().toISOString();
    const subject = `station:${c.station.id}`;
    if (register) {
      const decidedBy = deciders.map((d) => d.name).join('、');
      db.prepare('INSERT INTO station_key (station_id, fingerprint, public_key, registered_at, decided_by) VALUES (?, ?, ?, ?, ?)')
        .run(c.station.id, c.fingerprint.hex, c.publicKeyPem, at, decidedBy);
      appendAudit(db, { type: 'station.key-registered', at, actor: ctx.actor, subject, detail: { fingerprint: c.fingerprint.hex, decidedBy: deciders.map((d) => d.id) } });
    }
    if (replaces !== null) {
      const decidedBy = deciders.map((d) => d.name).join('、');
      db.prepare('UPDATE station_key SET fingerprint = ?, public_key = ?, registered_at = ?, decided_by = ? WHERE station_id = ?')
        .run(c.fingerprint.hex, c.publicKeyPem, at, decidedBy, c.station.id);
      db.prepare('INSERT INTO station_key_replaced (station_id, sequence, old_fingerprint, new_fingerprint, replaced_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(c.station.id, c.payload.sequence, replaces, c.fingerprint.hex, at, decidedBy);
      appendAudit(db, { type: 'station.key-replaced', at, actor: ctx.actor, subject, detail: { old: replaces, new: c.fingerprint.hex, sequence: c.payload.sequence, decidedBy: deciders.map((d) => d.id) } });
    }
    const anomalies: Anomaly[] = [];
    const record = q(db, `INSERT INTO station_anomaly (station_id, sequence, kind, subject, round_number, detail_json) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (kind, station_id, subject, round_number) DO NOTHING`);
    const flag: Flag = (a) => {
      if (record.run(c.station.id, c.payload.sequence, a.kind, a.subject, a.round, JSON.stringify(a.detail)).changes > 0) anomalies.push(a);
    };
    const p = c.payload;
    db.prepare(`INSERT INTO station_return (station_id, sequence, payload_hash, written_at, imported_at, closing, issuances, added, audit_count, audit_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`).run(c.station.id, p.sequence, c.payloadHash, p.writtenAt, at, p.closing ? 1 : 0, p.issuances.length, p.auditHead.count, p.auditHead.hash);
    const added = mergeIssuances(db, c, flag);
    mergeCounts(db, c, flag);
    db.prepare('UPDATE station_return SET added = ? WHERE station_id = ? AND sequence = ?').run(added, c.station.id, p.sequence);
    for (const a of anomalies) {
      appendAudit(db, { type: 'station.anomaly', at, actor: ctx.actor, subject: a.subject, detail: { station: c.station.id, kind: a.kind, round: a.round, sequence: p.sequence } });
    }
    appendAudit(db, {
      type: 'station.return-imported',
      at,
      actor: ctx.actor,
      subject,
      detail: { sequence: p.sequence, payloadHash: c.payloadHash, closing: p.closing, issuances: p.issuances.length, added, anomalies: anomalies.length, auditHead: p.auditHead },
    });
    return { ...base, alreadyImported: false, added, anomalies, keyRegistered: register, keyReplaced: replaces };
  });
}
