import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { buildApi } from '../../../electron/backend/api';
import { verifyAuditChain } from '../../../electron/backend/audit';
import { createContext } from '../../../electron/backend/context';
import { drillCredentials } from '../../../electron/backend/drill/credentials';
import { drillFileState } from '../../../electron/backend/drill/state';
import { createElection } from '../../../electron/backend/services/setup';
import { tempDirs } from './temp-dirs';

const station = join(import.meta.dirname, '../../../bin/station.mjs');
const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'election-residents.json');
const tempDir = tempDirs('station-drill-crash-');

const drill = (dbFile: string, extra: string[] = [], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [station, 'drill', '--db', dbFile, '--voters', '40', '--seed', 'crash', '--quiet', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

/** Opens the file as any start-up does, and tells what it holds. */
function startUp(dbFile: string) {
  const ctx = createContext({ dbFile, mustExist: true, actor: 'test' });
  try {
    const state = drillFileState(ctx.db);
    assert.ok(verifyAuditChain(ctx.db).ok);
    const pins = state.state === 'interrupted' ? drillCredentials(ctx).people.filter((p) => p.pin !== null).length : 0;
    return { state: state.state, pins };
  } finally {
    ctx.db.close();
  }
}

for (const point of ['drill:setting-up', 'key:partial', 'drill:started', 'drill:counted', 'write:partial', 'drill:sealed']) {
  test(`a drill killed at ${point}: the start-up says so, leaves no stray file; --replace discards it and starts again`, () => {
    const dir = tempDir();
    const dbFile = join(dir, 'drill.sqlite');
    const killed = drill(dbFile, [], { STATION_CRASH_AT: point });
    assert.equal(killed.signal, 'SIGKILL', killed.stderr);
    const { state, pins } = startUp(dbFile);
    // Killed during set-up, the file is left empty (the election and its PINs' seed commit together), never half set up.
    assert.equal(state, point === 'drill:setting-up' ? 'empty' : 'interrupted');
    if (state === 'interrupted') assert.ok(pins > 0, 'the PINs of an interrupted drill are still known');
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.partial') || n.endsWith('.tmp')), []);

    const refusedAgain = drill(dbFile);
    assert.equal(refusedAgain.status, 1);
    assert.match(refusedAgain.stderr, state === 'empty' ? /holds no election \(an interrupted drill\?\).*--replace/ : /interrupted drill \(seed crash.*--replace/);
    const replaced = drill(dbFile, ['--replace']);
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.equal(startUp(dbFile).state, 'finished');
    assert.ok(existsSync(join(dir, 'drill.sealed.json')));
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.partial')), []);
  });
}

test('--replace replaces a finished drill and its sealed file, never a real election or a file that is not a drill\'s', () => {
  const dir = tempDir();
  const dbFile = join(dir, 'drill.sqlite');
  assert.equal(drill(dbFile).status, 0);
  const plain = drill(dbFile);
  assert.equal(plain.status, 1);
  assert.match(plain.stderr, /already exists/);
  const sealed = readFileSync(join(dir, 'drill.sealed.json'));
  assert.equal(drill(dbFile, ['--replace', '--seed', 'other']).status, 0);
  assert.ok(!readFileSync(join(dir, 'drill.sealed.json')).equals(sealed));

  const real = join(dir, 'real.sqlite');
  const ctx = createContext({ dbFile: real, actor: 'test' });
  createElection(ctx, JSON.parse(readFileSync(FIXTURE, 'utf8')));
  ctx.db.close();
  const refused = drill(real, ['--replace']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /never replaces it/);
  assert.equal(startUp(real).state, 'real');

  const other = join(dir, 'other.sqlite');
  writeFileSync(join(dir, 'other.sealed.json'), 'my own notes');
  const keep = drill(other, ['--replace']);
  assert.equal(keep.status, 1);
  assert.match(keep.stderr, /not a drill's sealed file/);
  assert.equal(readFileSync(join(dir, 'other.sealed.json'), 'utf8'), 'my own notes');
});

test('in the app: an interrupted drill is reported, startDrill refuses it saying so, and discarding it lets a new drill start', async () => {
  const dir = tempDir();
  const dbFile = join(dir, 'election.sqlite');
  assert.equal(drill(dbFile, [], { STATION_CRASH_AT: 'drill:counted' }).signal, 'SIGKILL');
  const ctx = createContext({ dbFile, mustExist: true, dataDir: dir, actor: 'browser' });
  try {
    const api = buildApi(ctx);
    const call = (method: string, input: unknown) => dispatch(contract, api, method, input);
    const state = await call('drillState', {});
    assert.deepEqual(state.ok && state.value, { state: 'interrupted', seed: 'crash', voters: 40, stage: 'complete' });
    const start = await call('startDrill', { voters: 30, seed: 'again', stage: 'ready-to-vote' });
    assert.ok(!start.ok);
    assert.equal(start.error.code, 'refused');
    assert.match(start.error.message, /interrupted drill/);
    assert.deepEqual(start.error.details, { reason: 'interrupted', seed: 'crash' });
    const discarded = await call('discardInterruptedDrill', {});
    assert.deepEqual(discarded.ok && discarded.value, { discarded: true });
    const resent = await call('discardInterruptedDrill', {});
    assert.deepEqual(resent.ok && resent.value, { discarded: false }, 'a re-sent discard changes nothing');
    const fresh = await call('startDrill', { voters: 30, seed: 'again', stage: 'ready-to-vote' });
    assert.ok(fresh.ok, JSON.stringify(fresh));
    const after = await call('drillState', {});
    assert.deepEqual(after.ok && after.value, { state: 'finished', seed: 'again', voters: 30, stage: 'ready-to-vote' });
    assert.ok(verifyAuditChain(ctx.db).ok);
    const refusedDiscard = await call('discardInterruptedDrill', {});
    assert.ok(!refusedDiscard.ok && refusedDiscard.error.code === 'refused', 'a finished drill is not discarded');
  } finally {
    ctx.db.close();
  }
});
