import PDFDocument from 'pdfkit';
import { findCertificateFonts, readFontFile } from './font';

/**
 * An A4 document in the system's CJK font (the one the certificates use), collecting its bytes: draw on `doc`, then
 * `finish()` ends it and gives the PDF. The town reports and the station slips are made this way.
 */
export async function a4Document(opts: { title: string; marginMm: number; landscape?: boolean }): Promise<{ doc: PDFDocument; finish(): Promise<Buffer> }> {
  const fonts = findCertificateFonts();
  const margin = (opts.marginMm * 72) / 25.4;
  const doc = new PDFDocument({ size: 'A4', ...(opts.landscape ? { layout: 'landscape' as const } : {}), margin, font: null, info: { Title: opts.title, Creator: 'community-election-station' } });
  doc.registerFont('a4-text', await readFontFile(fonts.regular.file), fonts.regular.face ?? undefined);
  doc.font('a4-text');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  return {
    doc,
    finish: async () => {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
