import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSheetQr, sheetQrText } from '../../../shared/domain/sheet-qr';

const fp = 'ab'.repeat(32);
const result = 'cd'.repeat(32);
const head = 'ef'.repeat(32);

test('the tally sheet QR text reads back as written, signed or not yet signed, whatever case the scanner typed', () => {
  const signed = { fingerprint: fp, round: 2, resultHash: result, signedHead: { count: 663, hash: head } };
  const text = sheetQrText(signed);
  assert.match(text, /^[\x20-\x7e]+$/, 'ASCII only: scanners type it as keystrokes');
  assert.deepEqual(parseSheetQr(text), { ok: true, qr: signed });
  assert.deepEqual(parseSheetQr(` ${text.toUpperCase()}\n`), { ok: true, qr: signed });
  const unsigned = { ...signed, signedHead: null };
  assert.deepEqual(parseSheetQr(sheetQrText(unsigned)), { ok: true, qr: unsigned });
});

test('a QR text that is not a tally sheet\'s, or a field that is wrong, is refused saying which', () => {
  const good = sheetQrText({ fingerprint: fp, round: 1, resultHash: result, signedHead: null });
  const cases: Array<[string, RegExp]> = [
    ['00000013', /not a tally sheet QR code/],
    [good.replace(`FP=${fp}`, `FP=${fp.slice(0, 32)}`), /FP must be/],
    [good.replace(`RESULT=${result}`, 'RESULT=xyz'), /RESULT must be/],
    [good.replace('ROUND=1', 'ROUND=0'), /ROUND must be/],
    [good.replace('HEAD=-', 'HEAD=12'), /HEAD must be/],
    [`${good};EXTRA=1`, /unknown field\(s\) extra/],
    [`${good};junk`, /is not KEY=VALUE/],
  ];
  for (const [text, problem] of cases) {
    const r = parseSheetQr(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.problem, problem, text);
  }
});
