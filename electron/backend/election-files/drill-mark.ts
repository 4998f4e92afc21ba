import { applicationId, type Db } from '../db/connection';

/**
 * SQLite's application_id of an election file made as a drill file ("DRIL"), so it is known as 演练 before any drill
 * election is in it, and stays so when an interrupted drill in it is discarded. Real election files leave it 0.
 */
export const DRILL_APPLICATION_ID = 0x4452494c;

export function markDrillFile(db: Db): void {
  db.pragma(`application_id = ${DRILL_APPLICATION_ID}`);
}

interface ElectionHead {
  title: string;
  date: string;
  drill: number;
}

/** The title, date and drill flag of the file's election (null while it has none); read without the rest. */
export function electionHead(db: Db): ElectionHead | null {
  return (db.prepare('SELECT title, date, drill FROM election WHERE id = 1').get() as ElectionHead | undefined) ?? null;
}

/** Made as a drill file, or holding a drill election. */
export function isDrillFile(db: Db, head: ElectionHead | null = electionHead(db)): boolean {
  return applicationId(db) === DRILL_APPLICATION_ID || head?.drill === 1;
}
