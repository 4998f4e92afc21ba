import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrillOutcomeView, DrillProgressView } from '../../../shared/api/drill';
import { DRILL_PHASES } from '../../../shared/api/drill';
import { startHttpServer, TOKEN_HEADER, type HttpServerHandle } from '../../../electron/backend/http';

/**
 * A drill started through the real HTTP transport yields to the event loop as it goes, so the same server answers
 * drillProgress while startDrill is still pending: the phase and a fraction of the whole drill that only goes up.
 */

const residents = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/election-residents.json'), 'utf8')) as unknown;
const dirs: string[] = [];
const servers: HttpServerHandle[] = [];
after(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function server() {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-drill-progress-'));
  dirs.push(dataDir);
  const s = await startHttpServer({ dataDir });
  servers.push(s);
  const call = async <T,>(method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; value?: T; error?: { code: string; message: string } } }> => {
    const res = await fetch(`${s.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } } };
  };
  const ok = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await call<T>(method, input);
    if (!r.body.ok) assert.fail(`${method}: ${JSON.stringify(r.body.error)}`);
    return r.body.value as T;
  };
  return { call, ok };
}

test('drillProgress answers while a complete drill runs, its fraction rising through the phases', async () => {
  const { call, ok } = await server();
  assert.deepEqual(await ok<DrillProgressView>('drillProgress', {}), { phase: null, round: null, fraction: 0, running: false });

  let finished = false;
  const drill = ok<DrillOutcomeView>('startDrill', { voters: 2000, seed: 'progress-http', stage: 'complete' }).finally(() => {
    finished = true;
  });
  const seen: DrillProgressView[] = [];
  let secondStart: Awaited<ReturnType<typeof call>> | null = null;
  let otherCall: Awaited<ReturnType<typeof call>> | null = null;
  while (!finished) {
    const p = await ok<DrillProgressView>('drillProgress', {});
    if (!p.running) {
      // The drill ended and its answer is on its way: only a finished drill stops running.
      assert.deepEqual({ phase: p.phase, fraction: p.fraction }, { phase: 'seal', fraction: 1 });
    } else {
      seen.push(p);
      // A second drill while one runs is refused, and changes nothing.
      if (secondStart === null && p.phase === 'voting') secondStart = await call('startDrill', { voters: 50, seed: 'other', stage: 'complete' });
      // Any other call from another window is refused while the drill plays into the file: even one open to anyone.
      if (otherCall === null && p.phase === 'voting') otherCall = await call('createElection', residents);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const outcome = await drill;
  assert.equal(outcome.stage, 'complete');

  const distinct = seen.filter((p, i) => i === 0 || p.fraction !== seen[i - 1]!.fraction);
  assert.ok(distinct.length >= 2, `at least two different answers while it ran, got ${JSON.stringify(seen)}`);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i]!.fraction >= seen[i - 1]!.fraction, `fraction went back: ${JSON.stringify(seen.slice(i - 1, i + 1))}`);
  assert.ok(seen.at(-1)!.fraction > seen[0]!.fraction);
  for (const p of seen) {
    assert.ok(p.fraction >= 0 && p.fraction <= 1);
    if (p.phase !== null) assert.ok(DRILL_PHASES.includes(p.phase));
  }
  const phases = new Set(seen.map((p) => p.phase));
  assert.ok(phases.has('voting') || phases.has('counting'), `the long phases were seen: ${[...phases].join(', ')}`);
  assert.ok(seen.some((p) => p.round === 1), 'the round is named while voting or counting');

  assert.ok(secondStart !== null, 'a second start was tried during voting');
  assert.ok(otherCall !== null, 'another call was tried during voting');
  assert.equal(otherCall.body.error?.code, 'conflict', JSON.stringify(otherCall.body));
  assert.match(otherCall.body.error?.message ?? '', /演练正在进行/);
  const overview = await ok<{ election: { title: string } }>('getElection', {});
  assert.match(overview.election.title, /^【演练】/, 'nothing from the refused call reached the drill file');
  assert.equal(secondStart.status, 409);
  assert.equal(secondStart.body.error?.code, 'conflict');

  const last = await ok<DrillProgressView>('drillProgress', {});
  assert.equal(last.running, false);
  assert.equal(last.phase, 'seal');
  assert.equal(last.fraction, 1);
});

test('a refused drill leaves drillProgress not running', async () => {
  const { call, ok } = await server();
  await ok('startDrill', { voters: 20, seed: 'first', stage: 'ready-to-vote' });
  const r = await call('startDrill', { voters: 20, seed: 'again', stage: 'ready-to-vote' });
  assert.equal(r.body.ok, false);
  assert.equal(r.body.error?.code, 'refused');
  const p = await ok<DrillProgressView>('drillProgress', {});
  assert.equal(p.running, false);
});
