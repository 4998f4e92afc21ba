// The part of PDFKit (which ships no types) the certificate printer and the town reports use.
declare module 'pdfkit' {
  import type { Readable } from 'node:stream';

  interface TextOptions {
    lineBreak?: boolean;
    width?: number;
    height?: number;
    ellipsis?: boolean | string;
    characterSpacing?: number;
    align?: 'left' | 'center' | 'right';
  }

  interface DocumentOptions {
    size?: string | [number, number];
    layout?: 'portrait' | 'landscape';
    margin?: number;
    autoFirstPage?: boolean;
    /** The default font; null loads none (no standard font files are needed). */
    font?: string | null;
    compress?: boolean;
    info?: Record<string, string | Date>;
  }

  class PDFDocument extends Readable {
    constructor(options?: DocumentOptions);
    registerFont(name: string, src: Uint8Array, family?: string): this;
    addPage(options?: DocumentOptions): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    /** The page being drawn: its size and margins, in points. */
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
    /** The text cursor. */
    x: number;
    y: number;
    heightOfString(text: string, options?: TextOptions): number;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    widthOfString(text: string, options?: TextOptions): number;
    save(): this;
    restore(): this;
    lineWidth(w: number): this;
    dash(length: number, options?: { space?: number }): this;
    roundedRect(x: number, y: number, w: number, h: number, r: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    stroke(color?: string): this;
    fill(color?: string): this;
    fillColor(color: string): this;
    fillAndStroke(fill: string, stroke: string): this;
    end(): void;
  }
  export default PDFDocument;
}
