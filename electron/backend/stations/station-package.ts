import { z } from 'zod';
import { isWellFormed, TEXT_LIMITS } from '../../../shared/domain/text';
import { appendAudit } from '../audit';
import { refused, type BackendContext, says } from '../context';
import { inTransaction, latestSchemaVersion, type Db } from '../db';
import { writeFileDurably } from '../files/durable-write';
import { refuseExistingTarget } from '../seal/sealed-file';
import { loadOrCreateStationKey, type Fingerprint } from '../seal/station-key';
import { electionId, resolveStation, stationScope, type Station } from './identity';
import { recordLaptopKey } from './laptop-keys';
import { packageTables, PACKAGE_TABLE_NAMES } from './package-tables';
import { openStationFile, payloadProblem, signStationFile } from './signed-file';

export const PACKAGE_FORMAT = 'cer-station-package/1';
export const PACKAGE_PAYLOAD_FORMAT = 'cer-station-package-payload/1';
/** A package holds a station's voters: 50,000 of them are about 10 MB. */
export const PACKAGE_MAX_BYTES = 64 * 1024 * 1024;
const WHAT = { zh: '投票站数据包', en: 'the station package' };

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const cell = z.union([
  z.int(),
  z.null(),
  z.string().max(TEXT_LIMITS.answer).refine(isWellFormed, 'not well-formed Unicode'),
]);

export const packagePayloadShape = z.strictObject({
  format: z.literal(PACKAGE_PAYLOAD_FORMAT),
  createdAt: z.iso.datetime({ offset: true }),
  election: z.strictObject({ id: sha256, title: z.string() }),
  station: z.strictObject({ id: z.string().min(1), kind: z.enum(['venue', 'mobile-box']), name: z.string(), boxes: z.array(z.string()).min(1) }),
  schemaVersion: z.int().positive(),
  tables: z.array(z.strictObject({ table: z.string(), columns: z.array(z.string()).min(1), rows: z.array(z.array(cell)) })),
  /** Voters of other places: certificate, venue, mobile box and its name (null unless one); only so the desk can say where to go. */
  elsewhere: z.array(z.tuple([z.string().regex(/^\d{8}$/), cell, cell, cell])).optional(),
});
export type PackagePayload = z.infer<typeof packagePayloadShape>;

export interface PackageSummary {
  station: { id: string; kind: Station['kind']; name: string; boxes: string[] };
  electionTitle: string;
  voters: number;
  people: number;
  payloadHash: string;
  /** The key that signed the package: the central laptop's (printed on the package slip). */
  central: Fingerprint;
}

function rowsOf(db: Db, table: string, where: string, station: string): { columns: string[]; rows: unknown[][] } {
  const stmt = db.prepare(`SELECT * FROM ${table} WHERE ${where}`).raw(true);
  const columns = stmt.columns().map((c) => c.name);
  const rows = stmt.all(...(where.includes('@station') ? [{ station }] : [])) as unknown[][];
  return { columns, rows };
}

function votersElsewhere(db: Db, station: Station): NonNullable<PackagePayload['elsewhere']> {
  return db
    .prepare(
      `SELECT v.certificate, v.venue_id, v.mobile_box_id, b.name FROM voter v LEFT JOIN box b ON b.id = v.mobile_box_id
       WHERE v.venue_id IS NOT NULL AND NOT (${stationScope(station.kind).voters.replace(/\b(venue_id|mobile_box_id)\b/g, 'v.$1')}) ORDER BY v.certificate`,
    )
    .raw()
    .all({ station: station.id }) as NonNullable<PackagePayload['elsewhere']>;
}

function countIn(p: PackagePayload, table: string): number {
  return p.tables.find((t) => t.table === table)?.rows.length ?? 0;
}

function summaryOf(p: PackagePayload, payloadHash: string, central: Fingerprint): PackageSummary {
  return {
    station: p.station,
    electionTitle: p.election.title,
    voters: countIn(p, 'voter'),
    people: countIn(p, 'person'),
    payloadHash,
    central,
  };
}

/**
 * Writes the signed package of a polling station (or a mobile box with its own laptop) to `path`, read back and
 * checked before it takes its name. One read transaction, so the package is one moment of the file.
 */
export function exportStationPackage(ctx: BackendContext, input: { station: string; path: string; overwrite?: boolean }): PackageSummary & { path: string; bytes: number } {
  refuseExistingTarget(input.path, input.overwrite === true);
  const key = loadOrCreateStationKey(ctx.dataDir);
  const payload = ctx.db.transaction(() => {
    const station = resolveStation(ctx.db, input.station);
    if (station.boxes.length === 0) {
      throw refused(says('error.stations.ballotBoxThereNothing', { name: station.name, id: station.id }), { reason: 'no-box' });
    }
    const p: PackagePayload = {
      format: PACKAGE_PAYLOAD_FORMAT,
      createdAt: ctx.now().toISOString(),
      election: { id: electionId(ctx.db), title: (ctx.db.prepare('SELECT title FROM election').get() as { title: string }).title },
      station,
      schemaVersion: latestSchemaVersion(),
      tables: packageTables(station.kind).map(({ table, where }) => ({ table, ...(rowsOf(ctx.db, table, where, station.id) as { columns: string[]; rows: (string | number | null)[][] }) })),
      elsewhere: votersElsewhere(ctx.db, station),
    };
    return p;
  })();
  const { bytes, payloadHash } = signStationFile(PACKAGE_FORMAT, payload, key);
  writeFileDurably(input.path, bytes, { check: (back) => void openStationFile(back, PACKAGE_FORMAT, WHAT, key.fingerprint.hex) });
  const summary = summaryOf(payload, payloadHash, key.fingerprint);
  inTransaction(ctx.db, () =>
    appendAudit(ctx.db, {
      type: 'station.package-exported',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `station:${payload.station.id}`,
      detail: { payloadHash, voters: summary.voters, boxes: payload.station.boxes, file: input.path },
    }),
  );
  return { ...summary, path: input.path, bytes: bytes.length };
}

/** Reads and checks a package file's bytes against the central fingerprint typed from its slip. */
export function readStationPackage(bytes: Uint8Array, centralFingerprint: string): { payload: PackagePayload; summary: PackageSummary } {
  const opened = openStationFile(bytes, PACKAGE_FORMAT, WHAT, centralFingerprint);
  const shaped = packagePayloadShape.safeParse(opened.payload);
  if (!shaped.success) {
    const issue = shaped.error.issues[0]!;
    throw payloadProblem(WHAT, issue.path.join('.'), issue.message);
  }
  return { payload: shaped.data, summary: summaryOf(shaped.data, opened.payloadHash, opened.fingerprint) };
}

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

/**
 * Opens a checked package into this file, which must hold no election yet: its rows, the station-laptop mark, and
 * the first audit event naming the package and the central key. The same package again answers as before and
 * changes nothing; anything else in a file that already holds an election is refused. One transaction.
 */
export function openStationPackage(ctx: BackendContext, bytes: Uint8Array, centralFingerprint: string): PackageSummary & { alreadyOpen: boolean; stationKey: Fingerprint } {
  const { payload, summary } = readStationPackage(bytes, centralFingerprint);
  const db = ctx.db;
  const stationKey = () => loadOrCreateStationKey(ctx.dataDir).fingerprint;
  const mark = db.prepare('SELECT package_hash FROM station_laptop WHERE id = 1').get() as { package_hash: string } | undefined;
  if (mark?.package_hash === summary.payloadHash) return { ...summary, alreadyOpen: true, stationKey: stationKey() };
  if (mark || db.prepare('SELECT 1 FROM election').get()) {
    throw refused(says('error.stations.dataFolderAlreadyHolds'), { reason: 'not-empty' });
  }
  if (payload.schemaVersion !== latestSchemaVersion()) {
    throw refused(says('error.stations.packageVersion', { theirs: payload.schemaVersion, ours: latestSchemaVersion() }), { reason: 'schema-version' });
  }
  const names = payload.tables.map((t) => t.table);
  if (names.join() !== PACKAGE_TABLE_NAMES.join()) throw payloadProblem(WHAT, 'tables', `expected the tables ${PACKAGE_TABLE_NAMES.join(', ')}`);
  inTransaction(db, () => {
    for (const t of payload.tables) {
      const expected = columnsOf(db, t.table);
      if (t.columns.join() !== expected.join()) throw payloadProblem(WHAT, `tables.${t.table}.columns`, `expected ${expected.join(', ')}`);
      const insert = db.prepare(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`);
      t.rows.forEach((row, i) => {
        if (row.length !== t.columns.length) throw payloadProblem(WHAT, `tables.${t.table}.rows[${i}]`, `expected ${t.columns.length} values`);
        try {
          insert.run(...row);
        } catch (e) {
          throw payloadProblem(WHAT, `tables.${t.table}.rows[${i}]`, (e as Error).message);
        }
      });
    }
    if (electionId(db) !== payload.election.id) throw payloadProblem(WHAT, 'election.id', 'does not match the election it carries');
    db.prepare(
      `INSERT INTO station_laptop (id, station_id, station_kind, election_id, package_hash, central_fingerprint, opened_at)
       VALUES (1, ?, ?, ?, ?, ?, ?)`,
    ).run(payload.station.id, payload.station.kind, payload.election.id, summary.payloadHash, summary.central.hex, ctx.now().toISOString());
    const elsewhere = db.prepare('INSERT INTO voter_elsewhere (certificate, venue_id, mobile_box_id, mobile_box_name) VALUES (?, ?, ?, ?)');
    (payload.elsewhere ?? []).forEach((row, i) => {
      try {
        elsewhere.run(...row);
      } catch (e) {
        throw payloadProblem(WHAT, `elsewhere[${i}]`, (e as Error).message);
      }
    });
    recordLaptopKey(db, loadOrCreateStationKey(ctx.dataDir).fingerprint.hex, ctx.now().toISOString(), 'opened');
    appendAudit(db, {
      type: 'station.package-opened',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `station:${payload.station.id}`,
      detail: { payloadHash: summary.payloadHash, central: summary.central.hex, voters: summary.voters, createdAt: payload.createdAt },
    });
  });
  return { ...summary, alreadyOpen: false, stationKey: stationKey() };
}
