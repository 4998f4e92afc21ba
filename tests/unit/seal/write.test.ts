import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fingerprint, sealResults, writeSealedFile } from '../../../electron/backend/seal';
import { newKey, sealInput } from './fixtures';

const key = newKey();
const sealed = sealResults(sealInput(), key);
const tempDir = () => mkdtempSync(join(tmpdir(), 'seal-write-'));

test('writeSealedFile writes exactly the bytes, verifies them, and leaves no temp file', () => {
  const dir = tempDir();
  const path = join(dir, 'result.cer-sealed.json');
  const summary = writeSealedFile(path, sealed);
  assert.deepEqual(readdirSync(dir), ['result.cer-sealed.json']);
  assert.ok(readFileSync(path).equals(sealed));
  assert.equal(summary.fingerprint.hex, fingerprint(key.publicKeyPem).hex);
  assert.equal(summary.rounds.length, 1);
});

test('an existing file is not replaced unless overwrite is asked for', () => {
  const dir = tempDir();
  const path = join(dir, 'out.json');
  writeFileSync(path, 'earlier');
  assert.throws(() => writeSealedFile(path, sealed), /already exists/);
  assert.equal(readFileSync(path, 'utf8'), 'earlier');
  assert.deepEqual(readdirSync(dir), ['out.json']);
  writeSealedFile(path, sealed, { overwrite: true });
  assert.ok(readFileSync(path).equals(sealed));
  assert.deepEqual(readdirSync(dir), ['out.json']);
});

test('bytes that do not verify never reach the target path, and the temp file is removed', () => {
  const dir = tempDir();
  const path = join(dir, 'out.json');
  const bad = Buffer.from(sealed);
  bad[100] = bad[100]! ^ 0x04;
  assert.throws(() => writeSealedFile(path, bad), /the sealed file does not verify; nothing written/);
  assert.deepEqual(readdirSync(dir), []);

  writeFileSync(path, 'earlier');
  assert.throws(() => writeSealedFile(path, bad, { overwrite: true }), /does not verify/);
  assert.equal(readFileSync(path, 'utf8'), 'earlier');
  assert.deepEqual(readdirSync(dir), ['out.json']);
});

test('a fingerprint check at write time refuses a file sealed with another key', () => {
  const dir = tempDir();
  const path = join(dir, 'out.json');
  const other = fingerprint(newKey().publicKeyPem);
  assert.throws(() => writeSealedFile(path, sealed, { expectedFingerprint: other.short }), /not the one on the tally sheet/);
  assert.deepEqual(readdirSync(dir), []);
});

test('a missing directory is an error naming the path', () => {
  const path = join(tempDir(), 'missing', 'out.json');
  assert.throws(() => writeSealedFile(path, sealed), (e: Error) => e.name === 'ApiError' && /cannot write a file in .*missing/.test(e.message));
});
