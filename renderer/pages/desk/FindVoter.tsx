import { useT } from '../../app/i18n';
import { VoterSearch, type ListedVoter } from '../../widgets/VoterSearch';

/**
 * A voter who came without their certificate: found by name or ID number with the one voter search; choosing them
 * puts their certificate number in the desk's field (issuing still takes Enter there, after the ID card is checked).
 */
export function FindVoter({ onFound, onClose }: { onFound(voter: ListedVoter): void; onClose(): void }) {
  const t = useT();
  return (
    <section className="ui-card desk-find" role="dialog" aria-label={t('deskfind.title')} data-testid="desk-find-panel">
      <div className="ui-spread">
        <h3>{t('deskfind.title')}</h3>
        <button type="button" onClick={onClose}>
          {t('deskfind.close')}
        </button>
      </div>
      <p className="ui-muted">{t('deskfind.hint')}</p>
      <VoterSearch rows={6} onChoose={onFound} autoFocus testId="desk-find-search" />
    </section>
  );
}
