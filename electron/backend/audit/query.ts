import type { Db } from '../db/connection';
import { describeAuditEvent, type AuditEventMeaning } from './catalogue';
import { readAuditRows, type AuditEvent } from './log';

/** Which events to list: all given conditions hold (type and actor compared exactly, times as stored ISO text). */
export interface AuditFilter {
  type?: string;
  actor?: string;
  /** Inclusive lower and exclusive upper bound of `at`, ISO 8601 in UTC like the stored times. */
  from?: string;
  to?: string;
}

function whereOf(filter: AuditFilter): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const add = (sql: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(sql);
    params.push(value);
  };
  add('type = ?', filter.type);
  add('actor = ?', filter.actor);
  add('at >= ?', filter.from);
  add('at < ?', filter.to);
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page of the events matching a filter, in sequence order, with how many match in all. */
export function listAuditEvents(db: Db, filter: AuditFilter, page: { offset: number; limit: number }): { total: number; events: AuditEvent[] } {
  const where = whereOf(filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_event ${where.sql}`).get(...where.params) as { n: number }).n;
  if (where.params.length === 0 && total === lastSeq(db)) {
    // The whole log with no gap: position n is event n + 1, found by its key instead of stepping over n rows.
    return { total, events: readAuditRows(db.prepare('SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?').all(page.offset, page.limit)) };
  }
  const rows = db
    .prepare(`SELECT * FROM audit_event ${where.sql} ORDER BY seq LIMIT ? OFFSET ?`)
    .all(...where.params, page.limit, page.offset);
  return { total, events: readAuditRows(rows) };
}

function lastSeq(db: Db): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_event').get() as { n: number }).n;
}

export interface AuditFacets {
  types: { type: string; meaning: AuditEventMeaning | null; count: number }[];
  actors: { actor: string; count: number }[];
  /** The first and last event's time, null when the log is empty. */
  first: string | null;
  last: string | null;
}

/** What the log holds to filter by: each event type and each actor with their counts, and the time span. */
export function auditFacets(db: Db): AuditFacets {
  const types = db.prepare('SELECT type, count(*) AS count FROM audit_event GROUP BY type ORDER BY type').all() as { type: string; count: number }[];
  const actors = db
    .prepare('SELECT actor, count(*) AS count FROM audit_event WHERE actor IS NOT NULL GROUP BY actor ORDER BY actor')
    .all() as { actor: string; count: number }[];
  const span = db.prepare('SELECT min(at) AS first, max(at) AS last FROM audit_event').get() as { first: string | null; last: string | null };
  return { types: types.map((t) => ({ ...t, meaning: describeAuditEvent(t.type) ?? null })), actors, ...span };
}
