import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/envelope';
import type { ErrorText } from '../../../shared/api/error-text';
import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { RepresentativesContract } from '../../../shared/api/representatives';
import { checkCertificateNumber } from '../../../shared/domain/certificate';
import { REPRESENTATIVE_LIMITS } from '../../../shared/domain/representatives';
import { normalizeIdNumber } from '../../../shared/domain/roll';
import { isWellFormed } from '../../../shared/domain/text';
import { appendAudit } from '../audit';
import { bilingual, invalid, says, type BackendContext } from '../context';
import type { Db } from '../db';
import { readGrid, type Grid } from '../roll/read';
import { decided } from './roll-life';
import { approversJson, requireByRepresentatives, requireListOpen } from './representatives';
import { stmt } from './roll-store';

/**
 * A representatives file (CSV or XLSX): a 身份证号 or 选民证号 column (other columns, such as 姓名 and 居民小组, are
 * read by people, not by the app). Every row must name one voter on the roll, listed once; a file with any bad row
 * writes nothing, and every bad row comes back with its line and column.
 */

type In = InputOf<RepresentativesContract, 'importRepresentatives'>;
type Out = OutputOf<RepresentativesContract, 'importRepresentatives'>;

export interface RepresentativeRowError extends ErrorText {
  line: number;
  column: string;
}

const ID_HEADERS = new Set(['身份证号', '身份证号码', '公民身份号码']);
const CERTIFICATE_HEADERS = new Set(['选民证号', '选民证编号']);

interface Row {
  line: number;
  idNumber: string;
  certificate: string;
}

interface Columns {
  id: number;
  certificate: number;
  idLabel: string;
  certificateLabel: string;
}

function columnsOf(header: readonly string[]): Columns | null {
  const cells = header.map((c) => c.normalize('NFKC').trim());
  const id = cells.findIndex((c) => ID_HEADERS.has(c));
  const certificate = cells.findIndex((c) => CERTIFICATE_HEADERS.has(c));
  if (id < 0 && certificate < 0) return null;
  return { id, certificate, idLabel: cells[id] ?? '身份证号', certificateLabel: cells[certificate] ?? '选民证号' };
}

function rowsOf(grid: readonly Grid[], cols: Columns): Row[] {
  const cell = (g: Grid, i: number) => (i < 0 ? '' : (g.cells[i] ?? '').trim());
  return grid.slice(1).map((g) => ({ line: g.line, idNumber: cell(g, cols.id), certificate: cell(g, cols.certificate) }));
}

interface Resolved {
  line: number;
  voterId: number;
}

function fileRejected(errors: RepresentativeRowError[]): ApiError {
  const first = errors[0]!;
  const said = says('error.reps.fileRejected', { n: errors.length, line: first.line });
  return new ApiError('invalid-input', bilingual(`${said.zh}：${first.zh}`, `${said.en}: ${first.en}`), { text: said, details: { errors } });
}

/** Each row's voter, or the row's error: not on the roll, removed, no number, or a voter listed twice. */
function resolveRows(db: Db, rows: readonly Row[], cols: Columns): { resolved: Resolved[]; errors: RepresentativeRowError[] } {
  const errors: RepresentativeRowError[] = [];
  const resolved: Resolved[] = [];
  const firstLine = new Map<number, number>();
  const fail = (line: number, column: string, said: ErrorText) => errors.push({ line, column, ...said });
  for (const r of rows) {
    const byId = r.idNumber !== '';
    if (!byId && r.certificate === '') {
      fail(r.line, '', says('error.reps.rowEmpty'));
      continue;
    }
    const column = byId ? cols.idLabel : cols.certificateLabel;
    const value = byId ? normalizeIdNumber(r.idNumber) : r.certificate;
    if (!isWellFormed(value) || value.length > 40) {
      fail(r.line, column, says('error.reps.rowNotOnRoll', { column, value: value.slice(0, 40).replace(/[\uD800-\uDFFF]/g, '\uFFFD') }));
      continue;
    }
    const certificate = byId ? null : checkCertificateNumber(value);
    const v = (
      byId
        ? stmt(db, 'SELECT id, name, removed_at FROM voter WHERE id_number = ?').get(value)
        : certificate?.ok
          ? stmt(db, 'SELECT id, name, removed_at FROM voter WHERE certificate = ?').get(certificate.number)
          : undefined
    ) as { id: number; name: string; removed_at: string | null } | undefined;
    if (!v) {
      fail(r.line, column, says('error.reps.rowNotOnRoll', { column, value }));
    } else if (v.removed_at !== null) {
      fail(r.line, column, says('error.reps.rowRemoved', { column, value, name: v.name }));
    } else if (firstLine.has(v.id)) {
      fail(r.line, column, says('error.reps.rowTwice', { name: v.name, first: firstLine.get(v.id)! }));
    } else {
      firstLine.set(v.id, r.line);
      resolved.push({ line: r.line, voterId: v.id });
    }
  }
  return { resolved, errors };
}

export async function importRepresentatives(ctx: BackendContext, input: { bytes: Uint8Array; fileName?: string | undefined; approval?: In['approval'] }, requestKey?: string): Promise<Out> {
  if (input.bytes.length > REPRESENTATIVE_LIMITS.fileBytes) {
    throw invalid('contentBase64', says('error.reps.tooLarge', { mb: REPRESENTATIVE_LIMITS.fileBytes / 1024 / 1024 }));
  }
  const read = await readGrid(input.bytes);
  if (!read.ok) throw invalid('contentBase64', says('error.reps.unreadable'));
  const cols = read.grid[0] ? columnsOf(read.grid[0].cells) : null;
  if (!cols) throw invalid('contentBase64', says(read.grid.length === 0 ? 'error.reps.emptyFile' : 'error.reps.noColumn'));
  const rows = rowsOf(read.grid, cols);
  if (rows.length === 0) throw invalid('contentBase64', says('error.reps.emptyFile'));
  if (rows.length > REPRESENTATIVE_LIMITS.rows) throw invalid('contentBase64', says('error.reps.tooManyRows', { max: REPRESENTATIVE_LIMITS.rows }));
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const call = { sha256, fileName: input.fileName ?? null, approval: input.approval };
  return decided(ctx, 'importRepresentatives', call, requestKey, { zh: '导入居民代表名单', en: 'importing the representatives list' }, (approvers) => {
    const db = ctx.db;
    requireByRepresentatives(db);
    requireListOpen(db);
    const { resolved, errors } = resolveRows(db, rows, cols);
    if (errors.length > 0) throw fileRejected(errors);
    const at = ctx.now().toISOString();
    const add = db.prepare("INSERT INTO representative (voter_id, source, file_name, line, decided_by, at) VALUES (?, 'import', ?, ?, ?, ?) ON CONFLICT (voter_id) DO NOTHING");
    let added = 0;
    for (const r of resolved) added += add.run(r.voterId, input.fileName ?? null, r.line, approversJson(approvers), at).changes;
    appendAudit(db, {
      type: 'representatives.imported',
      at,
      actor: ctx.actor,
      subject: 'representatives',
      detail: { fileName: input.fileName ?? null, sha256, rows: rows.length, added, decidedBy: approvers },
    });
    return { rows: rows.length, added, alreadyListed: rows.length - added };
  });
}
