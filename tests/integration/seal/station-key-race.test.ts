import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { STATION_KEY_FILE } from '../../../electron/backend/seal';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const moduleUrl = new URL('../../../electron/backend/seal/index.ts', import.meta.url).href;

/** Each child loads the module, then waits for a common start time, so their key creations overlap. */
function loadInChild(dir: string, startAt: number): Promise<string> {
  const code = `import { loadOrCreateStationKey } from ${JSON.stringify(moduleUrl)};
    while (Date.now() < ${startAt}) {}
    const k = loadOrCreateStationKey(${JSON.stringify(dir)}); console.log(k.fingerprint.hex);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => (status === 0 ? resolve(out.trim()) : reject(new Error(`child exited ${status}: ${err}`))));
  });
}

test('processes starting at the same time on a fresh directory all end up with the same station key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seal-race-'));
  const startAt = Date.now() + 2500;
  const prints = await Promise.all(Array.from({ length: 4 }, () => loadInChild(dir, startAt)));
  assert.equal(new Set(prints).size, 1, prints.join('\n'));
  assert.match(prints[0]!, /^[0-9a-f]{64}$/);
  assert.deepEqual(readdirSync(dir), [STATION_KEY_FILE]);
  if (process.platform !== 'win32') assert.equal(statSync(join(dir, STATION_KEY_FILE)).mode & 0o777, 0o600);
});
