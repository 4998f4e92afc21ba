import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { buildApi } from '../../../electron/backend/api';
import { createContext } from '../../../electron/backend/context';
import type { Db } from '../../../electron/backend/db';
import { DRILL_ACTOR, runDrill } from '../../../electron/backend/drill/run';

/**
 * The drill acts as real people: every write event of a whole drill names the person who made it ("#id name [roles]"),
 * one who exists under that name and holds a role fitting the act. The only events without a person: the ones
 * createElection records before anyone exists (listed below), and the drill's own start and end markers.
 */

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'station-drill-who-'));
  dirs.push(d);
  return d;
}

/** Recorded by createElection, in the same transaction as election.created: nobody exists to act yet. */
const BEFORE_ANYONE = new Set([
  'election.created',
  'office.added',
  'person.added',
  'committee.member-added',
  'candidate.added',
  'venue.added',
  'official.role-granted',
  'box.added',
  'box.staff-set',
  'round.created',
]);
/** The drill's own markers (the seed its PINs are drawn from; that it played to the end): the program, not a person. */
const DRILL_MARKERS = new Set(['drill.started', 'drill.finished']);

/** Which role the actor of an event type must hold (a sample of the day's acts, each by whom the law says). */
const ACTED_AS: Record<string, string> = {
  'pin.set': 'committee',
  'roll.imported': 'committee',
  'proxy.approved': 'committee',
  'ballot.issued': 'desk',
  'ballot.spoiled-exchanged': 'desk',
  'counting.ballot-entered': 'counter',
  'counting.doubtful-ruled': 'committee',
  'result.computed': 'chief-counter',
  'seal.written': 'committee',
};

interface Row {
  seq: number;
  type: string;
  actor: string | null;
  detail_json: string;
}

function checkAttribution(db: Db): void {
  const rows = db.prepare('SELECT seq, type, actor, detail_json FROM audit_event ORDER BY seq').all() as Row[];
  const firstPin = rows.find((r) => r.type === 'pin.set')!.seq;
  const personName = db.prepare('SELECT name FROM person WHERE id = ?').pluck();
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.seq < firstPin) {
      assert.ok(BEFORE_ANYONE.has(r.type), `#${r.seq} ${r.type} before anyone has a PIN is one createElection records`);
      assert.equal(r.actor, DRILL_ACTOR);
      continue;
    }
    if (DRILL_MARKERS.has(r.type)) {
      assert.equal(r.actor, DRILL_ACTOR);
      continue;
    }
    const m = /^#(\d+) (.+) \[([a-z,-]+)\]$/.exec(r.actor ?? '');
    assert.ok(m, `#${r.seq} ${r.type}: the actor "${r.actor}" names a person`);
    const [, id, name, roles] = m;
    assert.equal(personName.get(Number(id)), name, `#${r.seq} ${r.type}: person ${id} is ${name}`);
    const wanted = ACTED_AS[r.type];
    if (wanted) assert.ok(roles!.split(',').includes(wanted), `#${r.seq} ${r.type} by a ${wanted}, not "${r.actor}"`);
    if (r.type === 'signoff.signed') {
      assert.equal(Number(id), (JSON.parse(r.detail_json) as { person: number }).person, `#${r.seq}: each signs as themself`);
    }
    seen.add(r.type);
  }
  // Spoiled exchanges and doubtful ballots are drawn by chance; the rest happen in every drill.
  for (const type of ['pin.set', 'roll.imported', 'ballot.issued', 'custody.step', 'counting.ballot-entered', 'result.computed', 'signoff.signed', 'seal.written']) {
    assert.ok(seen.has(type), `the drill recorded ${type}`);
  }
}

test('station drill: every write event names a real person, but for set-up before anyone exists and the drill markers', async () => {
  const dir = tempDir();
  await runDrill({ dbFile: join(dir, 'drill.sqlite'), voters: 400, seed: 'who' });
  const ctx = createContext({ dbFile: join(dir, 'drill.sqlite'), mustExist: true });
  try {
    checkAttribution(ctx.db);
  } finally {
    ctx.db.close();
  }
});

test('the in-app drill (startDrill through the contract): the same', async () => {
  const dir = tempDir();
  const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), dataDir: dir, actor: 'browser' });
  try {
    const r = await dispatch(contract, buildApi(ctx), 'startDrill', { voters: 200, seed: 'who-app', stage: 'complete' }, (e) => assert.fail(String(e)));
    assert.equal(r.ok, true);
    checkAttribution(ctx.db);
  } finally {
    ctx.db.close();
  }
});
