import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { createElection } from '../../../electron/backend/services/setup';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'station-core-'));
  dirs.push(d);
  return d;
}

/** A clock that moves one second per reading, from a fixed start. */
export function steppingClock(start = Date.parse('2026-05-16T08:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export function freshContext(): BackendContext {
  const dir = tempDir();
  return createContext({ dbFile: join(dir, 'election.sqlite'), now: steppingClock(), actor: 'test' });
}

export const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'election-residents.json');

export function sampleDefinition(): Record<string, unknown> {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
}

/** A fresh database holding the sample residents' election. */
export function sampleElection(): BackendContext {
  const ctx = freshContext();
  createElection(ctx, sampleDefinition());
  return ctx;
}

export function count(ctx: BackendContext, table: string): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
