import { createHash } from 'node:crypto';
import { normalizeName } from '../../../shared/domain/names';
import { TEXT_LIMITS } from '../../../shared/domain/text';
import { bilingual } from '../context';
import { inTransaction } from '../db';
import { judgeAuthenticity } from './authenticity';
import type { TownContext } from './context';
import { examineSealedFile, payloadHash, type Examined } from './examine';
import { registryOf } from './registry';
import { storedText } from './stored-text';

export type FilingOutcome = 'new' | 'same' | 'superseding' | 'superseded' | 'refused';

/** What happened to one file: its classification and one line (Chinese / English) saying why. */
export interface FilingReport {
  source: string;
  outcome: FilingOutcome;
  line: string;
  community: string | null;
  body: string | null;
  sequence: number | null;
  payloadHash: string | null;
}

const SOURCE_MAX = 1000;

interface StoredFile {
  id: number;
  payload_hash: string;
  community_key: string;
  body: string;
  sequence: number;
  superseded_by: number | null;
}

/** Notes a refusal (inside the caller's transaction). */
function recordRefusal(ctx: TownContext, bytes: Uint8Array, source: string, line: string): void {
  ctx.db
    .prepare('INSERT INTO refused_file (file_hash, source, reason, refused_at) VALUES (?, ?, ?, ?)')
    .run(createHash('sha256').update(bytes).digest('hex'), source, line, ctx.now().toISOString());
}

function refuse(ctx: TownContext, bytes: Uint8Array, source: string, reason: string, known: Partial<FilingReport> = {}): FilingReport {
  const line = storedText(reason, TEXT_LIMITS.note);
  inTransaction(ctx.db, () => recordRefusal(ctx, bytes, source, line));
  return { source, outcome: 'refused', line, community: null, body: null, sequence: null, payloadHash: null, ...known };
}

/** A file whose exact bytes are already filed needs no second check (a USB stick imported twice). */
function sameFileAgain(ctx: TownContext, bytes: Uint8Array, source: string): FilingReport | null {
  let hash: string;
  try {
    hash = payloadHash(bytes);
  } catch {
    return null;
  }
  const row = ctx.db.prepare('SELECT community, body, sequence, bytes FROM sealed_file WHERE payload_hash = ?').get(hash) as
    | { community: string; body: string; sequence: number; bytes: Buffer }
    | undefined;
  if (row === undefined || !row.bytes.equals(bytes)) return null;
  return { source, outcome: 'same', line: SAME_LINE, community: row.community, body: row.body, sequence: row.sequence, payloadHash: hash };
}

const SAME_LINE = bilingual('同一文件已备案，未改动', 'the same file is already filed; nothing changed');

/**
 * Verifies one file completely, checks its key is registered for its community, and files it with its bytes in one
 * transaction, classified against the files already filed. A refused file changes nothing but the list of refusals.
 */
export function receiveSealedFile(ctx: TownContext, bytes: Uint8Array, sourcePath: string): FilingReport {
  const again = sameFileAgain(ctx, bytes, storedText(sourcePath, SOURCE_MAX));
  return again ?? fileExamined(ctx, bytes, sourcePath, examineSealedFile(bytes));
}

/** Files a file already examined (in this thread or a worker): the registry check and the filing, on the town file. */
export function fileExamined(ctx: TownContext, bytes: Uint8Array, sourcePath: string, examined: Examined): FilingReport {
  const source = storedText(sourcePath, SOURCE_MAX);
  if (!examined.ok) return refuse(ctx, bytes, source, examined.reason);
  const s = examined;
  const { community, facts } = s;
  const communityKey = normalizeName(community);
  const hash = s.payloadHash;
  const known = { community, body: facts.body, sequence: s.sequence, payloadHash: hash };

  const keys = ctx.db.prepare('SELECT fingerprint FROM station_key WHERE community_key = ?').pluck().all(communityKey) as string[];
  const auth = judgeAuthenticity(s.fingerprint, community, { registry: registryOf(keys.map((fingerprint) => ({ community, fingerprint }))) });
  if (!auth.authenticated) {
    return refuse(ctx, bytes, source, `${bilingual('未确认来源，不能作为正式结果备案', 'not authenticated; cannot be filed as final')}: ${auth.mismatch ?? bilingual(`「${community}」没有登记此密钥 ${s.fingerprint.short}`, `no key ${s.fingerprint.short} registered for "${community}"`)}`, known);
  }

  const db = ctx.db;
  return inTransaction(db, (): FilingReport => {
    const report = (outcome: FilingOutcome, line: string): FilingReport => ({ source, outcome, line, ...known });
    if (db.prepare('SELECT 1 FROM sealed_file WHERE payload_hash = ?').get(hash) !== undefined) {
      return report('same', SAME_LINE);
    }
    const byHash = db.prepare('SELECT * FROM sealed_file WHERE payload_hash = ?');
    const earlier = s.supersedes === null ? undefined : (byHash.get(s.supersedes) as StoredFile | undefined);
    if (earlier !== undefined && (earlier.community_key !== communityKey || earlier.body !== facts.body)) {
      return refusedInside(report, bilingual('它声明取代的文件属于另一个选举', 'the file it supersedes belongs to another election'));
    }
    if (earlier !== undefined && earlier.sequence >= s.sequence) {
      return refusedInside(report, bilingual(
        `它的序号 ${s.sequence} 不大于它取代的第 ${earlier.sequence} 份文件`,
        `its number ${s.sequence} is not higher than that of the file it supersedes (${earlier.sequence})`,
      ));
    }
    if (earlier !== undefined && earlier.superseded_by !== null) {
      return refusedInside(report, bilingual(`它取代的第 ${earlier.sequence} 份文件已被另一份文件取代`, `the file it supersedes (number ${earlier.sequence}) was already superseded by another file`));
    }
    const later = db
      .prepare('SELECT * FROM sealed_file WHERE supersedes = ? AND community_key = ? AND body = ? AND sequence > ?')
      .get(hash, communityKey, facts.body, s.sequence) as StoredFile | undefined;
    const current = db
      .prepare('SELECT * FROM sealed_file WHERE community_key = ? AND body = ? AND superseded_by IS NULL ORDER BY sequence DESC LIMIT 1')
      .get(communityKey, facts.body) as StoredFile | undefined;
    let replaces: StoredFile | undefined = earlier;
    if (replaces === undefined && later === undefined && current !== undefined) {
      if (s.supersedes === null || s.sequence <= current.sequence) {
        return refusedInside(report, bilingual(
          `本选举已备案第 ${current.sequence} 份封存文件，此文件并不取代它`,
          `sealed file number ${current.sequence} of this election is already filed and this file does not supersede it`,
        ));
      }
      replaces = current;
    }
    const id = Number(
      db
        .prepare(`INSERT INTO sealed_file (payload_hash, community, community_key, body, title, election_date, sequence, supersedes,
            superseded_by, fingerprint, sealed_at, received_at, source, facts_json, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(hash, community, communityKey, facts.body, storedText(s.electionTitle, TEXT_LIMITS.title), facts.date, s.sequence, s.supersedes,
          later?.id ?? null, s.fingerprint.hex, s.sealedAt, ctx.now().toISOString(), source, JSON.stringify(facts), Buffer.from(bytes)).lastInsertRowid,
    );
    if (later !== undefined) {
      return report('superseded', bilingual(`已备案，但已被后来的第 ${later.sequence} 份文件取代`, `filed, already superseded by the later file number ${later.sequence}`));
    }
    if (replaces !== undefined) {
      db.prepare('UPDATE sealed_file SET superseded_by = ? WHERE id = ?').run(id, replaces.id);
      const gap = replaces.payload_hash === s.supersedes ? '' : bilingual('；它直接取代的文件未收到', '; the file it directly supersedes was not received');
      return report('superseding', bilingual(`已备案，取代第 ${replaces.sequence} 份文件`, `filed, superseding file number ${replaces.sequence}`) + gap);
    }
    const note = s.supersedes === null ? '' : bilingual('；它取代的文件未收到', '; the file it supersedes was not received');
    return report('new', bilingual('已备案（新文件）', 'filed (new)') + note);
  });

  function refusedInside(report: (o: FilingOutcome, line: string) => FilingReport, reason: string): FilingReport {
    const line = storedText(reason, TEXT_LIMITS.note);
    recordRefusal(ctx, bytes, source, line);
    return report('refused', line);
  }
}
