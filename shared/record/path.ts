import type { z } from 'zod';

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

/** The first issue zod found, as a RecordError: an unknown field is named by its own path, a missing one says so. */
export function firstIssue(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): RecordError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    return new RecordError([...prefix, ...issue.path, issue.keys[0]!], 'unknown field');
  }
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'required field is missing';
  return new RecordError([...prefix, ...issue.path], message);
}
