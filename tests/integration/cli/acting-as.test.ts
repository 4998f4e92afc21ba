import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { listPeople } from '../../../electron/backend/services/people';
import { asPerson, establishAuthority, TEST_PIN } from '../../helpers/authority';
import { openVoting } from '../issuance/helpers';
import { makeRollCsv, makeVoter, utf8 } from '../../unit/roll/make-roll';

/**
 * `station` commands that write act as a person (--as, the PIN from STATION_PIN or the terminal) through the same
 * rule as the app: none needed while the election is open; from the first committee PIN on, a missing --as, a wrong
 * PIN, a lockout or a role that may not is exit 1 with one line; an unknown person is bad input, exit 2.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const FIXTURE = join(root, 'tests', 'fixtures', 'election-residents.json');
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function station(args: string[], pin?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.STATION_PIN;
  if (pin !== undefined) env.STATION_PIN = pin;
  // No terminal on standard input: the PIN can only come from STATION_PIN.
  const r = spawnSync(process.execPath, [join(root, 'bin', 'station.mjs'), ...args], { cwd: root, encoding: 'utf8', env, input: '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function refusedInOneLine(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.match(r.stderr, pattern);
}

const DESK_PIN = '13579024';
const COUNTER_PIN = '97531086';

test('roll import and issue: open while no committee PIN is set; then --as with the PIN, by role, attributed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'station-cli-as-'));
  dirs.push(dir);
  const db = join(dir, 'e.sqlite');
  const roll = join(dir, 'roll.csv');
  writeFileSync(roll, utf8(makeRollCsv(20)));
  assert.equal(station(['init', '--db', db, '--election', FIXTURE]).code, 0);

  const ctx = createContext({ dbFile: db, mustExist: true, actor: 'test' });
  const id = new Map(listPeople(ctx).map((p) => [p.name, p.id]));
  const chair = id.get('郭志明')!;
  const desk = id.get('丁一')!;
  const counter = id.get('郑丽')!;
  establishAuthority(ctx, chair, [
    { person: desk, pin: DESK_PIN },
    { person: counter, pin: COUNTER_PIN },
  ]);
  ctx.db.close();

  // From the first committee PIN on: sign-in needed, and only the committee imports the roll.
  refusedInOneLine(station(['roll', 'import', '--db', db, roll]), /--as PERSON/);
  refusedInOneLine(station(['roll', 'import', '--db', db, roll, '--as', String(desk)], DESK_PIN), /丁一.*may not do this \(importRoll\)/);
  refusedInOneLine(station(['roll', 'import', '--db', db, roll, '--as', '郭志明'], '000000'), /wrong PIN for 郭志明/);
  refusedInOneLine(station(['roll', 'import', '--db', db, roll, '--as', '郭志明']), /STATION_PIN/);
  const imported = station(['roll', 'import', '--db', db, roll, '--as', '郭志明', '--json'], TEST_PIN);
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal((JSON.parse(imported.stdout) as { imported: number }).imported, 20);

  const setup = createContext({ dbFile: db, mustExist: true, actor: 'test' });
  asPerson(setup, chair, () => openVoting(setup, ['C1']));
  setup.db.close();

  const issue = (who: string[], pin?: string, certificate = makeVoter(3).certificate) =>
    station(['issue', '--db', db, '--certificate', certificate, '--round', '1', '--desk', 'C1', ...who], pin);
  refusedInOneLine(issue([]), /须用 --as 指定操作人.*sign in first/);
  refusedInOneLine(issue(['--as', '郑丽'], COUNTER_PIN), /郑丽（计票人）不能进行此操作.*it is for: desk staff/i);
  // An unknown person is bad input; so is --as without a value.
  const unknown = issue(['--as', '9999'], DESK_PIN);
  assert.equal(unknown.code, 2, unknown.stderr);
  assert.match(unknown.stderr, /--as: .*no person "9999"/);
  assert.equal(issue(['--as'], DESK_PIN).code, 2);
  const done = issue(['--as', '丁一'], DESK_PIN);
  assert.equal(done.code, 0, done.stderr);

  const check = createContext({ dbFile: db, mustExist: true });
  const actorOf = (type: string) => check.db.prepare('SELECT actor FROM audit_event WHERE type = ? ORDER BY seq').pluck().all(type);
  assert.deepEqual(actorOf('roll.imported'), [`#${chair} 郭志明 [committee]`]);
  assert.deepEqual(actorOf('ballot.issued'), [`#${desk} 丁一 [desk]`]);
  // Each command whose PIN was right signed in for itself (desk, chair, counter, desk) and signed out after.
  assert.equal(actorOf('session.signed-in').length, 4);
  assert.equal(actorOf('session.signed-out').length, 4);
  assert.equal(check.db.prepare('SELECT count(*) FROM issuance').pluck().get(), 1);
  check.db.close();
});

test('while no committee PIN is set a write needs no --as; five wrong PINs lock out; seal is for the committee', () => {
  const dir = mkdtempSync(join(tmpdir(), 'station-cli-as-'));
  dirs.push(dir);
  const db = join(dir, 'e.sqlite');
  assert.equal(station(['init', '--db', db, '--election', FIXTURE]).code, 0);
  // The file is still being set up: nobody has a PIN, and the roll is imported without --as.
  writeFileSync(join(dir, 'roll.csv'), utf8(makeRollCsv(10)));
  const open = station(['roll', 'import', '--db', db, join(dir, 'roll.csv')]);
  assert.equal(open.code, 0, open.stderr);

  const ctx = createContext({ dbFile: db, mustExist: true, actor: 'test' });
  const id = new Map(listPeople(ctx).map((p) => [p.name, p.id]));
  establishAuthority(ctx, id.get('郭志明')!, [{ person: id.get('丁一')!, pin: DESK_PIN }]);
  ctx.db.close();

  const out = join(dir, 'sealed.json');
  refusedInOneLine(station(['seal', '--db', db, '--out', out, '--as', '丁一'], DESK_PIN), /may not do this \(sealToFile\)/);
  assert.equal(existsSync(out), false, 'nothing written');

  const seal = (pin: string) => station(['seal', '--db', db, '--out', out, '--as', '丁一'], pin);
  for (let i = 1; i <= 4; i++) refusedInOneLine(seal('111111'), /wrong PIN for 丁一/);
  refusedInOneLine(seal('111111'), /5 wrong PINs in a row for 丁一; try again in 60 s/);
  refusedInOneLine(seal(DESK_PIN), /try again in \d+ s/);
  assert.equal(existsSync(out), false);
});

const SCRIPT = '/usr/bin/script';

test('at a terminal the PIN is asked for and typed without echo', { skip: existsSync(SCRIPT) ? false : `needs ${SCRIPT} (util-linux) for a terminal` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'station-cli-as-'));
  dirs.push(dir);
  const db = join(dir, 'e.sqlite');
  assert.equal(station(['init', '--db', db, '--election', FIXTURE]).code, 0);
  const ctx = createContext({ dbFile: db, mustExist: true, actor: 'test' });
  const chair = listPeople(ctx).find((p) => p.name === '郭志明')!.id;
  establishAuthority(ctx, chair);
  ctx.db.close();

  // `script` runs the command on a pseudo-terminal of its own and passes our input on to it.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.STATION_PIN;
  const command = [process.execPath, join(root, 'bin', 'station.mjs'), 'seal', '--db', db, '--out', join(dir, 'sealed.json'), '--as', '郭志明'];
  const child = spawn(SCRIPT, ['-qfec', command.map((a) => `'${a}'`).join(' '), '/dev/null'], { cwd: root, env });
  let screen = '';
  let typed = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    screen += chunk;
    if (!typed && screen.includes('PIN for 郭志明: ')) {
      typed = true;
      child.stdin.write(`${TEST_PIN}\r`);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.ok(typed, `the PIN was asked for: ${screen}`);
  assert.ok(!screen.includes(TEST_PIN), `the PIN is not echoed: ${screen}`);
  // Signed in: the refusal is sealing's own (nothing counted yet), not the PIN's.
  assert.equal(code, 1);
  assert.match(screen, /no stored result yet/);
  const check = createContext({ dbFile: db, mustExist: true });
  assert.equal(check.db.prepare("SELECT actor FROM audit_event WHERE type = 'session.signed-in'").pluck().get(), `#${chair} 郭志明 [committee]`);
  check.db.close();
});
