import { useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, useAction } from '../../ui';
import { useMayCall } from '../../app/session/may-call';

/** Opening and closing the poll of a round, each confirmed with a second key press. */
export function VotingStatus({ round, onChanged }: { round: { number: number; status: string }; onChanged(): void }) {
  const may = useMayCall();
  const api = useApi();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const action = useAction();
  const target = round.status === 'prepared' ? 'voting' : round.status === 'voting' ? 'closed' : null;

  const ask = () => {
    setConfirming(true);
    setTimeout(() => confirmRef.current?.focus(), 0);
  };
  const confirm = async () => {
    if (!target) return;
    setConfirming(false);
    if (await action.run(() => api.call('setVotingStatus', { round: round.number, status: target }))) onChanged();
  };

  return (
    <section className={`ui-card boxes-status boxes-status-${round.status}`} data-testid="voting-status" data-status={round.status}>
      <p className="ui-big">{t('boxes.status', { status: t(`sa.status.${round.status as 'voting'}`) })}</p>
      {target && !confirming && (
        <button type="button" className="ui-primary" onClick={ask} {...may('setVotingStatus')} data-testid="voting-toggle">
          {target === 'voting' ? t('boxes.openVoting') : t('boxes.closeVoting')}
        </button>
      )}
      {target && confirming && (
        <div className="ui-actions" role="group">
          <span className="ui-text-warn">{target === 'voting' ? t('boxes.confirmOpen') : t('boxes.confirmClose')}</span>
          <button ref={confirmRef} type="button" className="ui-primary" onClick={() => void confirm()} data-testid="voting-confirm">
            {t('boxes.confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('boxes.cancel')}
          </button>
        </div>
      )}
      <ErrorNote error={action.error} />
    </section>
  );
}
