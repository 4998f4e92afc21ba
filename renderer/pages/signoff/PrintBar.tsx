import { useState } from 'react';
import { useT } from '../../app/i18n';
import { ErrorNote, OkNote, useAction } from '../../ui';
import { hasShell, printPage, requireShell } from '../../api/shell';
import type { TallySheetData } from './TallySheet';

export function sheetFileName(sheet: TallySheetData): string {
  return `选举结果报告单-第${sheet.round.number}轮${sheet.election.drill ? '-演练' : ''}.pdf`;
}

/** Print the page's paper, or save it as a PDF (Electron: printToPDF to a file; browser: the print dialog's PDF). */
export function PrintBar({ fileName, title, explain }: { fileName: string; title?: string; explain?: string }) {
  const t = useT();
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const electron = hasShell();
  const savePdf = async () => {
    if (!electron) {
      window.print();
      return;
    }
    const r = await action.run(() =>
      requireShell().call('shell:printToPDF', {
        to: { dialog: { title: t('signoff.print.pdf'), defaultName: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] } },
      }),
    );
    if (r && !r.canceled) setSaved(t('signoff.print.saved', { path: r.path }));
  };
  return (
    <section className="ui-card" data-testid="print-bar">
      <h3>{title ?? t('signoff.print.title')}</h3>
      <p className="ui-muted">{explain ?? t('signoff.print.explain')}</p>
      <div className="ui-row">
        <button type="button" className="ui-primary" onClick={() => void action.run(printPage)} data-testid="print">
          {t('signoff.print.print')} <kbd>Ctrl+P</kbd>
        </button>
        <button type="button" onClick={() => void savePdf()} data-testid="save-pdf">
          {t('signoff.print.pdf')}
        </button>
      </div>
      {!electron && <p className="ui-muted">{t('signoff.print.browserPdf')}</p>}
      <ErrorNote error={action.error} testId="print-error" />
      <OkNote testId="print-ok">{saved}</OkNote>
    </section>
  );
}
