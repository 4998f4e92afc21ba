import type PDFDocument from 'pdfkit';
import type { CertificateCardView } from '../../../shared/api/certificates';
import { formatCertificateNumber } from '../../../shared/domain/certificate';
import { barcodeRuns, qrRuns, type Run } from './codes';

/**
 * One A4 sheet of certificates drawn into a PDF: 2 × 5 cards of 92 × 53 mm, laid out like the screen's sheet
 * (renderer/pages/setup/setup.css, .setup-cert-sheet) with the same texts, barcode and QR code.
 */

export const CARDS_PER_SHEET = 10;

/** Fonts registered in the document under these names (print-job.ts). */
export const FONT_REGULAR = 'cert-regular';
export const FONT_BOLD = 'cert-bold';

export interface CardLabels {
  heading: string;
  /** "Votes at: {venue}" with the venue filled in. */
  where: (venue: string) => string;
  /** Household election: "Household {number}" and the line naming its members. */
  household: (number: string) => string;
  members: (names: readonly string[]) => string;
  /** The drill badge, or null for a real election. */
  drill: string | null;
  title: string;
}

const mm = (v: number): number => (v * 72) / 25.4;

const CARD = { w: 92, h: 53, gapX: 6, gapY: 3, padX: 3.5, padY: 2.5 };
const LEFT = (210 - (2 * CARD.w + CARD.gapX)) / 2;
const TOP = (297 - (5 * CARD.h + 4 * CARD.gapY)) / 2;
const QR_SIDE = 17;
const BARCODE = { w: 60, h: 8 };

function fillRuns(doc: PDFDocument, runs: Run[], x: number, y: number, moduleW: number, moduleH: number): void {
  for (const r of runs) doc.rect(x + r.start * moduleW, y + r.row * moduleH, r.length * moduleW, moduleH);
  doc.fill('#000');
}

function line(doc: PDFDocument, font: string, sizeMm: number, value: string, x: number, y: number, widthMm: number): void {
  doc.font(font).fontSize(mm(sizeMm)).text(value, x, y, { width: mm(widthMm), height: mm(sizeMm * 1.4), ellipsis: true, lineBreak: false });
}

function drawCard(doc: PDFDocument, card: CertificateCardView, labels: CardLabels, x0: number, y0: number): void {
  doc.save().lineWidth(mm(0.4)).dash(mm(1.2), { space: mm(0.8) }).roundedRect(x0, y0, mm(CARD.w), mm(CARD.h), mm(2)).stroke('#444').restore();
  const x = x0 + mm(CARD.padX);
  const inner = CARD.w - 2 * CARD.padX;
  let y = y0 + mm(CARD.padY);
  let headX = x;
  if (labels.drill) {
    doc.font(FONT_BOLD).fontSize(mm(4.2));
    const w = doc.widthOfString(labels.drill) + mm(2);
    doc.save().lineWidth(mm(0.4)).rect(headX, y + mm(0.3), w, mm(5.4)).fillAndStroke('#ffd400', '#000').restore();
    doc.fillColor('#000').text(labels.drill, headX + mm(1), y, { lineBreak: false });
    headX += w + mm(2);
  }
  doc.fillColor('#000');
  line(doc, FONT_BOLD, 4.2, labels.heading, headX, y, inner - (headX - x) / mm(1));
  y += mm(6);
  doc.fillColor('#333');
  line(doc, FONT_REGULAR, 2.6, labels.title, x, y, inner);
  doc.fillColor('#000');
  y += mm(4);
  const textW = inner - QR_SIDE - 4;
  if (card.household) {
    line(doc, FONT_BOLD, 6, labels.household(card.household.number), x, y, textW);
    doc.font(FONT_REGULAR).fontSize(mm(2.6)).text(`${labels.members(card.household.members)}  ${card.group}`, x, y + mm(7.5), {
      width: mm(textW), height: mm(2.6 * 1.4 * 2), ellipsis: true,
    });
  } else {
    line(doc, FONT_BOLD, 6, card.name, x, y, textW);
    line(doc, FONT_REGULAR, 3.2, card.group, x, y + mm(8), textW);
  }
  line(doc, FONT_REGULAR, 2.6, labels.where(card.assignment.name), x, y + mm(13), textW);
  const qr = qrRuns(card.certificate);
  const qrModule = mm(QR_SIDE) / qr.size;
  fillRuns(doc, qr.runs, x + mm(inner - QR_SIDE), y, qrModule, qrModule);
  const bars = barcodeRuns(card.certificate);
  const barY = y0 + mm(CARD.h - CARD.padY - 5.5 - BARCODE.h);
  fillRuns(doc, bars.runs, x, barY, mm(BARCODE.w) / bars.modules, mm(BARCODE.h));
  doc.font(FONT_BOLD).fontSize(mm(3.6)).text(formatCertificateNumber(card.certificate), x, barY + mm(BARCODE.h + 0.6), {
    lineBreak: false,
    characterSpacing: mm(0.4),
  });
}

/** A new A4 page with up to ten cards, in reading order (left to right, top to bottom). */
export function drawSheet(doc: PDFDocument, cards: readonly CertificateCardView[], labels: CardLabels): void {
  doc.addPage({ size: 'A4', margin: 0 });
  cards.slice(0, CARDS_PER_SHEET).forEach((card, i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    drawCard(doc, card, labels, mm(LEFT + col * (CARD.w + CARD.gapX)), mm(TOP + row * (CARD.h + CARD.gapY)));
  });
}
