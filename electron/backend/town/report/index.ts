import { writeFileDurably, type WrittenFile } from '../../files/durable-write';
import type { TownContext } from '../context';
import { townBoard, townStructure } from '../office';
import { reportCsv, reportPdf, reportXlsx, type ReportFormat } from './render';
import { boardReport, structureTables, type TownReport } from './tables';

export { REPORT_FORMATS, type ReportFormat } from './render';

export interface TownReportOptions {
  format: ReportFormat;
  /** The structure report (一肩挑, 交叉任职, make-up) instead of the status board. */
  structure?: boolean;
}

export interface RenderedReport {
  kind: TownReport['kind'];
  format: ReportFormat;
  bytes: Buffer;
  /** The files it was made from: community, body, payload hash. */
  sources: TownReport['sources'];
}

/** The status board or the structure report as of now, drawn as PDF, XLSX or CSV. */
export async function renderTownReport(ctx: TownContext, opts: TownReportOptions): Promise<RenderedReport> {
  const made = ctx.now().toISOString();
  const report = opts.structure === true ? structureTables(ctx.office.name, made, townStructure(ctx)) : boardReport(ctx.office.name, made, townBoard(ctx));
  const bytes = opts.format === 'pdf' ? await reportPdf(report) : opts.format === 'xlsx' ? await reportXlsx(report) : reportCsv(report);
  return { kind: report.kind, format: opts.format, bytes, sources: report.sources };
}

/** Renders a report and writes it durably to `out` (replacing a file there). */
export async function writeTownReport(ctx: TownContext, opts: TownReportOptions & { out: string }): Promise<WrittenFile & Omit<RenderedReport, 'bytes'>> {
  const { bytes, ...about } = await renderTownReport(ctx, opts);
  return { ...writeFileDurably(opts.out, bytes), ...about };
}
