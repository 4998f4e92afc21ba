import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fingerprint, loadOrCreateStationKey, sealResults, writeSealedFile } from '../../../electron/backend/seal';
import { sealInput } from '../../unit/seal/fixtures';

// The commands are taken from docs/sealed-file.md itself, so the documentation is what gets tested.
const doc = readFileSync(fileURLToPath(new URL('../../../docs/sealed-file.md', import.meta.url)), 'utf8');
function docBlock(name: string): string {
  const m = new RegExp(`<!-- test: ${name} [^\\n]*-->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(doc);
  assert.ok(m, `docs/sealed-file.md has no "test: ${name}" block`);
  return m[1]!;
}

function run(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}
function opensslSupportsRawin(): boolean {
  const r = spawnSync('openssl', ['pkeyutl', '-help'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.includes('-rawin');
}

const haveOpenssl = run('openssl') && opensslSupportsRawin();
const haveSed = run('sed') && run('base64') && run('sha256sum');
const havePython = run('python3');
const why = (ok: boolean, what: string): string | false => {
  if (ok) return false;
  console.log(`skipped: ${what} not found on this machine`);
  return `${what} not found`;
};

function sh(script: string, cwd: string) {
  return spawnSync('sh', ['-e', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
}

/** A station key in a temp "database" dir and a sealed file written the way the app writes it. */
function sealedFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'seal-openssl-'));
  const key = loadOrCreateStationKey(dir);
  const bytes = sealResults(sealInput(), key);
  writeSealedFile(join(dir, 'result.cer-sealed.json'), bytes);
  return { dir, key, bytes };
}

test('stock openssl + sed + base64 verify a sealed file and print the fingerprint on the tally sheet', { skip: why(haveOpenssl && haveSed, 'openssl 3 (with pkeyutl -rawin), GNU sed, base64 or sha256sum') }, () => {
  const { dir, key } = sealedFixture();
  const r = sh(docBlock('openssl-sed'), dir);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines, ['Signature Verified Successfully', fingerprint(key.publicKey).hex, fingerprint(key.publicKey).short]);
});

test('stock openssl rejects a sealed file whose payload was changed after sealing', { skip: why(haveOpenssl && haveSed, 'openssl 3 (with pkeyutl -rawin), GNU sed, base64 or sha256sum') }, () => {
  const { dir, bytes } = sealedFixture();
  // Change one character inside the signed content (a count in the result) and re-encode it as valid base64,
  // as a forger would: the file still parses, only the signature can tell.
  const outer = JSON.parse(bytes.toString('utf8'));
  const payload = Buffer.from(outer.payload, 'base64').toString('utf8').replace('"registered":12', '"registered":13');
  assert.ok(payload.includes('"registered":13'));
  outer.payload = Buffer.from(payload, 'utf8').toString('base64');
  const forged = bytes.toString('utf8').replace(/"payload": "[^"]*"/, `"payload": "${outer.payload}"`);
  writeFileSync(join(dir, 'result.cer-sealed.json'), forged);
  const r = sh(docBlock('openssl-sed'), dir);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /Signature Verification Failure/);
});

test('python3 extraction + openssl verify, and python3 recomputes the record and result hashes', { skip: why(haveOpenssl && havePython, 'openssl 3 (with pkeyutl -rawin) or python3') }, () => {
  const { dir } = sealedFixture();
  // Re-indent the file (as an editor might): the python extraction does not depend on the layout.
  const path = join(dir, 'result.cer-sealed.json');
  writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8')), null, 4).replace(/\n/g, '\r\n'));
  const r = sh(docBlock('python'), dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'Signature Verified Successfully');
  const h = sh(docBlock('python-hashes'), dir);
  assert.equal(h.status, 0, h.stderr);
  assert.equal(h.stdout.trim(), 'True True');
});
