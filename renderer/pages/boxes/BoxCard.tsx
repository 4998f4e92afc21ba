import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import type { custodyStateView } from '../../../shared/api/custody';
import type { BoxStockView } from '../../../shared/api/issuance';
import { CustodySteps, type CustodyStepRequest } from '../../widgets/CustodySteps';
import { ErrorNote, useAction } from '../../ui';
import { FlaggedDecision } from './FlaggedDecision';
import { useMayCall } from '../../app/session/may-call';

type CustodyState = z.infer<typeof custodyStateView>;
interface Box {
  id: string;
  name: string;
  kind: 'central' | 'station' | 'mobile';
  venue: string;
  staff: string[];
}

/** One box: its custody trail (only the next step enabled), its seal numbers, its ballot stock. */
export function BoxCard({
  box,
  round,
  custody,
  stock,
  committee,
  onChanged,
}: {
  box: Box;
  round: number;
  custody: CustodyState | null;
  stock: BoxStockView | null;
  committee: { id: number; name: string }[];
  onChanged(): void;
}) {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const mayStep = useMayCall()('recordCustodyStep');
  const events = custody?.events ?? [];
  const emptySeals = events.filter((e) => e.step === 'sealed-empty').flatMap((e) => e.seals ?? []);
  const closedSeals = events.filter((e) => e.step === 'sealed-closed').flatMap((e) => e.seals ?? []);
  // The backend checks the seals found against every seal put on (empty and closed), so the widget compares with both.
  const seals = {
    empty: emptySeals,
    closed: closedSeals.length > 0 ? [...new Set([...emptySeals, ...closedSeals])] : [],
  };

  const onStep = async (request: CustodyStepRequest) => {
    if (await action.run(() => api.call('recordCustodyStep', { box: box.id, round, ...request }))) onChanged();
  };

  return (
    <article
      className={`boxes-box${custody?.position.state === 'needs-decision' ? ' boxes-box-flagged' : ''}${custody?.position.state === 'done' ? ' boxes-box-done' : ''}`}
      data-testid={`box-${box.id}`}
      data-box={box.id}
    >
      <CustodySteps
        kind={box.kind}
        events={events.map((e) => ({ step: e.step, flagged: e.flagged, decision: e.decision }))}
        seals={seals}
        boxLabel={box.name}
        onStep={onStep}
        busy={action.busy}
      />
      {mayStep.title !== undefined && (
        <p className="ui-muted" data-testid="custody-not-allowed" data-refused={mayStep['data-refused']}>
          {mayStep.title}
        </p>
      )}
      <ErrorNote error={action.error} testId="custody-refusal" />
      {box.kind === 'mobile' && box.staff.length > 0 && <p className="ui-muted">{t('boxes.team', { staff: box.staff.join('、') })}</p>}
      {custody?.position.state === 'set-aside' && <ErrorNote error={t('boxes.setAside')} testId="box-set-aside" />}
      {events
        .filter((e) => e.step === 'committee-decision')
        .map((e) => (
          <p key={e.seq} className="boxes-decision" data-testid="box-decision">
            {t('boxes.decision', {
              decision: e.decision === 'open' ? t('boxes.decide.open') : t('boxes.decide.setAside'),
              note: e.note ?? '',
              by: (e.decidedBy ?? []).map((id) => committee.find((m) => m.id === id)?.name ?? `#${id}`).join('、'),
            })}
          </p>
        ))}
      {custody?.position.state === 'needs-decision' && (
        <FlaggedDecision box={box.id} round={round} committee={committee} onDecided={onChanged} />
      )}
      <Stock box={box.id} round={round} stock={stock} onChanged={onChanged} />
    </article>
  );
}

function Stock({ box, round, stock, onChanged }: { box: string; round: number; stock: BoxStockView | null; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [count, setCount] = useState('');
  const action = useAction();
  const may = useMayCall();
  // The label's colon in the screen's language (full width in Chinese), not drawn by the style sheet.
  const term = (key: 'boxes.received' | 'boxes.issued' | 'boxes.spoiled' | 'boxes.returned' | 'boxes.inHand' | 'boxes.balance') =>
    `${t(key)}${t('b.sep.label').trimEnd()}`;
  const send = async (method: 'receiveBallots' | 'returnUnusedBallots', e?: FormEvent) => {
    e?.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n <= 0) return;
    if (await action.run(() => api.call(method, { box, round, count: n }))) {
      setCount('');
      onChanged();
    }
  };
  return (
    <div className="boxes-stock" data-testid={`stock-${box}`}>
      {stock && (
        <dl className="boxes-stock-facts">
          <dt>{term('boxes.received')}</dt>
          <dd data-testid="stock-received">{stock.received}</dd>
          <dt>{term('boxes.issued')}</dt>
          <dd data-testid="stock-issued">{stock.issued}</dd>
          <dt>{term('boxes.spoiled')}</dt>
          <dd>{stock.spoiled}</dd>
          <dt>{term('boxes.returned')}</dt>
          <dd>{stock.unusedReturned}</dd>
          <dt>{term('boxes.inHand')}</dt>
          <dd>{stock.inHand}</dd>
          {stock.balanced !== null && (
            <>
              <dt>{term('boxes.balance')}</dt>
              <dd className={stock.balanced ? 'ui-text-good' : 'ui-text-warn'}>{stock.balanced ? t('boxes.balanced') : t('boxes.unbalanced')}</dd>
            </>
          )}
        </dl>
      )}
      <form className="ui-inline" onSubmit={(e) => void send('receiveBallots', e)}>
        <label className="ui-inline">
          {t('boxes.ballots')}
          <input
            type="number"
            min={1}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            className="ui-input-short"
            data-testid="stock-count"
          />
        </label>
        <button type="submit" disabled={action.busy} {...may('receiveBallots')} data-testid="stock-receive">
          {t('boxes.receive')}
        </button>
        <button type="button" onClick={() => void send('returnUnusedBallots')} disabled={action.busy} {...may('returnUnusedBallots')} data-testid="stock-return">
          {t('boxes.return')}
        </button>
      </form>
      <ErrorNote error={action.error} />
    </div>
  );
}
