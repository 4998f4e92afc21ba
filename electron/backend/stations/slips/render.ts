import { a4Document } from '../../certificates/a4-document';
import type { SlipLayout } from './layout';

const MM = 72 / 25.4;

/** One A4 page, portrait: the title, the figures in two columns, the box table, the decision, the signature lines. */
export async function slipPdf(s: SlipLayout): Promise<Buffer> {
  const { doc, finish } = await a4Document({ title: s.title, marginMm: 18 });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 62 * MM;

  doc.fontSize(16).text(s.title, left, doc.y, { width, align: 'center' });
  doc.y += 6 * MM;
  for (const [label, value] of s.fields) {
    const y = doc.y;
    doc.fontSize(10).fillColor('#444444').text(label, left, y, { width: labelWidth - 3 * MM });
    const afterLabel = doc.y;
    doc.fontSize(12).fillColor('black').text(value, left + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(afterLabel, doc.y) + 2.5 * MM;
    doc.moveTo(left, doc.y - 1.2 * MM).lineTo(left + width, doc.y - 1.2 * MM).lineWidth(0.3).stroke();
  }
  if (s.table) {
    doc.y += 3 * MM;
    doc.fontSize(12).fillColor('black').text(s.table.title, left, doc.y, { width });
    doc.y += 1.5 * MM;
    const col = width / s.table.header.length;
    for (const [i, row] of [s.table.header, ...s.table.rows].entries()) {
      const y = doc.y;
      if (i === 0) doc.save().rect(left, y, width, 7 * MM).fill('#eeeeee').restore();
      row.forEach((cell, k) => doc.fontSize(11).fillColor('black').text(cell, left + k * col + 2 * MM, y + 1.5 * MM, { width: col - 4 * MM, lineBreak: false }));
      doc.moveTo(left, y + 7 * MM).lineTo(left + width, y + 7 * MM).lineWidth(0.3).stroke();
      doc.x = left;
      doc.y = y + 7 * MM;
    }
  }
  if (s.decision) {
    doc.y += 6 * MM;
    doc.fontSize(11).fillColor('black').text(s.decision, left, doc.y, { width });
    doc.y += 4 * MM;
    doc.fontSize(11).text('决定 / decision: ______________________________________________', left, doc.y, { width });
  }
  const y = Math.max(doc.y + 14 * MM, doc.page.height - doc.page.margins.bottom - 30 * MM);
  s.signatures.forEach((label, i) => {
    const x = left + (i * width) / s.signatures.length;
    const w = width / s.signatures.length - 4 * MM;
    doc.fontSize(9).fillColor('black').text(label, x, y, { width: w, lineBreak: false });
    doc.moveTo(x, y + 14 * MM).lineTo(x + w, y + 14 * MM).lineWidth(0.5).stroke();
    doc.fontSize(8).text('签名 / signature   日期 / date', x, y + 15.5 * MM, { width: w, lineBreak: false });
  });
  return finish();
}
