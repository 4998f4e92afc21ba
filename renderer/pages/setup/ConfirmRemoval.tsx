import { useT } from '../../app/i18n';

/** The second step of a removal: what will be removed, "Yes, remove" (focused, so Enter confirms) and "Cancel". */
export function ConfirmRemoval({ question, busy, onYes, onCancel }: { question: string; busy: boolean; onYes(): void; onCancel(): void }) {
  const t = useT();
  return (
    <div className="ui-row" role="alertdialog" aria-label={question}>
      <span className="ui-text-warn">{question}</span>
      <button type="button" disabled={busy} onClick={onYes} autoFocus>
        {t('edits.confirmYes')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('edits.cancel')}
      </button>
    </div>
  );
}
