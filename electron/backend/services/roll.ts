import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/envelope';
import type { ImportRollOutput } from '../../../shared/api/issuance';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import type { RollError, RollRow } from '../../../shared/domain/roll';
import { appendAudit, appendRefusal } from '../audit';
import { bilingual, invalid, refused, type BackendContext, says } from '../context';
import { type Db, inTransaction } from '../db';
import type { RollEncodingChoice } from '../roll/decode';
import { readRollFile } from '../roll/read';
import { requireNoSplitHousehold } from './household-places';
import { anyIssuance } from './roll-store';
import { requireElection } from './setup-read';

export interface ImportRollOptions {
  bytes: Uint8Array;
  fileName?: string | undefined;
  encoding?: RollEncodingChoice | undefined;
  certificatePrefix?: string | undefined;
  assign?: { default?: string | undefined; byGroup?: Record<string, string> | undefined } | undefined;
  /** Check everything and answer with a preview; write nothing. */
  dryRun?: boolean | undefined;
}

const PREVIEW_ROWS = 20;

/** The answer for a roll with errors: every bad row in details.errors, and nothing changed. */
function rollRejected(errors: RollError[]): ApiError {
  const lines = new Set(errors.map((e) => e.line)).size;
  const first = errors[0]!;
  return new ApiError(
    'invalid-input',
    bilingual(
      `选民名单有 ${errors.length} 处错误（涉及 ${lines} 行），未导入任何数据。第一处：${first.zh}`,
      `the roll has ${errors.length} error(s) on ${lines} line(s); nothing was imported. First: ${first.en}`,
    ),
    { details: { errors } },
  );
}

function groupKey(group: string): string {
  return group.normalize('NFKC').trim();
}

/**
 * Imports a roll file: all or nothing. The file is read and every row validated first; then, in one IMMEDIATE
 * transaction, the rows are checked against voters already in the database, certificate numbers are generated where
 * the file has none, and every voter is inserted with its initial assignment and one audit event.
 */
export async function importRoll(ctx: BackendContext, opts: ImportRollOptions): Promise<ImportRollOutput> {
  const election = requireElection(ctx.db);
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  const read = await readRollFile(opts.bytes, { electionDate: election.date, encoding: opts.encoding ?? 'auto', partyRoll: election.body === 'party' });
  const reject = (errors: RollError[]): never => {
    appendRefusal(ctx.db, {
      type: 'roll.import-rejected',
      at: ctx.now(),
      actor: ctx.actor,
      subject: 'roll',
      detail: { fileName: opts.fileName ?? null, sha256, errors: errors.length, first: `${errors[0]!.line}:${errors[0]!.code}` },
    });
    throw rollRejected(errors);
  };
  if (!read.ok) return reject(read.errors);
  const rows = read.rows;

  const outcome = inTransaction(ctx.db, (): ImportRollOutput | RollError[] => {
    const db = ctx.db;
    if (anyIssuance(db)) {
      throw refused(says('error.roll.ballotsAlreadyBeenIssued'));
    }
    const venues = new Set((db.prepare('SELECT id FROM venue').all() as { id: string }[]).map((v) => v.id));
    const central = (db.prepare("SELECT id FROM venue WHERE kind = 'central'").get() as { id: string } | undefined)?.id;
    const defaultVenue = opts.assign?.default ?? central;
    if (defaultVenue === undefined) {
      throw invalid('assign.default', says('error.roll.thereCentralVenueYet2'));
    }
    if (!venues.has(defaultVenue)) throw invalid('assign.default', says('error.roll.venue', { defaultVenue }));
    const byGroup = new Map<string, string>();
    for (const [group, venue] of Object.entries(opts.assign?.byGroup ?? {})) {
      if (!venues.has(venue)) throw invalid(`assign.byGroup.${group}`, says('error.common.noVenue', { venue }));
      byGroup.set(groupKey(group), venue);
    }

    const places = stationPlaces(db);
    const errors = [...checkAgainstDatabase(ctx, rows), ...checkStations(rows, places, read.columns.station)];
    if (errors.length > 0) return errors.sort((a, b) => a.line - b.line);
    if (opts.dryRun === true) {
      return {
        importId: 0,
        imported: rows.length,
        generatedCertificates: rows.filter((r) => r.certificate === null).length,
        format: read.format,
        encoding: read.encoding,
        ignoredColumns: read.ignoredColumns,
        sha256,
        dryRun: true,
        preview: rows.slice(0, PREVIEW_ROWS).map((r) => ({
          line: r.line,
          name: r.name,
          group: r.group,
          category: r.category,
          certificate: r.certificate,
        })),
      };
    }

    const generated = generateCertificates(ctx, rows, opts.certificatePrefix);
    const at = ctx.now().toISOString();
    const importId = Number(
      db
        .prepare('INSERT INTO roll_import (at, actor, file_name, format, encoding, sha256, voters) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(at, ctx.actor, opts.fileName ?? null, read.format, read.encoding, sha256, rows.length).lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO voter (name, name_key, id_number, gender, birth_date, group_name, category, certificate, venue_id, mobile_box_id, import_id, line, address, proof_note, household, probationary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    rows.forEach((r, i) => {
      // The file's own station column comes first, then the assignment by group, then the default venue.
      const place = r.station !== undefined ? places.get(r.station) : undefined;
      const venue = place ? (place.kind === 'venue' ? place.id : null) : (byGroup.get(groupKey(r.group)) ?? defaultVenue);
      const mobileBox = place?.kind === 'mobile-box' ? place.id : null;
      insert.run(r.name, r.name, r.idNumber, r.gender, r.birthDate, r.group, r.category, r.certificate ?? generated[i], venue, mobileBox, importId, r.line, r.address ?? null, r.proofNote ?? null, r.household ?? null, r.probationary === true ? 1 : 0);
    });
    requireNoSplitHousehold(db);
    appendAudit(db, {
      type: 'roll.imported',
      at,
      actor: ctx.actor,
      subject: `roll-import:${importId}`,
      detail: {
        fileName: opts.fileName ?? null,
        sha256,
        format: read.format,
        encoding: read.encoding,
        voters: rows.length,
        generatedCertificates: generated.filter((g) => g !== null).length,
      },
    });
    return {
      importId,
      imported: rows.length,
      generatedCertificates: generated.filter((g) => g !== null).length,
      format: read.format,
      encoding: read.encoding,
      ignoredColumns: read.ignoredColumns,
      sha256,
    };
  });
  if (Array.isArray(outcome)) return reject(outcome);
  return outcome;
}

type Place = { kind: 'venue' | 'mobile-box'; id: string };

/** What a station column may name: a venue or a mobile box, by id or by name (ids win over names). */
function stationPlaces(db: Db): Map<string, Place> {
  const places = new Map<string, Place>();
  const venues = db.prepare('SELECT id, name FROM venue ORDER BY id').all() as { id: string; name: string }[];
  const boxes = db.prepare("SELECT id, name FROM box WHERE kind = 'mobile' ORDER BY id").all() as { id: string; name: string }[];
  const all: [Place, string][] = [
    ...venues.map((v): [Place, string] => [{ kind: 'venue', id: v.id }, v.name]),
    ...boxes.map((b): [Place, string] => [{ kind: 'mobile-box', id: b.id }, b.name]),
  ];
  for (const [place] of all) places.set(place.id, place);
  for (const [place, name] of all) {
    const key = name.normalize('NFKC').trim();
    if (!places.has(key)) places.set(key, place);
  }
  return places;
}

/** Every station cell names a venue or mobile box of this election. */
function checkStations(rows: RollRow[], places: Map<string, Place>, column: string | undefined): RollError[] {
  const known = [...new Set(places.keys())].join('、');
  return rows.flatMap((r): RollError[] =>
    r.station === undefined || places.has(r.station)
      ? []
      : [
          {
            line: r.line,
            column: column ?? '投票地点',
            field: 'station',
            code: 'unknown-station',
            zh: `第 ${r.line} 行“${column ?? '投票地点'}”：没有会场或流动票箱“${r.station}”（可用：${known}）`,
            en: `line ${r.line}: ${column ?? 'station'}: no venue or mobile box "${r.station}" (known: ${known})`,
          },
        ],
  );
}

/** A voter is registered once: ID numbers and certificate numbers already in the database are errors too. */
function checkAgainstDatabase(ctx: BackendContext, rows: RollRow[]): RollError[] {
  const errors: RollError[] = [];
  const byId = ctx.db.prepare('SELECT certificate FROM voter WHERE id_number = ?');
  const byCertificate = ctx.db.prepare('SELECT name FROM voter WHERE certificate = ?');
  for (const r of rows) {
    const existing = byId.get(r.idNumber) as { certificate: string } | undefined;
    if (existing) {
      errors.push({
        line: r.line,
        column: '身份证号',
        field: 'idNumber',
        code: 'duplicate-id-number',
        zh: `第 ${r.line} 行：身份证号 ${r.idNumber} 已在选民名单上（选民证 ${existing.certificate}），一人只能登记一次`,
        en: `line ${r.line}: ID number ${r.idNumber} is already on the roll (certificate ${existing.certificate}); a voter is registered once`,
      });
    }
    if (r.certificate !== null) {
      const holder = byCertificate.get(r.certificate) as { name: string } | undefined;
      if (holder) {
        errors.push({
          line: r.line,
          column: '选民证号',
          field: 'certificate',
          code: 'duplicate-certificate',
          zh: `第 ${r.line} 行：选民证号 ${r.certificate} 已发给名单上的 ${holder.name}`,
          en: `line ${r.line}: certificate ${r.certificate} already belongs to ${holder.name} on the roll`,
        });
      }
    }
  }
  return errors;
}

/**
 * Certificate numbers for the rows that have none, counting up from the stored counter and skipping numbers in
 * use (in the database or given in the file). The prefix is fixed by the first import that generates numbers.
 */
export function generateCertificates(
  ctx: BackendContext,
  rows: readonly Pick<RollRow, 'certificate'>[],
  prefix: string | undefined,
): (string | null)[] {
  const db = ctx.db;
  if (rows.every((r) => r.certificate !== null)) return rows.map(() => null);
  const counter = db.prepare('SELECT prefix, next_serial FROM certificate_counter WHERE id = 1').get() as
    | { prefix: string; next_serial: number }
    | undefined;
  if (counter && prefix !== undefined && prefix !== counter.prefix) {
    throw invalid('certificatePrefix', says('error.roll.certificatePrefixAlreadyChange', { prefix: counter.prefix, prefix2: prefix }));
  }
  const usePrefix = counter?.prefix ?? prefix ?? '';
  let serial = counter?.next_serial ?? 1;
  const inFile = new Set(rows.flatMap((r) => (r.certificate === null ? [] : [r.certificate])));
  const inDb = db.prepare('SELECT 1 FROM voter WHERE certificate = ?');
  const capacity = 10 ** (7 - usePrefix.length);
  const out = rows.map((r) => {
    if (r.certificate !== null) return null;
    for (;;) {
      if (serial >= capacity) {
        throw refused(says('error.roll.certificateNumbersLeftUnder', { usePrefix }));
      }
      const n = makeCertificateNumber(serial++, usePrefix);
      if (!inFile.has(n) && inDb.get(n) === undefined) return n;
    }
  });
  db.prepare(
    `INSERT INTO certificate_counter (id, prefix, next_serial) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET next_serial = excluded.next_serial`,
  ).run(usePrefix, serial);
  return out;
}
