/** Formats a JSON path the way people read it: `ballots[41].marks.chair.for[0]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** An input error that names the first bad field. */
export class RecordError extends Error {
  readonly path: string;
  readonly detail: string;
  constructor(path: ReadonlyArray<PropertyKey>, detail: string) {
    const where = formatPath(path);
    super(`${where}: ${detail}`);
    this.name = 'RecordError';
    this.path = where;
    this.detail = detail;
  }
}
