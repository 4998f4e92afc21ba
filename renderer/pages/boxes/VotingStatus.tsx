import { useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, OkNote, useAction } from '../../ui';
import { useMayCall } from '../../app/session/may-call';

/** A box as this panel needs it: its name and where its custody trail stands. */
export interface BoxReadiness {
  box: string;
  name: string;
  /** The box's next custody step, or null when it has none to take (done, set aside, flagged). */
  next: string | null;
}

/**
 * Opening and closing the poll of a round, each confirmed with a second key press. Opening is one flow: the
 * confirmation lists the boxes shown empty and sealed, whose voting starts with the round, and names those not sealed
 * yet. While the round is open, boxes sealed later start from here too.
 */
export function VotingStatus({
  round,
  boxes,
  onChanged,
}: {
  round: { number: number; status: string };
  boxes: readonly BoxReadiness[];
  onChanged(): void;
}) {
  const may = useMayCall();
  const api = useApi();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const action = useAction();
  const target = round.status === 'prepared' ? 'voting' : round.status === 'voting' ? 'closed' : null;
  const sealed = boxes.filter((b) => b.next === 'voting');
  const notSealed = boxes.filter((b) => b.next === 'sealed-empty');
  const names = (list: readonly BoxReadiness[]) => list.map((b) => b.name).join(t('b.sep.list'));

  const ask = () => {
    setConfirming(true);
    setTimeout(() => confirmRef.current?.focus(), 0);
  };
  const open = async () => {
    const out = await action.run(() => api.call('openVoting', { round: round.number, boxes: sealed.map((b) => b.box) }));
    if (!out) return;
    setStarted(out.started.length > 0 ? t('boxes.open.started', { boxes: names(sealed) }) : null);
    onChanged();
  };
  const confirm = async () => {
    if (!target) return;
    setConfirming(false);
    if (target === 'voting') return open();
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
      {target === 'closed' && !confirming && sealed.length > 0 && (
        <button type="button" onClick={() => void open()} disabled={action.busy} {...may('openVoting')} data-testid="voting-start-sealed">
          {t('boxes.open.startLater')} {t('b.paren', { text: names(sealed) })}
        </button>
      )}
      {target && confirming && (
        <div className="ui-stack" role="group">
          {target === 'voting' && (
            <div data-testid="voting-open-boxes">
              {sealed.length > 0 ? (
                <p>
                  {t('boxes.open.sealed')} <strong data-testid="voting-open-sealed">{names(sealed)}</strong>
                </p>
              ) : (
                <p className="ui-muted">{t('boxes.open.noneSealed')}</p>
              )}
              {notSealed.length > 0 && (
                <p className="ui-text-warn" data-testid="voting-open-not-sealed">
                  {t('boxes.open.notSealed', { boxes: names(notSealed) })}
                </p>
              )}
            </div>
          )}
          <div className="ui-actions">
            <span className="ui-text-warn">{target === 'voting' ? t('boxes.confirmOpen') : t('boxes.confirmClose')}</span>
            <button ref={confirmRef} type="button" className="ui-primary" onClick={() => void confirm()} data-testid="voting-confirm">
              {t('boxes.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('boxes.cancel')}
            </button>
          </div>
        </div>
      )}
      <OkNote testId="voting-started">{started}</OkNote>
      <ErrorNote error={action.error} />
    </section>
  );
}
