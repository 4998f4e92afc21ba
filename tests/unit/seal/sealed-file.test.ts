import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fingerprint,
  hashJson,
  sealResults,
  signPayload,
  verifySealedFile,
  type VerifyOutcome,
} from '../../../electron/backend/seal';
import { newKey, payloadOf, sealInput, twoRoundInput } from './fixtures';

const key = newKey();
const sealed = sealResults(sealInput(), key);

function failuresOf(outcome: VerifyOutcome): string[] {
  assert.equal(outcome.ok, false, 'expected verification to fail');
  return (outcome as { failures: string[] }).failures;
}

test('a sealed file verifies and its summary reports the key fingerprint, the audit head and each round', () => {
  const outcome = verifySealedFile(sealed);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const s = outcome.summary;
  assert.deepEqual(s.fingerprint, fingerprint(key.publicKeyPem));
  assert.deepEqual(s.auditHead, { count: 42, hash: 'cd'.repeat(32) });
  assert.equal(s.sealedAt, '2026-03-01T16:30:00+08:00');
  assert.equal(s.electionTitle, '试点社区居委会选举');
  assert.equal(s.rounds.length, 1);
  const r = s.rounds[0]!;
  assert.equal(r.valid, true);
  assert.equal(r.ballots, 8);
  assert.equal(r.signoffs, 2);
  assert.equal(r.revokedSignoffs, 1);
  assert.deepEqual(r.elected.find((o) => o.office === 'chair')?.names, ['王芳']);
  assert.equal(r.resultHash, hashJson(sealInput().rounds[0]!.result));
  assert.deepEqual(s.payload.election, { title: '试点社区居委会选举', term: 12 });
});

test('sealing is deterministic and the file has the documented one-field-per-line layout', () => {
  assert.ok(sealResults(sealInput(), key).equals(sealed));
  const lines = sealed.toString('utf8').split('\n');
  assert.equal(lines.length, 7);
  assert.equal(lines[0], '{');
  assert.equal(lines[1], '  "format": "cer-sealed/1",');
  assert.match(lines[2]!, /^ {2}"payload": "[A-Za-z0-9+/]+=*",$/);
  assert.match(lines[3]!, /^ {2}"signature": "[A-Za-z0-9+/]{86}==",$/);
  assert.match(lines[4]!, /^ {2}"publicKey": "-----BEGIN PUBLIC KEY-----\\n[A-Za-z0-9+/=]+\\n-----END PUBLIC KEY-----\\n"$/);
  assert.equal(lines[5], '}');
  assert.equal(lines[6], '');
});

test('flipping any single bit of any byte of a sealed file makes verification fail, never throw', () => {
  let checked = 0;
  for (let i = 0; i < sealed.length; i++) {
    const bit = 1 << (i % 8);
    const copy = Buffer.from(sealed);
    copy[i] = copy[i]! ^ bit;
    let outcome: VerifyOutcome;
    try {
      outcome = verifySealedFile(copy);
    } catch (e) {
      assert.fail(`byte ${i} bit ${i % 8}: verifySealedFile threw ${(e as Error).stack}`);
    }
    assert.equal(outcome.ok, false, `byte ${i} (0x${sealed[i]!.toString(16)}) with bit ${i % 8} flipped still verifies`);
    const { failures } = outcome as { failures: string[] };
    assert.ok(failures.length > 0 && failures.every((f) => typeof f === 'string' && f.length > 10), `byte ${i}: ${failures}`);
    checked++;
  }
  assert.equal(checked, sealed.length);
});

test('replacing JSON whitespace with other whitespace, or adding or removing a byte, also fails', () => {
  const text = sealed.toString('latin1');
  const swaps: Record<string, string[]> = { ' ': ['\t', '\r', '\n'], '\n': [' ', '\t', '\r'] };
  let tried = 0;
  for (let i = 0; i < text.length; i++) {
    for (const w of swaps[text[i]!] ?? []) {
      const changed = Buffer.from(text.slice(0, i) + w + text.slice(i + 1), 'latin1');
      assert.equal(verifySealedFile(changed).ok, false, `whitespace at ${i} replaced by ${JSON.stringify(w)}`);
      tried++;
    }
  }
  assert.ok(tried > 20);
  assert.equal(verifySealedFile(Buffer.concat([sealed, Buffer.from('\n')])).ok, false);
  assert.equal(verifySealedFile(sealed.subarray(0, sealed.length - 1)).ok, false);
  assert.equal(verifySealedFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sealed])).ok, false, 'a BOM');
});

test('a field spelled with a JSON escape reads as the same value but is not the layout the station writes', () => {
  const text = sealed.toString('latin1');
  for (const field of ['"payload": "', '"signature": "']) {
    const at = text.indexOf(field) + field.length;
    const escaped = `\\u00${text.charCodeAt(at).toString(16)}`;
    const changed = Buffer.from(text.slice(0, at) + escaped + text.slice(at + 1), 'latin1');
    assert.equal(JSON.stringify(JSON.parse(changed.toString('latin1'))), JSON.stringify(JSON.parse(text)), 'the same fields');
    assert.ok(failuresOf(verifySealedFile(changed)).some((f) => f.includes('not laid out byte for byte')), field);
  }
});

test('a result that is not the recount of its record fails, naming the round, even when re-signed with the right key', () => {
  const p = payloadOf(sealed);
  const chair = p.rounds[0].result.offices.find((o: { office: string }) => o.office === 'chair');
  chair.results[0].for += 1;
  const resultHash = hashJson(p.rounds[0].result);
  p.rounds[0].resultHash = resultHash;
  for (const s of p.signoffs) if (!s.revoked) s.resultHash = resultHash;
  const failures = failuresOf(verifySealedFile(signPayload(p, key)));
  assert.equal(failures.length, 1, failures.join('\n'));
  assert.match(failures[0]!, /第 1 轮/);
  assert.match(failures[0]!, /round 1: the stored result differs from a recount of its record/);
  assert.match(failures[0]!, /offices\[0\]\.results\[0\]\.for: stored \d+, recount \d+/);

  const input = sealInput();
  input.rounds[0]!.result.offices[0]!.results[0]!.for += 1;
  assert.throws(() => sealResults(input, key), /round 1: the stored result differs from a recount/);
});

test('a sign-off in force whose resultHash is not its round\'s result hash fails, naming the person and the round', () => {
  const p = payloadOf(sealed);
  p.signoffs[0].resultHash = 'ef'.repeat(32);
  const failures = failuresOf(verifySealedFile(signPayload(p, key)));
  assert.equal(failures.length, 1, failures.join('\n'));
  assert.match(failures[0]!, /round 1: the result hash signed by 张敏 \(chief-scrutineer\) is not the round's result hash \(signoffs\[0\]\.resultHash\)/);

  const input = sealInput();
  input.signoffs[0]!.resultHash = 'ef'.repeat(32);
  assert.throws(() => sealResults(input, key), /张敏 \(chief-scrutineer\) signed a result hash that is not round 1's current result/);
});

test('a sign-off naming a round that is not in the file fails', () => {
  const p = payloadOf(sealed);
  p.signoffs[0].round = 2;
  assert.match(failuresOf(verifySealedFile(signPayload(p, key))).join('\n'), /signoffs\[0\] \(张敏 \(chief-scrutineer\)\) names round 2, which is not in the file/);
});

test('wrong record or result hashes fail, naming the round and the field', () => {
  const p = payloadOf(sealed);
  p.rounds[0].recordHash = '00'.repeat(32);
  p.rounds[0].resultHash = '11'.repeat(32);
  const failures = failuresOf(verifySealedFile(signPayload(p, key))).join('\n');
  assert.match(failures, /round 1: recordHash does not match the record/);
  assert.match(failures, /round 1: resultHash does not match the result/);
});

test('a record that is not valid cer/1 fails with the round and the JSON path inside it', () => {
  const p = payloadOf(sealed);
  p.rounds[0].record.ballots[2].marks.chair.for = ['c9'];
  p.rounds[0].recordHash = hashJson(p.rounds[0].record);
  const failures = failuresOf(verifySealedFile(signPayload(p, key))).join('\n');
  assert.match(failures, /round 1: the record is not a valid cer\/1 \(record\.ballots\[2\]\.marks\.chair\.for\[0\]: unknown candidate "c9"\)/);
});

test('a file signed by another key fails, and so does a payload naming another station key', () => {
  const other = newKey();
  const outer = JSON.parse(sealed.toString('utf8'));
  const swapped = signPayload(payloadOf(sealed), other);
  const failures = failuresOf(verifySealedFile(swapped)).join('\n');
  assert.match(failures, /payload station\.publicKey differs/);
  assert.match(failures, /payload station\.fingerprint is not the fingerprint/);

  const lines = sealed.toString('utf8').split('\n');
  lines[4] = `  "publicKey": ${JSON.stringify(other.publicKeyPem)}`;
  const forged = failuresOf(verifySealedFile(Buffer.from(lines.join('\n')))).join('\n');
  assert.match(forged, /the signature does not match the payload/);
  assert.ok(outer.publicKey !== other.publicKeyPem);
});

test('the fingerprint on the paper sheet is checked when given', () => {
  const fp = fingerprint(key.publicKeyPem);
  assert.ok(verifySealedFile(sealed, { expectedFingerprint: fp.short }).ok);
  assert.ok(verifySealedFile(sealed, { expectedFingerprint: fp.full.toLowerCase() }).ok);
  const wrong = fingerprint(newKey().publicKeyPem);
  assert.match(failuresOf(verifySealedFile(sealed, { expectedFingerprint: wrong.short })).join('\n'), /is not the one on the tally sheet/);
  assert.match(failuresOf(verifySealedFile(sealed, { expectedFingerprint: 'ABCD' })).join('\n'), /must be 32 or 64 hex digits/);
});

test('malformed files get a clear message', () => {
  const cases: Array<[string | Buffer, RegExp]> = [
    ['', /not valid JSON/],
    ['{"format": "cer-sealed/1"', /not valid JSON/],
    [Buffer.from([0x7b, 0xff, 0x7d]), /not valid UTF-8/],
    ['[]', /sealed file/],
    ['{"format":"cer-sealed/2","payload":"","signature":"","publicKey":""}', /sealed file format/],
    ['{"format":"cer-sealed/1","payload":"","signature":"","publicKey":"","extra":1}', /unknown field\(s\) extra/],
    ['{"format":"cer-sealed/1","signature":"","publicKey":""}', /sealed file payload/],
  ];
  for (const [input, expected] of cases) {
    const failures = failuresOf(verifySealedFile(typeof input === 'string' ? Buffer.from(input) : input));
    assert.match(failures.join('\n'), expected, JSON.stringify(input.toString()));
  }
  const lines = sealed.toString('utf8').split('\n');
  lines[2] = '  "payload": "not base64!",';
  assert.match(failuresOf(verifySealedFile(Buffer.from(lines.join('\n')))).join('\n'), /"payload" is not valid base64/);
  lines[2] = `  "payload": "${Buffer.from('{"format":"cer-sealed-payload/1"}').toString('base64')}",`;
  assert.match(failuresOf(verifySealedFile(Buffer.from(lines.join('\n')))).join('\n'), /payload sealedAt/);
});

test('sealResults refuses bad input with the field named', () => {
  const input = sealInput();
  input.rounds[0]!.number = 2;
  assert.throws(() => sealResults(input, key), /rounds\[0\] is numbered 2, expected 1/);
  const input2 = sealInput();
  (input2.rounds[0]!.record.ballots[0] as { box: string }).box = 5 as unknown as string;
  assert.throws(() => sealResults(input2, key), /rounds\[0\]\.record\.ballots\[0\]\.box/);
  const input3 = sealInput();
  input3.auditHead.hash = 'xyz';
  assert.throws(() => sealResults(input3, key), /auditHead\.hash/);
});

test('another base64 spelling of the same signature bytes (unused low bits set) fails too', () => {
  const lines = sealed.toString('utf8').split('\n');
  const m = /^( {2}"signature": ")([A-Za-z0-9+/]{85})([A-Za-z0-9+/])(==",)$/.exec(lines[3]!)!;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const last = alphabet.indexOf(m[3]!);
  const respelled = alphabet[last ^ 0b0001]!; // the low 4 bits of the 86th character carry no data
  lines[3] = `${m[1]}${m[2]}${respelled}${m[4]}`;
  const changed = Buffer.from(lines.join('\n'));
  assert.ok(Buffer.from(`${m[2]}${respelled}==`, 'base64').equals(Buffer.from(`${m[2]}${m[3]}==`, 'base64')), 'same bytes');
  assert.match(failuresOf(verifySealedFile(changed)).join('\n'), /"signature" is not the base64 of a 64-byte Ed25519 signature/);
});

test('several rounds: each is recounted and summarised; rounds out of order or of the wrong kind fail', () => {
  const two = sealResults(twoRoundInput(), key);
  const outcome = verifySealedFile(two);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.deepEqual(outcome.summary.rounds.map((r) => [r.number, r.kind, r.signoffs]), [[1, 'regular', 2], [2, 'tie-revote', 1]]);

  const p = payloadOf(two);
  p.rounds.reverse();
  const failures = failuresOf(verifySealedFile(signPayload(p, key))).join('\n');
  assert.match(failures, /rounds\[0\] is numbered 2, expected 1/);

  const q = payloadOf(two);
  q.rounds[1].kind = 'supplementary';
  assert.match(failuresOf(verifySealedFile(signPayload(q, key))).join('\n'), /round 2: kind "supplementary" but the record says "tie-revote"/);

  const r = payloadOf(two);
  r.rounds[1].result.counts.ballotsCast = 6;
  r.rounds[1].resultHash = hashJson(r.rounds[1].result);
  r.signoffs[3].resultHash = r.rounds[1].resultHash;
  const one = failuresOf(verifySealedFile(signPayload(r, key)));
  assert.equal(one.length, 1, one.join('\n'));
  assert.match(one[0]!, /^第 2 轮：.*round 2: the stored result differs from a recount of its record \(counts\.ballotsCast: stored 6, recount 5\)$/);
});

test('each round carries the audit head at its last sign-off; files sealed before that field existed still verify', () => {
  const input = sealInput();
  const signedHead = { count: input.auditHead.count - 2, hash: 'c'.repeat(64) };
  const withHead = verifySealedFile(sealResults({ ...input, rounds: [{ ...input.rounds[0]!, signedHead }] }, key));
  assert.ok(withHead.ok);
  assert.deepEqual(withHead.summary.rounds[0]!.signedHead, signedHead);
  assert.deepEqual(withHead.summary.payload.rounds[0]!.signedHead, signedHead);

  const older = verifySealedFile(sealed); // no signedHead: the format before it was added
  assert.ok(older.ok);
  assert.equal(older.summary.rounds[0]!.signedHead, null);

  const beyond = { count: input.auditHead.count + 1, hash: 'c'.repeat(64) };
  assert.throws(() => sealResults({ ...input, rounds: [{ ...input.rounds[0]!, signedHead: beyond }] }, key), /signedHead is beyond the audit head/);
  const forged = payloadOf(sealed);
  (forged.rounds[0] as Record<string, unknown>).signedHead = beyond;
  const bad = verifySealedFile(signPayload(forged, key));
  assert.ok(!bad.ok && bad.failures.some((f) => /round 1: signedHead is beyond the audit head/.test(f)), JSON.stringify(bad));
});
