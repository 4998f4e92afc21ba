import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../shared/api/envelope';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { inTransaction } from '../../../electron/backend/db';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { receiveBallots } from '../../../electron/backend/services/issuance';
import { listPeople } from '../../../electron/backend/services/people';
import { importRoll } from '../../../electron/backend/services/roll';
import { createElection } from '../../../electron/backend/services/setup';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { makeRollCsv, utf8 } from '../../unit/roll/make-roll';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'station-issuance-'));
  dirs.push(d);
  return d;
}

export function steppingClock(start = Date.parse('2026-05-16T08:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'election-residents.json');

export function definition(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>), ...over };
}

export interface Election {
  ctx: BackendContext;
  file: string;
  /** Person ids by name (committee members, officials). */
  person: (name: string) => number;
}

/** A fresh database file with the sample residents' election (or the definition given). */
export function election(over: Record<string, unknown> = {}): Election {
  const dir = tempDir();
  const file = join(dir, 'election.sqlite');
  const ctx = createContext({ dbFile: file, now: steppingClock(), actor: 'test' });
  createElection(ctx, definition(over));
  const people = listPeople(ctx);
  return {
    ctx,
    file,
    person: (name) => {
      const p = people.find((x) => x.name === name);
      assert.ok(p, `no person ${name}`);
      return p.id;
    },
  };
}

export async function importGenerated(ctx: BackendContext, count: number, opts: { withCertificates?: boolean } = {}) {
  return importRoll(ctx, { bytes: utf8(makeRollCsv(count, { withCertificates: opts.withCertificates ?? true })), fileName: 'roll.csv' });
}

/** Round 1 open for voting, the boxes shown empty, sealed and opened, each with `ballots` blank ballots. */
export function openVoting(ctx: BackendContext, boxes = ['C1', 'S1', 'M1'], ballots = 100, round = 1): void {
  inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round, status: 'voting' }));
  for (const box of boxes) {
    recordCustodyStep(ctx, { box, round, step: 'sealed-empty', seals: [`${box}-1`] });
    recordCustodyStep(ctx, { box, round, step: 'voting' });
    receiveBallots(ctx, { box, round, count: ballots });
  }
}

export function count(ctx: BackendContext, table: string, where = '1'): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
}

/** Asserts an ApiError with this code and, when given, details.reason. */
export function rejects(code: string, reason?: string) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, String(e));
    assert.equal(e.code, code, e.message);
    if (reason !== undefined) assert.equal((e.details as { reason?: string } | undefined)?.reason, reason, e.message);
    return true;
  };
}
