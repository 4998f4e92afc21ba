import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { TEST_PIN } from '../../helpers/authority';

/** Runs the built `station` CLI (bin/station.mjs) with STATION_PIN set to the tests' PIN. */
export const root = join(import.meta.dirname, '..', '..', '..');

export function station(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, STATION_PIN: TEST_PIN };
  const r = spawnSync(process.execPath, [join(root, 'bin', 'station.mjs'), ...args], { cwd: root, encoding: 'utf8', env, input: '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The exit code, the output matching `pattern` (stdout on success, stderr else), and a refusal in one line. */
export function expect(r: { code: number | null; stdout: string; stderr: string }, code: number, pattern?: RegExp): void {
  assert.equal(r.code, code, `${r.stdout}\n${r.stderr}`);
  if (pattern) assert.match(code === 0 ? r.stdout : r.stderr, pattern);
  if (code !== 0) assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
}
