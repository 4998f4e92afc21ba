import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
// @ts-expect-error plain JavaScript without type declarations (bin/ runs before anything is compiled)
import { freshCliBundle } from '../../../bin/cli-bundle.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const station = join(root, 'bin', 'station.mjs');
const fresh = freshCliBundle as (root: string) => string | null;
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [station, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('station runs from the bundle when it is fresh, with the same help and exit codes as the sources', () => {
  if (!fresh(root)) {
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli-only'], { cwd: root, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
  }
  const bundled = run(['--help'], { STATION_CLI_TRACE: '1' });
  assert.equal(bundled.stderr, 'station: bundle\n');
  assert.equal(bundled.code, 0);
  const sources = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', "import { main } from './electron/cli/main.ts'; process.exitCode = await main(['--help']);"],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(bundled.stdout, sources.stdout);
  assert.match(bundled.stdout, /verify +check a sealed result file/);
  // A command's code comes from its chunk, loaded when it runs: bad input is still exit 2 with its usage.
  const bad = run(['verify']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^usage: station verify FILE/);
  const unknown = run(['nonsense']);
  assert.equal(unknown.code, 2);
});

test('a bundle older than any file it was built from is never run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'station-bundle-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  mkdirSync(join(dir, 'src'));
  const list = (value: unknown) => writeFileSync(join(dir, 'dist', 'cli', 'inputs.json'), JSON.stringify(value));
  const startedMs = Date.now();
  const past = new Date(startedMs - 60_000);
  for (const f of ['src/a.ts', 'package-lock.json']) {
    writeFileSync(join(dir, f), 'x');
    utimesSync(join(dir, f), past, past);
  }
  list({ startedMs, inputs: ['src/a.ts', 'package-lock.json'] });
  assert.equal(fresh(dir), null, 'no station.mjs yet');
  writeFileSync(join(dir, 'dist', 'cli', 'station.mjs'), '');
  assert.equal(fresh(dir), join(dir, 'dist', 'cli', 'station.mjs'));

  const later = new Date(startedMs + 1000);
  utimesSync(join(dir, 'src', 'a.ts'), later, later);
  assert.equal(fresh(dir), null, 'a source saved after the build started');
  utimesSync(join(dir, 'src', 'a.ts'), past, past);
  utimesSync(join(dir, 'package-lock.json'), later, later);
  assert.equal(fresh(dir), null, 'dependencies changed');
  utimesSync(join(dir, 'package-lock.json'), past, past);
  rmSync(join(dir, 'src', 'a.ts'));
  assert.equal(fresh(dir), null, 'a source removed');
  for (const broken of [null, [], { startedMs }, { startedMs: 'soon', inputs: ['package-lock.json'] }, { startedMs, inputs: [] }, { startedMs, inputs: [7] }]) {
    list(broken);
    assert.equal(fresh(dir), null, JSON.stringify(broken));
  }
  writeFileSync(join(dir, 'dist', 'cli', 'inputs.json'), '{ not json');
  assert.equal(fresh(dir), null);
});
