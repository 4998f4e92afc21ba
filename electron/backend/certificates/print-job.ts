import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { CertificateBatch, CertificatePrintView } from '../../../shared/api/certificates';
import { ApiError } from '../../../shared/api/envelope';
import { translator, type Lang } from '../../../shared/i18n';
import { appendAudit } from '../audit';
import { bilingual, notFound, refused, type BackendContext, says } from '../context';
import { inTransaction, type Db } from '../db';
import { fsyncDir, PARTIAL_SUFFIX } from '../files/durable-write';
import { removeLeftoversOfDeadProcesses } from '../files/leftovers';
import { exportFolder } from '../services/export-folder';
import { batchVoterIds, cardsOfVoters } from './batches';
import { findCertificateFonts, readFontFile, type CertificateFonts } from './font';
import { CARDS_PER_SHEET, drawSheet, FONT_BOLD, FONT_REGULAR, type CardLabels } from './sheet';

/**
 * A batch of certificates drawn into a PDF in the export folder, one sheet at a time: the voters' cards are read
 * per sheet, the page goes out to the file as soon as it is drawn, and the event loop gets a turn after each sheet,
 * so memory stays bounded and the other windows keep being answered. The file is written as a temp file beside its
 * name (`….pdf.<pid>.<nonce>.partial`), synced and renamed when complete; a cancel or a failure removes it.
 */

interface Job {
  view: CertificatePrintView;
  cancelled: boolean;
}

/** Jobs of each open database, newest last; ended ones beyond KEEP are forgotten. */
const jobsOf = new WeakMap<Db, Map<string, Job>>();
const KEEP = 20;
/** The pages waiting for the disk before drawing pauses. */
const MAX_UNWRITTEN_BYTES = 8 * 1024 * 1024;
const PARTIAL_PATTERN = /\.pdf\.(\d+)\.[0-9a-f]{12}\.partial$/;

function jobsFor(db: Db): Map<string, Job> {
  let jobs = jobsOf.get(db);
  if (!jobs) {
    jobs = new Map();
    jobsOf.set(db, jobs);
  }
  return jobs;
}

function forgetOldJobs(jobs: Map<string, Job>): void {
  for (const [id, job] of jobs) {
    if (jobs.size <= KEEP) return;
    if (job.view.state !== 'running') jobs.delete(id);
  }
}

const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\p{Cc}\s]+/gu;

/** The file's name: what the batch is and when it was made, e.g. 选民证-第一居民小组-20261125-0930.pdf. */
export function certificateFileName(batch: CertificateBatch, at: Date): string {
  const what =
    batch.kind === 'all' ? '全部'
    : batch.kind === 'group' ? batch.group
    : batch.kind === 'venue' ? batch.venue
    : batch.kind === 'mobile-box' ? batch.box
    : batch.kind === 'household' ? `户${batch.household}`
    : `${batch.from}-${batch.to}`;
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  return `选民证-${what.replace(UNSAFE_IN_FILE_NAME, '_').slice(0, 60)}-${stamp}.pdf`;
}

function freePath(folder: string, name: string): string {
  let path = join(folder, name);
  for (let n = 2; existsSync(path); n++) path = join(folder, name.replace(/\.pdf$/, `-${n}.pdf`));
  return path;
}

function labelsFor(db: Db, lang: Lang): CardLabels {
  const t = translator(lang);
  const e = db.prepare('SELECT title, drill FROM election WHERE id = 1').get() as { title: string; drill: number } | undefined;
  return {
    heading: t('setup.cert.heading'),
    where: (venue) => t('setup.cert.where', { venue }),
    household: (number) => t('setup.cert.household', { number }),
    members: (names) => t('setup.cert.members', { names: names.join(lang === 'zh-CN' ? '、' : ', ') }),
    drill: e?.drill === 1 ? t('drill.badge') : null,
    title: e?.title ?? '',
  };
}

/** Checks the batch, the font and the folder, then starts drawing in the background and answers at once. */
export function startCertificatePrint(ctx: BackendContext, batch: CertificateBatch, lang: Lang): CertificatePrintView {
  const jobs = jobsFor(ctx.db);
  const running = [...jobs.values()].find((j) => j.view.state === 'running');
  if (running) {
    throw new ApiError('conflict', bilingual(`另一批选民证正在生成（${basename(running.view.path)}），请等它完成或取消`, `another batch is being drawn (${basename(running.view.path)}); wait for it or cancel it`), {
      details: { reason: 'running', job: running.view.job },
    });
  }
  const ids = batchVoterIds(ctx.db, batch);
  if (ids.length === 0) throw refused(says('error.certificates.voterBatchThereNothing'));
  const fonts = findCertificateFonts();
  const { folder, isDefault } = exportFolder(ctx);
  if (isDefault) mkdirSync(folder, { recursive: true });
  removeLeftoversOfDeadProcesses(folder, PARTIAL_PATTERN);
  const path = freePath(folder, certificateFileName(batch, ctx.now()));
  const job: Job = {
    cancelled: false,
    view: {
      job: randomBytes(8).toString('hex'),
      state: 'running',
      done: 0,
      total: ids.length,
      sheets: Math.ceil(ids.length / CARDS_PER_SHEET),
      path,
      bytes: null,
      sha256: null,
      error: null,
    },
  };
  jobs.set(job.view.job, job);
  forgetOldJobs(jobs);
  void drawBatch(job, { ctx, actor: ctx.actor, batch, ids, fonts, labels: labelsFor(ctx.db, lang) });
  return { ...job.view };
}

interface JobContext {
  ctx: BackendContext;
  actor: string | null;
  batch: CertificateBatch;
  ids: number[];
  fonts: CertificateFonts;
  labels: CardLabels;
}

/** A document with the fonts registered (read without blocking; parsing them takes a moment the first time). */
async function newDocument(fonts: CertificateFonts, title: string): Promise<PDFDocument> {
  const regular = await readFontFile(fonts.regular.file);
  const bold = fonts.bold.file === fonts.regular.file ? regular : await readFontFile(fonts.bold.file);
  const doc = new PDFDocument({ autoFirstPage: false, font: null, compress: true, info: { Title: title, Creator: 'community-election-station' } });
  try {
    doc.registerFont(FONT_REGULAR, regular, fonts.regular.face ?? undefined);
    doc.registerFont(FONT_BOLD, bold, fonts.bold.face ?? undefined);
    doc.font(FONT_BOLD).font(FONT_REGULAR);
  } catch (e) {
    throw refused(says('error.certificates.fontUsed', { file: fonts.regular.file, message: (e as Error).message }));
  }
  return doc;
}

async function drawBatch(job: Job, c: JobContext): Promise<void> {
  const path = job.view.path;
  const partial = `${path}.${process.pid}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`;
  let fd: number | null = null;
  let out: ReturnType<typeof createWriteStream> | null = null;
  try {
    try {
      fd = openSync(partial, 'wx', 0o644);
    } catch (e) {
      throw refused(`无法在 ${dirname(path)} 中写入文件`, `cannot write a file in ${dirname(path)}: ${(e as Error).message}`);
    }
    const doc = await newDocument(c.fonts, basename(path));
    out = createWriteStream('', { fd, autoClose: false });
    const hash = createHash('sha256');
    let bytes = 0;
    let writeError: Error | null = null;
    out.on('error', (e) => {
      writeError = e;
    });
    doc.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    doc.pipe(out);
    for (let i = 0; i < c.ids.length; i += CARDS_PER_SHEET) {
      if (job.cancelled) break;
      if (writeError) throw writeError;
      drawSheet(doc, cardsOfVoters(c.ctx.db, c.ids.slice(i, i + CARDS_PER_SHEET)), c.labels);
      job.view.done = Math.min(i + CARDS_PER_SHEET, c.ids.length);
      while (out.writableLength > MAX_UNWRITTEN_BYTES && !writeError) await once(out, 'drain');
      await new Promise((r) => setImmediate(r));
    }
    if (job.cancelled) {
      doc.unpipe(out);
      return;
    }
    const finished = once(out, 'finish');
    doc.end();
    await finished;
    if (writeError) throw writeError;
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(partial, path);
    fsyncDir(dirname(path));
    const sha256 = hash.digest('hex');
    inTransaction(c.ctx.db, () =>
      appendAudit(c.ctx.db, {
        type: 'certificates.printed',
        at: c.ctx.now(),
        actor: c.actor,
        subject: 'certificates',
        detail: { batch: c.batch, certificates: c.ids.length, sheets: job.view.sheets, file: basename(path), bytes, sha256 },
      }),
    );
    Object.assign(job.view, { state: 'done', bytes, sha256 });
  } catch (e) {
    job.view.state = 'failed';
    job.view.error = e instanceof ApiError ? e.message : bilingual('生成选民证 PDF 时出错', `drawing the certificates failed: ${(e as Error).message}`);
  } finally {
    if (job.view.state !== 'done') {
      // The stream closes the file itself once its writes under way are done; the temp file goes after.
      if (out && fd !== null) {
        const closed = out.closed ? Promise.resolve() : once(out, 'close').then(() => undefined, () => undefined);
        out.destroy();
        await closed;
      } else if (fd !== null) closeSync(fd);
      rmSync(partial, { force: true });
    }
  }
}

export function certificatePrintView(db: Db, id: string): CertificatePrintView {
  const job = jobsFor(db).get(id);
  if (!job) throw notFound(says('error.certificates.printJobJobsKept', { id }));
  return { ...job.view };
}

export function cancelCertificatePrint(db: Db, id: string): CertificatePrintView {
  const job = jobsFor(db).get(id);
  if (!job) throw notFound(says('error.certificates.printJob', { id }));
  if (job.view.state === 'running') {
    job.cancelled = true;
    job.view.state = 'cancelled';
  }
  return { ...job.view };
}
