/**
 * Sealing and verifying a 30,000-ballot election (targets: under 2 s each), and `station drill --voters 50000`
 * (target: under 60 s). The election to seal is itself made by a drill (about 34,000 voters, so about 30,000 ballots).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../../electron/backend/audit';
import { createContext } from '../../electron/backend/context';
import { runDrill } from '../../electron/backend/drill/run';
import { sealElection, verifySealedPath } from '../../electron/backend/services/seal';

const station = join(import.meta.dirname, '../../bin/station.mjs');

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'station-bench-seal-'));
  try {
    const dbFile = join(dir, 'seal.sqlite');
    const t0 = performance.now();
    const drill = await runDrill({ dbFile, voters: 34_000, seed: '1' }); // a seed whose result needs no further round
    const drillSeconds = (performance.now() - t0) / 1000;
    const ballots = drill.rounds.reduce((n, r) => n + r.ballots, 0);

    const ctx = createContext({ dbFile, mustExist: true, actor: 'bench' });
    let sealMs: number;
    let bytes: number;
    let chainMs: number;
    let events: number;
    const out = join(dir, 'bench.sealed.json');
    try {
      const a = performance.now();
      events = verifyAuditChain(ctx.db).count;
      chainMs = performance.now() - a;
      const s = performance.now();
      bytes = sealElection(ctx, { path: out }).bytes;
      sealMs = performance.now() - s;
    } finally {
      ctx.db.close();
    }
    const v = performance.now();
    const outcome = await verifySealedPath(out);
    const verifyMs = performance.now() - v;
    if (!outcome.ok) throw new Error(`bench: the sealed file does not verify: ${outcome.failures.join('; ')}`);

    const c = performance.now();
    const cli = spawnSync(process.execPath, [station, 'drill', '--db', join(dir, 'drill50k.sqlite'), '--voters', '50000', '--seed', 'bench', '--quiet', '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const cliSeconds = (performance.now() - c) / 1000;
    if (cli.status !== 0) throw new Error(`bench: station drill failed (${cli.status}): ${cli.stderr}`);
    const big = JSON.parse(cli.stdout) as { rounds: { ballots: number }[]; auditHead: { count: number } };

    return {
      'seal election: ballots (all rounds)': ballots,
      'seal election: rounds': drill.rounds.length,
      'seal: file bytes': bytes,
      'seal: audit events in the chain': events,
      'seal: of which walking the audit chain, ms': chainMs,
      'seal: ms (target < 2000)': sealMs,
      'verify: ms (target < 2000)': verifyMs,
      'seal/verify targets': sealMs < 2000 && verifyMs < 2000 ? 'met' : 'MISSED',
      'drill 34,000 voters (in process): s': drillSeconds,
      'station drill --voters 50000: s (target < 60)': cliSeconds,
      'station drill --voters 50000: ballots': big.rounds.reduce((n, r) => n + r.ballots, 0),
      'station drill --voters 50000: audit events': big.auditHead.count,
      'drill target': cliSeconds < 60 ? 'met' : 'MISSED',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
