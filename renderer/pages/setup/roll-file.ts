/** Reading a chosen roll file in the page: a first look at a CSV's rows before importing. */

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** One CSV line into cells (quotes and doubled quotes honoured; a quoted newline is not expected in a preview). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

export type RollPreview =
  | { kind: 'csv'; encoding: 'utf8' | 'gbk'; header: string[]; rows: string[][]; lines: number }
  | { kind: 'xlsx' };

/**
 * A preview only: the backend reads and checks the file itself on import (all or nothing). UTF-8 is tried first,
 * then GBK, as the backend's "auto" does.
 */
export function previewRoll(bytes: Uint8Array, first = 5): RollPreview {
  if (isZip(bytes)) return { kind: 'xlsx' };
  let text: string;
  let encoding: 'utf8' | 'gbk' = 'utf8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    encoding = 'gbk';
    text = new TextDecoder('gbk').decode(bytes);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  const [head, ...rest] = lines;
  return {
    kind: 'csv',
    encoding,
    header: head ? splitCsvLine(head) : [],
    rows: rest.slice(0, first).map(splitCsvLine),
    lines: rest.length,
  };
}
