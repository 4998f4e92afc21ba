/**
 * `station` as whole processes, the way a town office runs it once per file: `station --help` (target < 0.15 s) and
 * `station verify` of a sealed file of about 5 MB (target < 0.6 s), from the bundle, with the sources through tsx
 * beside them for comparison. The median of a few runs; the file is made by a drill first (not timed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JavaScript without type declarations
import { freshCliBundle } from '../../bin/cli-bundle.mjs';

const root = join(import.meta.dirname, '..', '..');
const station = join(root, 'bin', 'station.mjs');
const RUNS = 5;

function seconds(args: string[], env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [station, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
    times.push((performance.now() - t) / 1000);
    if (r.status !== 0) throw new Error(`bench: station ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

export async function run(): Promise<Record<string, number | string>> {
  if (!(freshCliBundle as (root: string) => string | null)(root)) {
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli-only'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`bench: building the station bundle failed: ${built.stderr}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'station-bench-cli-'));
  try {
    const sealed = join(dir, 'drill.sealed.json');
    const drill = spawnSync(process.execPath, [station, 'drill', '--db', join(dir, 'drill.sqlite'), '--voters', '34000', '--seed', '1', '--out', sealed, '--quiet'], {
      encoding: 'utf8',
    });
    if (drill.status !== 0) throw new Error(`bench: station drill failed (${drill.status}): ${drill.stderr}`);
    const help = seconds(['--help']);
    const verify = seconds(['verify', sealed]);
    return {
      'bare node -e 0: s': ((): number => {
        const t = performance.now();
        spawnSync(process.execPath, ['-e', '0']);
        return (performance.now() - t) / 1000;
      })(),
      'station --help (bundle): s (target < 0.15)': help,
      'station --help (sources through tsx): s': seconds(['--help'], { STATION_CLI_SOURCES: '1' }),
      'sealed file: MB': statSync(sealed).size / 1e6,
      'station verify (bundle): s (target < 0.6)': verify,
      'station verify (sources through tsx): s': seconds(['verify', sealed], { STATION_CLI_SOURCES: '1' }),
      'cli targets': help < 0.15 && verify < 0.6 ? 'met' : 'MISSED',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
