/**
 * CSV per RFC 4180: comma-separated, a field may be enclosed in double quotes, inside which commas, line breaks
 * and doubled quotes ("") are literal. Line ends may be CRLF, LF or CR. A quote inside an unquoted field is kept as
 * text (Excel does the same); an unterminated quoted field is an error naming the line where it opened.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; zh: string; en: string };

export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;

  const endRecord = () => {
    cells.push(field);
    field = '';
    // A line with nothing on it (e.g. the last line break) is no record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */ && field === '') {
      const openedOn = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q < 0) break;
        const chunk = text.slice(i, q);
        for (let k = 0; k < chunk.length; k++) {
          const ch = chunk.charCodeAt(k);
          if (ch === 0x0a || (ch === 0x0d && chunk.charCodeAt(k + 1) !== 0x0a)) line++;
        }
        field += chunk;
        if (text.charCodeAt(q + 1) === 0x22) {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        return {
          ok: false,
          line: openedOn,
          zh: `第 ${openedOn} 行的引号字段没有结束引号`,
          en: `the quoted field opened on line ${openedOn} is never closed`,
        };
      }
      // After a closing quote only a separator or a line end may follow; anything else is kept as text.
      continue;
    }
    if (c === 0x2c /* , */) {
      cells.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      endRecord();
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    // Plain run up to the next separator, quote-free scanning for speed.
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x2c || d === 0x0d || d === 0x0a) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}
