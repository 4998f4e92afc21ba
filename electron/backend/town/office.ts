import { normalizeName } from '../../../shared/domain/names';
import { ApiError } from '../../../shared/api/envelope';
import { bilingual } from '../context';
import { inTransaction } from '../db';
import { FILE_LIMITS, InputFileError, readInputFileSync } from '../files/input-file';
import { normalizeFingerprint } from '../seal';
import { buildBoard, type BoardFilter, type BoardRow, type FiledFile } from './board';
import type { TownContext } from './context';
import type { ElectionFacts } from './facts';
import { fileExamined, type FilingReport } from './receive';
import { examineInOrder } from './verify-pool';
import { communityNameProblem } from './community-name';
import { COMMUNITY_HEADERS, findColumn, readTable, TableError } from './table';
import { structureReport, type StructureReport } from './structure';
import { filesUnder } from './walk';

/** Registers a station key for a community, as read from its signed tally sheet; registering it again changes nothing. */
export function registerKey(ctx: TownContext, communityText: string, fingerprintText: string, via: 'typed' | 'qr'): { community: string; fingerprint: string; added: boolean } {
  const community = communityText.trim();
  const problem = communityNameProblem(community);
  if (problem !== null) throw new ApiError('invalid-input', `--community: ${problem}`);
  const fingerprint = normalizeFingerprint(fingerprintText);
  if (fingerprint === null) {
    throw new ApiError('invalid-input', `--fingerprint: ${bilingual('密钥指纹应为 32 或 64 位十六进制数', 'the fingerprint must be 32 or 64 hex digits')}`);
  }
  const added = inTransaction(ctx.db, () =>
    ctx.db
      .prepare('INSERT OR IGNORE INTO station_key (community, community_key, fingerprint, via, registered_at) VALUES (?, ?, ?, ?, ?)')
      .run(community, normalizeName(community), fingerprint, via, ctx.now().toISOString()).changes === 1,
  );
  return { community, fingerprint, added };
}

/**
 * Adds the communities of a CSV or XLSX list (a column headed 社区 / community) to the town's list, all or nothing;
 * names already listed are counted, not doubled.
 */
export async function importCommunities(ctx: TownContext, path: string): Promise<{ added: string[]; known: number }> {
  let bytes;
  try {
    bytes = readInputFileSync(path, FILE_LIMITS.communities);
  } catch (e) {
    if (e instanceof InputFileError) throw new ApiError('invalid-input', `${path}: ${e.message}`);
    throw e;
  }
  return importCommunityList(ctx, bytes, path);
}

/** The same from the list's bytes (an upload in the town screen); `path` names it in messages. */
export async function importCommunityList(ctx: TownContext, bytes: Uint8Array, path: string): Promise<{ added: string[]; known: number }> {
  let rows;
  try {
    rows = await readTable(bytes);
  } catch (e) {
    if (e instanceof InputFileError || e instanceof TableError) throw new ApiError('invalid-input', `${path}: ${e.message}`);
    throw e;
  }
  const header = rows[0];
  const column = header === undefined ? -1 : findColumn(header.cells, COMMUNITY_HEADERS);
  if (header === undefined || column < 0) {
    throw new ApiError('invalid-input', `${path}: line ${header?.line ?? 1}: ${bilingual('表头应有“社区”一列', 'the header must name a "community" (社区) column')}`);
  }
  const names = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const name = (row.cells[column] ?? '').trim();
    const problem = communityNameProblem(name);
    if (problem !== null) throw new ApiError('invalid-input', `${path}: line ${row.line}: ${problem}`);
    if (!names.has(normalizeName(name))) names.set(normalizeName(name), name);
  }
  return inTransaction(ctx.db, () => {
    const insert = ctx.db.prepare('INSERT OR IGNORE INTO community (name, name_key, added_at) VALUES (?, ?, ?)');
    const at = ctx.now().toISOString();
    const added = [...names].filter(([key, name]) => insert.run(name, key, at).changes === 1).map(([, name]) => name);
    return { added, known: names.size - added.length };
  });
}

export interface ImportReport {
  files: FilingReport[];
  unreadable: Array<{ path: string; reason: string }>;
  /** Files in the folders that are not *.json, not looked at. */
  skipped: number;
}

export interface ImportOptions {
  /** Worker threads verifying files (default: the cores available, at least 1). */
  threads?: number;
  /** Called after each file is filed or refused, in file order: for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports files, folders and folder trees: every file on its own, so one bad file never stops or undoes the rest.
 * Files are read and verified in parallel worker threads; each is filed here, in its own transaction, in the order
 * of the walk, so the outcome does not depend on which thread finished first.
 */
export async function importPaths(ctx: TownContext, paths: readonly string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const { files, unreadable, skipped } = filesUnder(paths);
  const reports: FilingReport[] = [];
  await examineInOrder(files, (answer) => {
    const path = files[answer.index]!;
    if ('unreadable' in answer) unreadable.push({ path, reason: answer.unreadable });
    else reports.push(fileExamined(ctx, answer.bytes, path, answer.examined));
    opts.onProgress?.(answer.index + 1, files.length);
  }, opts.threads);
  return { files: reports, unreadable, skipped };
}

/** The current file of every community's body (superseded ones are kept but not on the board). */
export function currentFiles(ctx: TownContext): FiledFile[] {
  const rows = ctx.db
    .prepare('SELECT community, payload_hash, sequence, sealed_at, facts_json FROM sealed_file WHERE superseded_by IS NULL ORDER BY id')
    .all() as Array<{ community: string; payload_hash: string; sequence: number; sealed_at: string; facts_json: string }>;
  return rows.map((r) => ({ community: r.community, payloadHash: r.payload_hash, sequence: r.sequence, sealedAt: r.sealed_at, facts: JSON.parse(r.facts_json) as ElectionFacts }));
}

export function townBoard(ctx: TownContext, filter: BoardFilter = {}): BoardRow[] {
  const communities = ctx.db.prepare('SELECT name FROM community ORDER BY id').pluck().all() as string[];
  return buildBoard(communities, currentFiles(ctx), ctx.office.followUpDays, filter);
}

/** The structure report (一肩挑, 交叉任职, make-up of the committees) over the current files. */
export function townStructure(ctx: TownContext): StructureReport {
  return structureReport(currentFiles(ctx));
}
