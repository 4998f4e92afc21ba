import { formatPath } from '../../../shared/record';
import { canonicalJson } from '../audit/canonical';

/**
 * Compares a stored result with a recount as JSON values (equal when their canonical JSON is equal).
 * Returns null when equal, else a short description of the first difference, e.g.
 * `offices[0].results[1].for: stored 12, recount 11`.
 */
export function firstDifference(stored: unknown, recount: unknown): string | null {
  if (canonicalJson(stored) === canonicalJson(recount)) return null;
  return describe(stored, recount, []) ?? 'values differ';
}

function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  const s = canonicalJson(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(a: unknown, b: unknown, path: PropertyKey[]): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = describe(a[i], b[i], [...path, i]);
      if (d !== null) return d;
    }
    if (a.length !== b.length) return `${formatPath(path)}: stored ${a.length} entries, recount ${b.length}`;
    return null;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = describe(a[k], b[k], [...path, k]);
      if (d !== null) return d;
    }
    return null;
  }
  if (canonicalJson(a ?? null) === canonicalJson(b ?? null) && (a === undefined) === (b === undefined)) return null;
  return `${formatPath(path)}: stored ${show(a)}, recount ${show(b)}`;
}
