import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fingerprint, fingerprintMatches, loadOrCreateStationKey, STATION_KEY_FILE } from '../../../electron/backend/seal';

const posix = process.platform !== 'win32';
const tempDir = () => mkdtempSync(join(tmpdir(), 'seal-key-'));

test('first use creates an Ed25519 key file with mode 0600 and no leftover temp file; later uses load the same key', () => {
  const dir = tempDir();
  const first = loadOrCreateStationKey(dir);
  assert.equal(first.created, true);
  assert.equal(first.path, join(dir, STATION_KEY_FILE));
  assert.deepEqual(readdirSync(dir), [STATION_KEY_FILE]);
  if (posix) assert.equal(statSync(first.path).mode & 0o777, 0o600);
  assert.match(readFileSync(first.path, 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
  assert.equal(first.privateKey.asymmetricKeyType, 'ed25519');
  assert.match(first.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);

  const again = loadOrCreateStationKey(dir);
  assert.equal(again.created, false);
  assert.equal(again.publicKeyPem, first.publicKeyPem);
  assert.deepEqual(again.fingerprint, first.fingerprint);
});

test('a key file readable by group or others is refused with a message naming the file and the fix', { skip: posix ? false : 'POSIX permissions only' }, () => {
  const dir = tempDir();
  const { path } = loadOrCreateStationKey(dir);
  for (const mode of [0o644, 0o640, 0o604]) {
    chmodSync(path, mode);
    assert.throws(
      () => loadOrCreateStationKey(dir),
      (e: Error) => e.message.includes(path) && e.message.includes(`chmod 600 ${path}`) && e.message.includes(mode.toString(8)),
    );
  }
  chmodSync(path, 0o600);
  assert.equal(loadOrCreateStationKey(dir).created, false);
});

test('a corrupt or non-Ed25519 key file is refused with a clear message, and is left as it was', () => {
  const dir = tempDir();
  const path = join(dir, STATION_KEY_FILE);
  writeFileSync(path, 'not a key\n', { mode: 0o600 });
  assert.throws(() => loadOrCreateStationKey(dir), /station key file .* is not a valid private key/);
  assert.equal(readFileSync(path, 'utf8'), 'not a key\n');

  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  writeFileSync(path, rsa, { mode: 0o600 });
  assert.throws(() => loadOrCreateStationKey(dir), /holds a rsa key, not Ed25519/);
});

test('a missing directory is reported, not created', () => {
  const dir = join(tempDir(), 'nope');
  assert.throws(() => loadOrCreateStationKey(dir), (e: Error) => e.message.includes(dir));
});

test('fingerprint: SHA-256 of the DER SPKI, as lowercase hex and as groups of 4 uppercase hex digits', () => {
  const { publicKey } = generateKeyPairSync('ed25519');
  // Build the SPKI DER independently: fixed Ed25519 header + the 32 raw key bytes.
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
  const hex = createHash('sha256').update(der).digest('hex');

  const fp = fingerprint(publicKey);
  assert.equal(fp.hex, hex);
  assert.match(fp.short, /^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
  assert.match(fp.full, /^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
  assert.equal(fp.full.replace(/ /g, '').toLowerCase(), hex);
  assert.ok(fp.full.startsWith(fp.short));
  assert.deepEqual(fingerprint(publicKey.export({ type: 'spki', format: 'pem' }) as string), fp);
  assert.deepEqual(fingerprint(createPublicKey({ key: der, format: 'der', type: 'spki' })), fp);

  assert.ok(fingerprintMatches(fp, fp.short));
  assert.ok(fingerprintMatches(fp, fp.short.toLowerCase().replace(/ /g, '-')));
  assert.ok(fingerprintMatches(fp, fp.hex));
  assert.ok(!fingerprintMatches(fp, fp.short.slice(0, 30)), 'a partial fingerprint is not accepted');
  const other = fingerprint(generateKeyPairSync('ed25519').publicKey);
  assert.ok(!fingerprintMatches(fp, other.short));
});

test('a temp key file left by a key creation that was killed is removed; one of a live process is left alone', () => {
  const dir = tempDir();
  const dead = `.${STATION_KEY_FILE}.999999999.0a1b2c.tmp`; // no process has this id (above every pid_max)
  const live = `.${STATION_KEY_FILE}.${process.pid}.0a1b2c.tmp`;
  writeFileSync(join(dir, dead), 'half a private key');
  writeFileSync(join(dir, live), 'being written');
  loadOrCreateStationKey(dir);
  assert.deepEqual(readdirSync(dir).sort(), [live, STATION_KEY_FILE].sort());
});
