/**
 * `station` as whole processes, the way a town office runs it once per file: `station --help` (target < 0.15 s) and
 * `station verify` of a sealed file of about 5 MB (target < 0.6 s), from the bundle, with the sources through tsx
 * beside them for comparison. The median of a few runs; the file is made by a drill first (not timed).
 *
 * Each bundle figure is taken twice, runs alternating: in this machine's environment, and without
 * NODE_EXTRA_CA_CERTS. That variable makes every Node process read and parse the whole CA bundle it names before
 * running anything (tens of milliseconds) although `station` never opens a TLS connection; a default Node install
 * does not set it, so the targets are judged on the figures without it. On Linux the processes' CPU time is printed
 * too: on a loaded machine it moves far less than the wall-clock time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JavaScript without type declarations
import { freshCliBundle } from '../../bin/cli-bundle.mjs';

const root = join(import.meta.dirname, '..', '..');
const station = join(root, 'bin', 'station.mjs');
const RUNS = 5;
const CA_VARIABLE = 'NODE_EXTRA_CA_CERTS';

type Env = Record<string, string | undefined>;

/** This process's waited-for children's CPU time (user + system) in seconds, from /proc; null elsewhere. */
function childrenCpuSeconds(): number | null {
  try {
    // The fields after the command name (which is in parentheses and may hold spaces): cutime and cstime are 14 and 15.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

interface Timing {
  wall: number[];
  cpu: number[];
}

/** One whole `node argv…` process. */
function once(argv: string[], env: Env, into: Timing): void {
  const cpuBefore = childrenCpuSeconds();
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  into.wall.push((performance.now() - t) / 1000);
  const cpuAfter = childrenCpuSeconds();
  if (cpuBefore !== null && cpuAfter !== null) into.cpu.push(cpuAfter - cpuBefore);
  if (r.status !== 0) throw new Error(`bench: node ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `node argv…` RUNS times in each environment, alternating, so a change of load touches both alike. */
function timed(argv: string[], envs: Env[]): Timing[] {
  const timings = envs.map((): Timing => ({ wall: [], cpu: [] }));
  for (let i = 0; i < RUNS; i++) envs.forEach((env, e) => once(argv, env, timings[e]!));
  return timings;
}

export async function run(): Promise<Record<string, number | string>> {
  if (!(freshCliBundle as (root: string) => string | null)(root)) {
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli-only'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`bench: building the station bundle failed: ${built.stderr}`);
  }
  const machine: Env = { ...process.env };
  const plain: Env = { ...process.env };
  delete plain[CA_VARIABLE];
  const caSet = process.env[CA_VARIABLE] !== undefined;
  const envs = caSet ? [plain, machine] : [plain];
  const dir = mkdtempSync(join(tmpdir(), 'station-bench-cli-'));
  try {
    const sealed = join(dir, 'drill.sealed.json');
    const drill = spawnSync(process.execPath, [station, 'drill', '--db', join(dir, 'drill.sqlite'), '--voters', '34000', '--seed', '1', '--out', sealed, '--quiet'], {
      encoding: 'utf8',
    });
    if (drill.status !== 0) throw new Error(`bench: station drill failed (${drill.status}): ${drill.stderr}`);
    const bare = timed(['-e', '0'], envs);
    const help = timed([station, '--help'], envs);
    const verify = timed([station, 'verify', sealed], envs);
    const helpPlain = median(help[0]!.wall);
    const verifyPlain = median(verify[0]!.wall);
    const figures: Record<string, number | string> = {
      [`${CA_VARIABLE} in this environment`]: caSet ? `${process.env[CA_VARIABLE]} (figures with and without it)` : 'not set (a default Node install)',
      'sealed file: MB': statSync(sealed).size / 1e6,
    };
    envs.forEach((_, e) => {
      const how = e === 0 ? `without ${CA_VARIABLE}` : 'this environment';
      figures[`bare node -e 0, ${how}: s`] = median(bare[e]!.wall);
      figures[`station --help (bundle), ${how}: s${e === 0 ? ' (target < 0.15)' : ''}`] = median(help[e]!.wall);
      figures[`station verify (bundle), ${how}: s${e === 0 ? ' (target < 0.6)' : ''}`] = median(verify[e]!.wall);
      if (help[e]!.cpu.length > 0) {
        figures[`station --help (bundle), ${how}: CPU s`] = median(help[e]!.cpu);
        figures[`station verify (bundle), ${how}: CPU s`] = median(verify[e]!.cpu);
      }
    });
    const sources = [{ ...plain, STATION_CLI_SOURCES: '1' }];
    figures['station --help (sources through tsx): s'] = median(timed([station, '--help'], sources)[0]!.wall);
    figures['station verify (sources through tsx): s'] = median(timed([station, 'verify', sealed], sources)[0]!.wall);
    figures[`cli targets (judged without ${CA_VARIABLE})`] = helpPlain < 0.15 && verifyPlain < 0.6 ? 'met' : 'MISSED';
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
