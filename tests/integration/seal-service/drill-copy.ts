import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import { SESSION_FIELD } from '../../../shared/api/resend';
import { buildApi } from '../../../electron/backend/api';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { drillCredentials } from '../../../electron/backend/drill/credentials';
import { runDrill, type DrillSummary } from '../../../electron/backend/drill/run';

/** A drill election (counted, every sign-off given, PINs known from its seed) copied afresh for each test. */

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
export function tempDir(prefix = 'station-seal-service-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

const station = join(import.meta.dirname, '../../../bin/station.mjs');
export function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [station, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function drillSource(seed: string, voters = 300): Promise<{ source: string; drilled: DrillSummary }> {
  const source = join(tempDir(), 'source.sqlite');
  return { source, drilled: await runDrill({ dbFile: source, voters, seed }) };
}

export type ContractCall = (method: string, input: unknown) => Promise<ApiResponse<unknown>>;

export interface DrillCopy {
  ctx: BackendContext;
  dir: string;
  dbFile: string;
  /** The default export folder: `exports` beside the election file. */
  exports: string;
  /** Through the contract, nobody signed in. */
  anonymous: ContractCall;
  /** Through the contract, signed in as the committee chair. */
  asChair: ContractCall;
  /** The drill's people with their PINs. */
  people: ReturnType<typeof drillCredentials>['people'];
  chair: { id: number; name: string; pin: string };
  /** Signed in as someone else with their drill PIN. */
  as(person: number): Promise<ContractCall>;
}

export async function copyOfDrill(source: string): Promise<DrillCopy> {
  const dir = tempDir();
  const dbFile = join(dir, 'election.sqlite');
  copyFileSync(source, dbFile);
  let t = Date.parse('2026-05-17T02:00:00Z');
  const ctx = createContext({ dbFile, mustExist: true, now: () => new Date((t += 1000)), actor: 'test' });
  const api = buildApi(ctx);
  const anonymous: ContractCall = (method, input) => dispatch(contract, api, method, input);
  const people = drillCredentials(ctx).people;
  const c = people.find((p) => p.committee === 'chair')!;
  const chair = { id: c.id, name: c.name, pin: c.pin! };
  const signedCall = async (person: number, pin: string): Promise<ContractCall> => {
    const r = await anonymous('signIn', { person, pin });
    if (!r.ok) throw new Error(`sign-in of #${person}: ${r.error.message}`);
    const token = (r.value as { token: string }).token;
    return (method, input) => anonymous(method, { ...(input as object), [SESSION_FIELD]: token });
  };
  return {
    ctx,
    dir,
    dbFile,
    exports: join(dir, 'exports'),
    anonymous,
    asChair: await signedCall(chair.id, chair.pin),
    people,
    chair,
    as: (person) => signedCall(person, people.find((p) => p.id === person)!.pin!),
  };
}
