import assert from 'node:assert/strict';
import { test } from 'node:test';
import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';
import { barcodeRuns, qrRuns, type Run } from '../../../electron/backend/certificates/codes';
import { findCertificateFonts } from '../../../electron/backend/certificates/font';
import { certificateFileName } from '../../../electron/backend/certificates/print-job';
import { makeCertificateNumber } from '../../../shared/domain/certificate';

/** The runs drawn as rectangles give back exactly the modules the libraries make (the same the screen draws). */
function expand(width: number, rows: number, runs: Run[]): string[] {
  const lines = Array.from({ length: rows }, () => Array.from({ length: width }, () => '0'));
  for (const r of runs) for (let i = 0; i < r.length; i++) lines[r.row]![r.start + i] = '1';
  return lines.map((l) => l.join(''));
}

test('the barcode runs are the CODE128 modules of the certificate number', () => {
  for (const serial of [0, 13, 4711, 99999]) {
    const certificate = makeCertificateNumber(serial);
    const target: { encodings?: { data: string }[] } = {};
    JsBarcode(target, certificate, { format: 'CODE128' });
    const bits = target.encodings!.map((e) => e.data).join('');
    const { modules, runs } = barcodeRuns(certificate);
    assert.equal(modules, bits.length);
    assert.deepEqual(expand(modules, 1, runs), [bits]);
    assert.ok(runs.every((r) => r.length > 0));
  }
});

test('the QR runs are the modules of the QR code of the number (level M, as on the screen)', () => {
  const certificate = makeCertificateNumber(37);
  const { size, data } = QRCode.create(certificate, { errorCorrectionLevel: 'M' }).modules;
  const expected = Array.from({ length: size }, (_, row) => Array.from(data.subarray(row * size, row * size + size), (b) => (b ? '1' : '0')).join(''));
  const qr = qrRuns(certificate);
  assert.equal(qr.size, size);
  assert.deepEqual(expand(size, size, qr.runs), expected);
});

test('file names say the batch and the time, with nothing a file system refuses', () => {
  const at = new Date(2026, 4, 16, 9, 5, 7);
  assert.equal(certificateFileName({ kind: 'all' }, at), '选民证-全部-20260516-090507.pdf');
  assert.equal(certificateFileName({ kind: 'group', group: '第一/二 小组:*?' }, at), '选民证-第一_二_小组_-20260516-090507.pdf');
  assert.equal(certificateFileName({ kind: 'range', from: '00000013', to: '00000101' }, at), '选民证-00000013-00000101-20260516-090507.pdf');
  assert.equal(certificateFileName({ kind: 'mobile-box', box: 'M1' }, at), '选民证-M1-20260516-090507.pdf');
});

test('the font: the first system font present (bold beside it when there), or a refusal saying where it looked', () => {
  const candidates = [
    { regular: { file: '/a/Regular.ttc', face: 'A-Regular' }, bold: { file: '/a/Bold.ttc', face: 'A-Bold' } },
    { regular: { file: '/b/font.ttf', face: null } },
  ];
  const present = (files: string[]) => (f: string) => files.includes(f);
  assert.deepEqual(findCertificateFonts({}, candidates, present(['/b/font.ttf', '/a/Regular.ttc'])), {
    regular: candidates[0]!.regular,
    bold: candidates[0]!.regular,
  });
  assert.deepEqual(findCertificateFonts({}, candidates, present(['/b/font.ttf'])).regular, candidates[1]!.regular);
  assert.deepEqual(findCertificateFonts({ STATION_CERT_FONT: '/c/x.ttc#X-Face' }, candidates, present(['/c/x.ttc'])).regular, { file: '/c/x.ttc', face: 'X-Face' });
  assert.throws(
    () => findCertificateFonts({}, candidates, present([])),
    (e: Error) => /找不到中文字体.*STATION_CERT_FONT.*\/a\/Regular\.ttc, \/b\/font\.ttf/.test(e.message),
  );
});
