import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { asPerson } from '../../helpers/authority';
import { tempDir } from '../issuance/helpers';
import { assert, central, cert, exportPackage, openBoxAt, openStation, S1_VOTERS, stationFingerprintOf, writeReturn } from './helpers';

// The commands come from docs/stations.md itself, so the documentation is what gets tested.
const doc = readFileSync(fileURLToPath(new URL('../../../docs/stations.md', import.meta.url)), 'utf8');
const block = /<!-- test: return-openssl [^\n]*-->\n```sh\n([\s\S]*?)```/.exec(doc)?.[1];

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const rawin = () => {
  const r = spawnSync('openssl', ['pkeyutl', '-help'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.includes('-rawin');
};
const tools = has('openssl') && rawin() && has('sed') && has('base64') && has('sha256sum');
if (!tools) console.log('skipped: openssl 3 (with pkeyutl -rawin), GNU sed, base64 or sha256sum not found on this machine');

function check(file: string) {
  const dir = tempDir();
  copyFileSync(file, join(dir, 's1-return-1.json'));
  return spawnSync('sh', ['-e', '-c', block!], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
}

test('stock openssl checks a station return as docs/stations.md says: signature, the fingerprint on the slip, the return hash', { skip: tools ? false : 'openssl 3, sed, base64 or sha256sum not found' }, async () => {
  assert.ok(block, 'docs/stations.md has no "test: return-openssl" block');
  const c = await central();
  const s1 = openStation(exportPackage(c, 's1'), c.fingerprint);
  openBoxAt(s1, c.chair, 'S1');
  asPerson(s1.ctx, c.person('王芳'), () => issueBallot(s1.ctx, { certificate: cert(S1_VOTERS[0]!), round: 1, desk: 'S1' }));
  const file = writeReturn(s1, c.person('王芳'));
  const hash = (s1.ctx.db.prepare('SELECT payload_hash FROM station_return_written').get() as { payload_hash: string }).payload_hash;
  const r = check(file);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), ['Signature Verified Successfully', stationFingerprintOf(s1), hash]);

  // One issuance's desk changed inside the payload and re-encoded: only the signature can tell.
  const text = readFileSync(file, 'utf8');
  const payload = /"payload": "([^"]*)"/.exec(text)![1]!;
  const forged = Buffer.from(Buffer.from(payload, 'base64').toString('utf8').replace('"desk":"S1"', '"desk":"S2"'), 'utf8').toString('base64');
  assert.notEqual(forged, payload);
  const out = join(tempDir(), 'forged.json');
  writeFileSync(out, text.replace(payload, forged));
  const bad = check(out);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /Signature Verification Failure/);
});
