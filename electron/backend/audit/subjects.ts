import type { AuditSubjectKind as SubjectKind } from '../../../shared/api/audit';
import type { Db } from '../db/connection';

/** What an event's subject ("box:C1", "certificate:12345678") refers to, by the name a person knows it by. */
export interface SubjectAbout {
  kind: SubjectKind;
  name: string;
  /** The id as logged (the certificate number, the box id, …). */
  ref: string;
}

const NAME_OF: ReadonlyMap<string, { kind: SubjectKind; sql: string | null }> = new Map([
  ['certificate', { kind: 'voter', sql: 'SELECT name FROM voter WHERE certificate = ?' }],
  ['box', { kind: 'box', sql: 'SELECT name FROM box WHERE id = ?' }],
  ['office', { kind: 'office', sql: 'SELECT title AS name FROM office WHERE id = ?' }],
  ['candidate', { kind: 'candidate', sql: 'SELECT name FROM candidate WHERE id = ?' }],
  ['person', { kind: 'person', sql: 'SELECT name FROM person WHERE id = ?' }],
  ['venue', { kind: 'venue', sql: 'SELECT name FROM venue WHERE id = ?' }],
  ['desk', { kind: 'desk', sql: 'SELECT name FROM desk WHERE id = ?' }],
  // Named by their id itself: the screen says "第 2 轮" / "election file 演练".
  ['round', { kind: 'round', sql: null }],
  ['file', { kind: 'file', sql: null }],
]);

/**
 * Reads the names behind audit subjects, each subject once per namer (a page of the log repeats the same boxes and
 * voters). A subject of an unknown kind, or whose row is gone (a removed candidate), stays as logged (null).
 */
export function subjectNamer(db: Db): (subject: string | null) => SubjectAbout | null {
  const seen = new Map<string, SubjectAbout | null>();
  return (subject) => {
    if (subject === null) return null;
    if (seen.has(subject)) return seen.get(subject)!;
    const colon = subject.indexOf(':');
    const how = colon > 0 ? NAME_OF.get(subject.slice(0, colon)) : undefined;
    const ref = subject.slice(colon + 1);
    let about: SubjectAbout | null = null;
    if (how && ref !== '') {
      const row = how.sql === null ? { name: ref } : (db.prepare(how.sql).get(ref) as { name: string } | undefined);
      if (row) about = { kind: how.kind, name: row.name, ref };
    }
    seen.set(subject, about);
    return about;
  };
}
