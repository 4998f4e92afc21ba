import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { invalid, says } from '../context';
import { readStationFile } from '../stations/read-file';
import { baseFileOf, COPY_FORMAT, COPY_MAX_BYTES, isBaseName, JOURNAL_FILE, type CopyHeader, type JournalLine } from './journal-file';

export interface SecondCopyFiles {
  dir: string;
  header: CopyHeader;
  base: Buffer;
  lines: JournalLine[];
  /** True when the last line was cut short (the write the copy may be behind by): it is left out. */
  cutShort: boolean;
}

const bad = (zh: string, en: string) => invalid('copy', says('error.copy.secondCopy', { words: { zh, en } }));

/** The copy's own folder: the folder named, or the one `cer-copy-…` folder inside it. */
function copyFolder(dir: string): string {
  if (existsSync(join(dir, JOURNAL_FILE))) return dir;
  let inside: string[];
  try {
    inside = readdirSync(dir).filter((n) => n.startsWith('cer-copy-'));
  } catch {
    throw bad(`的文件夹 ${dir} 无法读取`, `folder ${dir} cannot be read`);
  }
  if (inside.length === 0) throw bad(`：${dir} 中没有副本（journal.ndjson 或 cer-copy-… 文件夹）`, `: ${dir} holds no copy (no journal.ndjson, no cer-copy-… folder)`);
  if (inside.length > 1) throw bad(`：${dir} 中有多份副本（${inside.join('、')}），请指明其中一个文件夹`, `: ${dir} holds several copies (${inside.join(', ')}); name one of them`);
  return join(dir, inside[0]!);
}

function isLine(v: unknown): v is JournalLine {
  const l = v as JournalLine;
  return (
    typeof v === 'object' && v !== null && Number.isSafeInteger(l.n) && typeof l.at === 'string' && Array.isArray(l.audit) && l.audit.length === 2 &&
    Number.isSafeInteger(l.audit[0]) && typeof l.audit[1] === 'string' && Array.isArray(l.changes)
  );
}

/**
 * Reads a second copy (copy/journal-file.ts) within its size limit: the base must be the one its header names, the
 * lines must follow each other without a gap. A last line cut short is the write in flight when the laptop died:
 * left out and said. Anything else wrong is bad input naming the line.
 */
export async function readSecondCopy(named: string): Promise<SecondCopyFiles> {
  const dir = copyFolder(named);
  const journal = (await readStationFile(join(dir, JOURNAL_FILE), COPY_MAX_BYTES)).toString('utf8');
  const texts = journal.split('\n');
  const cutShort = texts[texts.length - 1] !== '';
  texts.pop();
  let header: CopyHeader;
  try {
    header = JSON.parse(texts[0] ?? '') as CopyHeader;
  } catch {
    throw bad(`的 journal.ndjson 第 1 行不是副本的开头`, `journal.ndjson: line 1 is not a copy's header`);
  }
  if (header.format !== COPY_FORMAT || typeof header.base?.sha256 !== 'string' || !Number.isSafeInteger(header.base.seq)) {
    throw bad(`的 journal.ndjson 不是 ${COPY_FORMAT} 格式`, `journal.ndjson is not a ${COPY_FORMAT} journal`);
  }
  const baseFile = baseFileOf(header);
  if (typeof baseFile !== 'string' || !isBaseName(baseFile)) {
    throw bad(`的 journal.ndjson 第 1 行所指的底本文件名不正确（${String(baseFile)}）`, `journal.ndjson: line 1 names no base file of a copy (${String(baseFile)})`);
  }
  const base = await readStationFile(join(dir, baseFile), COPY_MAX_BYTES);
  if (base.length !== header.base.bytes || createHash('sha256').update(base).digest('hex') !== header.base.sha256) {
    throw bad(`的 ${baseFile} 与 journal.ndjson 开头记载的不一致（文件被替换或损坏）`, `${baseFile} is not the one journal.ndjson begins with (replaced or damaged)`);
  }
  const lines: JournalLine[] = [];
  for (let i = 1; i < texts.length; i++) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(texts[i]!);
    } catch {
      parsed = undefined;
    }
    const expected = header.base.seq + i;
    if (!isLine(parsed)) throw bad(`的 journal.ndjson 第 ${i + 1} 行已损坏`, `journal.ndjson: line ${i + 1} is damaged`);
    if (parsed.n !== expected) {
      throw bad(`的 journal.ndjson 第 ${i + 1} 行是第 ${parsed.n} 次写入，应为第 ${expected} 次（缺少记录）`, `journal.ndjson: line ${i + 1} holds write ${parsed.n}, not ${expected} (writes are missing)`);
    }
    lines.push(parsed);
  }
  return { dir, header, base, lines, cutShort };
}
