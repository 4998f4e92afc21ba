import { useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { printPage } from '../../api/shell';
import { CertificateCard } from './CertificateCard';
import { CertificateBatchChooser } from './CertificateBatchChooser';
import { CertificateReprint } from './CertificateReprint';
import type { Overview } from './overview';
import { ErrorNote, OkNote, useAction, useLoad } from '../../ui';
import { ALL_VOTERS, batchOf, sheetsFor, type BatchDraft } from './certificate-batch';
import { useCertificatePdf } from './useCertificatePdf';
import { loadBatchPreview, type VoterCard } from './voter-cards';

const CARDS_PER_SHEET = 10;
/** The most cards drawn on screen (and so printed from the page); larger batches are printed from the PDF file. */
const PREVIEW_CARDS = 100;

/**
 * How many of the preview's sheets to draw: one more after each frame, so drawing the barcodes and QR codes of a
 * hundred cards never holds the page for long.
 */
function useSheetsOneAtATime(preview: unknown, total: number): number {
  const [drawn, setDrawn] = useState(0);
  useEffect(() => {
    setDrawn(Math.min(1, total));
  }, [preview, total]);
  useEffect(() => {
    if (drawn >= total) return;
    const id = requestAnimationFrame(() => setTimeout(() => setDrawn((n) => Math.min(n + 1, total)), 0));
    return () => cancelAnimationFrame(id);
  }, [drawn, total]);
  return drawn;
}

/**
 * Voter certificates on A4 sheets (2 × 5 cards), in batches: the whole roll, a residents' group, a venue, a mobile
 * box or a number range. Any batch is drawn into a PDF file by the backend (progress, cancel); up to PREVIEW_CARDS
 * are also shown here and may be printed from the page. One voter's certificate is reprinted from a search.
 */
export function CertificatesTab({ overview }: { overview: Overview }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall();
  const e = overview.election!;
  const choices = useLoad(() => api.call('certificateBatches', {}), [api]);
  const [draft, setDraft] = useState<BatchDraft>(ALL_VOTERS);
  const batch = batchOf(draft);
  const [preview, setPreview] = useState<{ total: number; cards: VoterCard[] } | null>(null);
  const [size, setSize] = useState<number | null>(null);
  const load = useAction();
  const pdf = useCertificatePdf();
  const job = pdf.job;

  // The batch's size as soon as it is chosen (the preview itself is drawn on request).
  const batchKey = JSON.stringify(batch);
  useEffect(() => {
    setPreview(null);
    setSize(null);
    if (!batch) return;
    let live = true;
    api.call('certificateCards', { batch, offset: 0, limit: 1 }).then(
      (p) => live && setSize(p.total),
      () => {},
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, batchKey]);

  const loadPreview = async () => {
    if (!batch) return;
    setPreview(null);
    const loaded = await load.run(() => loadBatchPreview(api, batch, PREVIEW_CARDS));
    if (loaded) setPreview(loaded);
  };

  const showCard = (card: VoterCard) => {
    setPreview({ total: 1, cards: [card] });
    // Print once the card is drawn (its QR code is an image made a moment later).
    setTimeout(() => void printPage(), 300);
  };

  const shown = preview?.cards ?? [];
  const sheets: VoterCard[][] = [];
  for (let i = 0; i < shown.length; i += CARDS_PER_SHEET) sheets.push(shown.slice(i, i + CARDS_PER_SHEET));
  const drawn = useSheetsOneAtATime(preview, sheets.length);
  const whole = preview !== null && shown.length === preview.total && drawn === sheets.length;

  return (
    <div data-testid="setup-certificates">
      <section className="ui-card ui-no-print">
        <h2>{t('setup.cert.title')}</h2>
        <p className="ui-muted">{t('setup.cert.hint')}</p>
        <CertificateBatchChooser choices={choices.data} draft={draft} onChange={setDraft} />
        {(choices.data?.excused ?? 0) > 0 && (
          <p className="ui-text-warn" data-testid="cert-excused">{t('setup.cert.excused', { n: choices.data!.excused })}</p>
        )}
        {size !== null && (
          <p data-testid="cert-batch-size">{t('setup.cert.batchSize', { n: size, sheets: sheetsFor(size) })}</p>
        )}
        <div className="ui-actions">
          <button type="button" onClick={() => void loadPreview()} disabled={load.busy || !batch} data-testid="cert-load">
            {t('setup.cert.load')}
          </button>
          <button type="button" onClick={() => void printPage()} disabled={shown.length === 0 || !whole} data-testid="cert-print">
            {t('setup.cert.print', { n: shown.length, sheets: sheets.length })}
          </button>
          <button
            type="button"
            className="ui-primary"
            onClick={() => batch && void pdf.start(batch)}
            disabled={!batch || job?.state === 'running' || pdf.action.busy}
            data-testid="cert-pdf"
            {...may('startCertificatePrint')}
          >
            {t('setup.cert.pdf')}
          </button>
          {job?.state === 'running' && (
            <button type="button" onClick={() => void pdf.cancel()} data-testid="cert-pdf-cancel" {...may('cancelCertificatePrint')}>
              {t('setup.cert.cancel')}
            </button>
          )}
        </div>
        <p className="ui-muted">{t('setup.cert.pdfHint')}</p>
        {job?.state === 'running' && (
          <p className="setup-progress" role="status" data-testid="cert-pdf-progress">
            <progress value={job.done} max={Math.max(job.total, 1)} /> {t('setup.cert.pdfProgress', { done: job.done, total: job.total })}
          </p>
        )}
        <OkNote testId="cert-pdf-done">{job?.state === 'done' && t('setup.cert.pdfDone', { n: job.total, sheets: job.sheets, path: job.path })}</OkNote>
        {job?.state === 'cancelled' && <p role="status" data-testid="cert-pdf-cancelled">{t('setup.cert.pdfCancelled')}</p>}
        <ErrorNote error={job?.state === 'failed' && t('setup.cert.pdfFailed', { error: job.error ?? '' })} />
        <ErrorNote error={pdf.action.error} />
        {preview && !whole && (
          <p className="ui-text-warn" role="status" data-testid="cert-preview-only">
            {t('setup.cert.previewOnly', { shown: shown.length, n: preview.total, max: PREVIEW_CARDS })}
          </p>
        )}
        <ErrorNote error={load.error} />
      </section>
      <CertificateReprint onReprint={showCard} />
      {sheets.length > 0 && (
        <div data-testid="cert-sheets">
          {sheets.slice(0, drawn).map((sheet, i) => (
            <div key={i} className="setup-cert-sheet">
              {sheet.map((c) => (
                <CertificateCard key={c.certificate} card={c} title={e.title} drill={e.drill} />
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
