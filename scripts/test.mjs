#!/usr/bin/env node
// Runs the test suites with Node's own test runner (TypeScript through tsx), then prints one summary line.
// Usage: node scripts/test.mjs [unit|integration|e2e ...]   (default: all)
// First it sets itself up: with the browser tests (e2e) it checks for Chromium, the CJK fonts and pdftoppm, installs
// them where it may (root with apt-get) or prints the exact command and stops; and it rebuilds the bundled `station`
// command (dist/cli) when a source is newer, so the CLI tests run the bundle as users do.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const suites = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'integration', 'e2e'];

function collect(dir) {
  let out = [];
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries.sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(collect(full));
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, full));
  }
  return out;
}

if (suites.includes('e2e')) {
  const { ensurePrerequisites } = await import('./prerequisites.mjs');
  const stop = ensurePrerequisites();
  if (stop) {
    console.error(stop);
    process.exit(1);
  }
}
const { freshCliBundle } = await import('../bin/cli-bundle.mjs');
if (!freshCliBundle(root)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli-only'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('test: building the station command failed (see above); no test was run.');
    process.exit(1);
  }
}

// The browser suites first: they are the longest files, and started last they leave one core idle at the end.
const order = ['e2e', 'integration', 'unit'];
const ordered = [...suites].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
const files = ordered.flatMap((s) => collect(join(root, 'tests', s)));
if (files.length === 0) {
  console.error(`no test files found under tests/{${suites.join(',')}}`);
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'station-test-'));
const tap = join(work, 'report.tap');
// One renderer build for every browser test file (each would otherwise build its own).
const env = { ...process.env, TZ: 'Asia/Shanghai' };
if (suites.includes('e2e')) {
  const { build } = await import('vite');
  const outDir = join(work, 'renderer');
  await build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
  env.STATION_TEST_RENDERER = outDir;
}
// Three files at a time on two cores: the browser and file-system tests wait (on Chromium, fsync) a third of the time.
const args = [
  '--import', 'tsx', '--test', '--test-concurrency=3',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...files,
];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });

let report = '';
try { report = readFileSync(tap, 'utf8'); } catch { /* runner died before writing */ }
const num = (key) => Number((report.match(new RegExp(`^# ${key} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
rmSync(work, { recursive: true, force: true });
console.log(`\ntests: ${num('pass')} passed, ${num('fail')} failed, ${num('skipped')} skipped`);
process.exit(r.status ?? 1);
