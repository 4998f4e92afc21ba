import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';

/**
 * The two codes on a certificate, as runs of dark modules to draw as rectangles: the CODE128 barcode and the QR code
 * of the certificate number. Built by the same libraries and options as the screen's card (CertificateCard.tsx), so
 * the desk scanners read the same value from either.
 */

/** A run of dark modules: from `start`, `length` modules long (in a QR code, on row `row`). */
export interface Run {
  row: number;
  start: number;
  length: number;
}

/** Dark runs of a row of modules given as a predicate. */
function runsOf(width: number, row: number, dark: (i: number) => boolean): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < width) {
    if (!dark(i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < width && dark(i)) i++;
    runs.push({ row, start, length: i - start });
  }
  return runs;
}

/** The CODE128 bars: the modules' count and the dark runs (one row). */
export function barcodeRuns(certificate: string): { modules: number; runs: Run[] } {
  const target: { encodings?: { data: string }[] } = {};
  JsBarcode(target, certificate, { format: 'CODE128' });
  const bits = (target.encodings ?? []).map((e) => e.data).join('');
  return { modules: bits.length, runs: runsOf(bits.length, 0, (i) => bits[i] === '1') };
}

/** The QR code (error correction M, as on the screen): its size in modules and the dark runs of every row. */
export function qrRuns(certificate: string): { size: number; runs: Run[] } {
  const { size, data } = QRCode.create(certificate, { errorCorrectionLevel: 'M' }).modules;
  const runs: Run[] = [];
  for (let row = 0; row < size; row++) runs.push(...runsOf(size, row, (i) => data[row * size + i]! > 0));
  return { size, runs };
}
