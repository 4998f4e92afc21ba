import { appendAudit, auditHead } from '../audit';
import { notFound, type BackendContext, says } from '../context';
import { inTransaction, type Db } from '../db';
import { writeFileDurably } from '../files/durable-write';
import { refuseExistingTarget } from '../seal/sealed-file';
import { loadOrCreateStationKey, type Fingerprint } from '../seal/station-key';
import { requireElection } from '../services/setup-read';
import { stationLaptop } from './laptop-mode';
import { laptopKeys, recordLaptopKey, takeoversOf } from './laptop-keys';
import { RETURN_FORMAT, RETURN_PAYLOAD_FORMAT, RETURN_WHAT, type ReturnPayload } from './return-payload';
import { openStationFile, signStationFile } from './signed-file';

export interface ReturnWritten {
  path: string;
  bytes: number;
  station: string;
  sequence: number;
  closing: boolean;
  payloadHash: string;
  issuances: number;
  auditHead: { count: number; hash: string };
  /** The station laptop's own key, printed on the return slip and registered at the central laptop. */
  fingerprint: Fingerprint;
}

function boxFigures(db: Db): ReturnPayload['boxes'] {
  return db
    .prepare(
      `SELECT b.id AS box, r.number AS round,
         (SELECT coalesce(sum(count), 0) FROM ballot_stock_movement WHERE box_id = b.id AND round_number = r.number AND kind = 'received') AS received,
         (SELECT coalesce(max(count), 0) FROM issued_count WHERE box_id = b.id AND round_number = r.number) AS issued,
         (SELECT coalesce(sum(count), 0) FROM spoiled_count WHERE box_id = b.id AND round_number = r.number) AS spoiled,
         (SELECT coalesce(sum(count), 0) FROM ballot_stock_movement WHERE box_id = b.id AND round_number = r.number AND kind = 'returned-unused') AS returned
       FROM box b CROSS JOIN round r ORDER BY b.id, r.number`,
    )
    .all() as ReturnPayload['boxes'];
}

function gather(db: Db): Pick<ReturnPayload, 'issuances' | 'stock' | 'custody'> {
  const issuances = db
    .prepare(
      `SELECT v.certificate, i.round_number AS round, i.box_id AS box, i.desk, i.at, t.certificate AS trustee, i.helper_person_id AS helper, i.actor
       FROM issuance i JOIN voter v ON v.id = i.voter_id LEFT JOIN voter t ON t.id = i.trustee_id ORDER BY i.id`,
    )
    .all() as ReturnPayload['issuances'];
  const stock = db
    .prepare('SELECT box_id AS box, round_number AS round, kind, count, at, actor FROM ballot_stock_movement ORDER BY id')
    .all() as ReturnPayload['stock'];
  const custody = db
    .prepare(
      `SELECT box_id AS box, round_number AS round, seq, step, at, by_person_id AS byPerson, seal_numbers AS seals, seal_intact AS sealIntact,
         flagged, carriers, decision, decided_by AS decidedBy, note
       FROM custody_event ORDER BY box_id, round_number, seq`,
    )
    .all() as ReturnPayload['custody'];
  return { issuances, stock, custody };
}

/**
 * Writes this station laptop's signed return to `path`: every issuance, exchange count, stock movement and custody
 * event so far, the audit head, its number and the hashes of the returns before it. The return is recorded (with
 * its audit event) before the file is written, so a failed write leaves a gap the next return's chain covers,
 * never two returns with one number.
 */
export function writeStationReturn(ctx: BackendContext, input: { path: string; closing?: boolean; overwrite?: boolean }): ReturnWritten {
  const laptop = stationLaptop(ctx.db);
  if (!laptop) throw notFound(says('error.stations.stationLaptopStationPackage'));
  refuseExistingTarget(input.path, input.overwrite === true);
  const key = loadOrCreateStationKey(ctx.dataDir);
  const closing = input.closing === true;
  const { payload, bytes, payloadHash } = inTransaction(ctx.db, () => {
    const db = ctx.db;
    if (laptopKeys(db).length === 0) recordLaptopKey(db, key.fingerprint.hex, ctx.now().toISOString(), 'opened');
    const takeovers = takeoversOf(laptopKeys(db));
    const chain = (db.prepare('SELECT payload_hash FROM station_return_written ORDER BY sequence').all() as { payload_hash: string }[]).map((r) => r.payload_hash);
    const head = auditHead(db);
    const station = db.prepare('SELECT name FROM venue WHERE id = ? UNION ALL SELECT name FROM box WHERE id = ? LIMIT 1').get(laptop.stationId, laptop.stationId) as { name: string };
    const p: ReturnPayload = {
      format: RETURN_PAYLOAD_FORMAT,
      writtenAt: ctx.now().toISOString(),
      closing,
      election: { id: laptop.electionId, title: requireElection(db).title },
      station: { id: laptop.stationId, kind: laptop.stationKind, name: station.name },
      package: laptop.packageHash,
      central: laptop.centralFingerprint,
      sequence: chain.length + 1,
      chain,
      auditHead: { count: head.count, hash: head.head },
      ...(takeovers.length > 0 ? { takeovers } : {}),
      boxes: boxFigures(db),
      ...gather(db),
    };
    const signed = signStationFile(RETURN_FORMAT, p, key);
    db.prepare('INSERT INTO station_return_written (sequence, payload_hash, written_at, closing) VALUES (?, ?, ?, ?)').run(p.sequence, signed.payloadHash, p.writtenAt, closing ? 1 : 0);
    appendAudit(db, {
      type: 'station.return-written',
      at: p.writtenAt,
      actor: ctx.actor,
      subject: `station:${laptop.stationId}`,
      detail: {
        sequence: p.sequence,
        payloadHash: signed.payloadHash,
        closing,
        issuances: p.issuances.length,
        file: input.path,
        // what the return slip shows (stations/slips)
        auditHead: p.auditHead,
        boxes: p.boxes.map((b) => [b.box, b.round, b.issued]),
      },
    });
    return { payload: p, ...signed };
  });
  writeFileDurably(input.path, bytes, { check: (back) => void openStationFile(back, RETURN_FORMAT, RETURN_WHAT, key.fingerprint.hex) });
  return {
    path: input.path,
    bytes: bytes.length,
    station: laptop.stationId,
    sequence: payload.sequence,
    closing,
    payloadHash,
    issuances: payload.issuances.length,
    auditHead: payload.auditHead,
    fingerprint: key.fingerprint,
  };
}
