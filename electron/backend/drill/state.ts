import { appendAudit } from '../audit';
import { refused, type BackendContext, says } from '../context';
import { inTransaction, type Db } from '../db';
import { readElection } from '../services/setup-read';

/**
 * What an election file holds, as far as drills go. 'interrupted': a drill was set up (its `drill.started` is recorded)
 * but never reached its `drill.finished` — the process was killed midway; its PINs are still known from its seed.
 */
export type DrillFileState =
  | { state: 'empty' }
  | { state: 'real' }
  | { state: 'hand-made-drill' }
  | { state: 'interrupted'; seed: string; voters: number; stage: 'complete' | 'ready-to-vote' }
  | { state: 'finished'; seed: string; voters: number; stage: 'complete' | 'ready-to-vote' };

interface StartedDetail {
  seed: string;
  voters: number;
  stage?: 'ready-to-vote';
  /** Set by drills that record `drill.finished`; older drills are judged by what they reached. */
  marksFinish?: boolean;
}

const eventExists = (db: Db, type: string): boolean =>
  db.prepare("SELECT 1 FROM audit_event WHERE type = ? AND outcome = 'ok' LIMIT 1").get(type) !== undefined;

export function drillFileState(db: Db): DrillFileState {
  const election = readElection(db);
  if (election === null) return { state: 'empty' };
  if (!election.drill) return { state: 'real' };
  const row = db.prepare("SELECT detail_json FROM audit_event WHERE type = 'drill.started' AND outcome = 'ok' ORDER BY seq LIMIT 1").pluck().get() as
    | string
    | undefined;
  if (row === undefined) return { state: 'hand-made-drill' };
  const d = JSON.parse(row) as StartedDetail;
  const stage = d.stage ?? 'complete';
  const finished = d.marksFinish === true
    ? eventExists(db, 'drill.finished')
    : stage === 'complete'
      ? eventExists(db, 'seal.written')
      : db.prepare("SELECT 1 FROM round WHERE number = 1 AND status <> 'prepared'").get() !== undefined;
  return { state: finished ? 'finished' : 'interrupted', seed: d.seed, voters: d.voters, stage };
}

/** The refusal for a drill into a file that holds an interrupted one: says so, and how to start again. */
export function interruptedDrillRefusal(seed: string | null, how: { zh: string; en: string }, file?: string) {
  const where = file === undefined ? { zh: '这个选举文件', en: 'this election file' } : file;
  return seed === null
    ? refused(says('error.drill.existsButHoldsElection', { how, where }), { reason: 'interrupted' })
    : refused(
        says('error.drill.holdsInterruptedDrillSeed', { how, where, seed }),
        { reason: 'interrupted', seed },
      );
}

/**
 * Empties an election file that holds an interrupted drill (or nothing), so a drill can start again in it: every row
 * of every table, the drill's audit log included, in one transaction. Anything else is refused untouched: a real
 * election, a hand-made drill election, a drill that finished. Re-sent, it finds the file empty and does nothing.
 */
export function discardInterruptedDrill(ctx: BackendContext): { discarded: boolean } {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const s = drillFileState(db);
    if (s.state === 'empty') return { discarded: false };
    if (s.state !== 'interrupted') {
      throw refused(says('error.drill.interruptedDrillDiscardedElection'), { reason: s.state });
    }
    // The audit log refuses deletes by trigger: the triggers are dropped and put back in this same transaction.
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    db.pragma('defer_foreign_keys = ON');
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    for (const t of tables) db.exec(`DELETE FROM "${t}"`);
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) db.exec('DELETE FROM sqlite_sequence');
    for (const t of triggers) db.exec(t.sql);
    return { discarded: true };
  });
}

/** Records that the drill played to its end (what drillFileState reads). */
export function markDrillFinished(ctx: BackendContext, stage: 'complete' | 'ready-to-vote'): void {
  inTransaction(ctx.db, () => appendAudit(ctx.db, { type: 'drill.finished', at: ctx.now(), actor: ctx.actor, subject: 'drill', detail: { stage } }));
}
