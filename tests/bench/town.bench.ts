/**
 * The town office receiving sealed files: verifying (signature, hashes, a recount of every round) and filing N files
 * of 2,000-voter elections, at N = 100 and N = 500 (target: 500 in under 30 s and under 400 MB). The files are made
 * from one drill by giving each a community of its own and re-signing it with a key generated for that community.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runDrill } from '../../electron/backend/drill/run';
import { fingerprint, signPayload } from '../../electron/backend/seal';
import { createTownFile } from '../../electron/backend/town/context';
import { registerKey } from '../../electron/backend/town/office';

const worker = join(import.meta.dirname, 'town-import-worker.ts');

/** N sealed files, one per community 社区0001…, each signed by its own new key; returns their fingerprints. */
function makeFiles(template: Record<string, any>, n: number, folder: string): Map<string, string> {
  mkdirSync(folder, { recursive: true });
  const keys = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const community = `测试${String(i).padStart(4, '0')}社区`;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const fp = fingerprint(publicKeyPem);
    const payload = { ...template, election: { ...template.election, community }, station: { fingerprint: fp.hex, publicKey: publicKeyPem } };
    writeFileSync(join(folder, `${community}.sealed.json`), signPayload(payload, { privateKey, publicKeyPem }));
    keys.set(community, fp.short);
  }
  return keys;
}

interface ImportFigure {
  ms: number;
  maxRssMB: number;
}

/** A fresh town file with every community's key registered, and the folder of its N files. */
function townWithFiles(dir: string, name: string, n: number, template: Record<string, any>): { dbFile: string; folder: string } {
  const folder = join(dir, `${name}-files-${n}`);
  const keys = makeFiles(template, n, folder);
  const dbFile = join(dir, `${name}-${n}.sqlite`);
  const ctx = createTownFile(dbFile, { name: '基准街道', followUpDays: 90 });
  for (const [community, fp] of keys) registerKey(ctx, community, fp, 'typed');
  ctx.db.close();
  return { dbFile, folder };
}

/** The import from source under tsx, timed and measured inside the child. */
function importFromSource(dir: string, n: number, template: Record<string, any>): ImportFigure {
  const { dbFile, folder } = townWithFiles(dir, 'town', n, template);
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, dbFile, folder], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench: town import failed (${r.status}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as ImportFigure & { outcomes: Record<string, number> };
  if (out.outcomes.new !== n) throw new Error(`bench: expected ${n} new files, got ${JSON.stringify(out.outcomes)}`);
  rmSync(folder, { recursive: true, force: true });
  return out;
}

/**
 * `station town import` as the town runs it: the bundled CLI (dist/cli, `node scripts/build.mjs --cli-only`), its wall time and peak resident memory (main thread and verification workers together) as GNU time reports it.
 */
function importWithBundledCli(dir: string, n: number, template: Record<string, any>): ImportFigure {
  const bundle = join(import.meta.dirname, '../../dist/cli/station.mjs');
  if (!existsSync(bundle)) throw new Error('bench: no CLI bundle; run node scripts/build.mjs --cli-only');
  const { dbFile, folder } = townWithFiles(dir, 'cli', n, template);
  // The bundle's main as bin/station.mjs calls it, without bin's freshness check (the bench measures what was built).
  const station = join(dir, 'station-bundle.mjs');
  writeFileSync(station, `const { main } = await import(${JSON.stringify(pathToFileURL(bundle).href)});\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss-kb=%M', process.execPath, station, 'town', 'import', '--db', dbFile, folder], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`bench: station town import failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const kb = /maxrss-kb=(\d+)/.exec(r.stderr);
  if (kb === null) throw new Error(`bench: no memory figure from /usr/bin/time: ${r.stderr.slice(-500)}`);
  if (!r.stdout.includes(`${n} files, 0 refused`)) throw new Error(`bench: expected ${n} files filed: ${r.stdout.slice(-500)}`);
  rmSync(folder, { recursive: true, force: true });
  return { ms, maxRssMB: Number(kb[1]) / 1024 };
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = process.env.STATION_BENCH_DIR ? mkdtempSync(join(process.env.STATION_BENCH_DIR, 'station-bench-town-')) : mkdtempSync(join(tmpdir(), 'station-bench-town-'));
  try {
    const drill = await runDrill({ dbFile: join(dir, 'drill.sqlite'), voters: 2000, seed: '1' });
    const bytes = readFileSync(drill.sealedFile);
    const template = JSON.parse(Buffer.from((JSON.parse(bytes.toString('utf8')) as { payload: string }).payload, 'base64').toString('utf8')) as Record<string, any>;
    const hundred = importFromSource(dir, 100, template);
    const fiveHundred = importFromSource(dir, 500, template);
    const cliHundred = importWithBundledCli(dir, 100, template);
    const cliFiveHundred = importWithBundledCli(dir, 500, template);
    return {
      'sealed file of 2,000 voters: bytes': bytes.length,
      'ballots per file': drill.rounds.reduce((n, r) => n + r.ballots, 0),
      'import 100 files: s': hundred.ms / 1000,
      'import 100 files: ms per file': hundred.ms / 100,
      'import 100 files: peak memory MB': hundred.maxRssMB,
      'import 500 files: s (target < 30)': fiveHundred.ms / 1000,
      'import 500 files: ms per file': fiveHundred.ms / 500,
      'import 500 files: peak memory MB (target < 400)': fiveHundred.maxRssMB,
      'bundled CLI, 100 files: s': cliHundred.ms / 1000,
      'bundled CLI, 100 files: peak memory MB': cliHundred.maxRssMB,
      'bundled CLI, 500 files: s (target < 30)': cliFiveHundred.ms / 1000,
      'bundled CLI, 500 files: peak memory MB (target < 400)': cliFiveHundred.maxRssMB,
      'town targets (bundled CLI)': cliFiveHundred.ms < 30_000 && cliFiveHundred.maxRssMB < 400 ? 'met' : 'MISSED',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
