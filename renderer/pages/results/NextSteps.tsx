import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, useAction } from '../../ui';
import { usePeople } from '../people';
import { approvalOf, CommitteeApprovalFields, NO_APPROVAL, type ApprovalDraft } from '../../widgets/CommitteeApproval';
import type { RoundResult, StandingView } from './ResultsScreen';
import { useMayCall } from '../../app/session/may-call';

type Kind = 'tie-revote' | 'supplementary';
interface Step {
  kind: Kind;
  office: string;
  seats: number;
  names: string[];
  required: boolean;
}

/**
 * What the result asks for next (tie re-vote, supplementary election), each with the button that opens the round,
 * and below it what earlier rounds still ask for (so the committee need not go back to an older round to find it).
 * A supplementary election that is not required is the committee's decision: the deciding member is named.
 */
export function NextSteps({
  round,
  result,
  standing,
  titles,
  onCreated,
}: {
  round: number;
  result: RoundResult;
  standing: StandingView | null;
  titles: Map<string, string>;
  onCreated(n: number): void | Promise<void>;
}) {
  const may = useMayCall();
  const t = useT();
  const api = useApi();
  const { people } = usePeople();
  const [decision, setDecision] = useState<ApprovalDraft>(NO_APPROVAL);
  const action = useAction();
  const steps: Step[] = result.result.nextSteps;
  // Steps of other rounds' results with no round created yet, judged as the backend judges them now.
  const elsewhere = (standing?.nextSteps ?? [])
    .filter((s) => s.fromRound !== round && s.round === null)
    .map((s) => ({ ...s, required: s.required || (s.kind === 'supplementary' && standing?.minimumMet === false) }));
  const fromRounds = [...new Set(elsewhere.map((s) => s.fromRound))];
  const kindsOf = (list: readonly Step[]) => [...new Set(list.map((s) => s.kind))];
  const created = (from: number, kind: Kind) => standing?.nextSteps.find((s) => s.fromRound === from && s.kind === kind)?.round ?? null;
  const needsDecision = [...steps, ...elsewhere].some((s) => s.kind === 'supplementary' && !s.required) && standing?.minimumMet === true;
  const open = async (fromRound: number, kind: Kind) => {
    const approval = kind === 'supplementary' ? approvalOf(decision) : undefined;
    const r = await action.run(() => api.call('createNextRound', { fromRound, kind, ...(approval ? { approval } : {}) }));
    setDecision((d) => ({ ...d, pin: '' }));
    if (r) await onCreated(r.number);
  };

  const stepList = (list: readonly Step[], prefix: string) => (
    <ul>
      {list.map((s) => (
        <li key={`${s.kind}-${s.office}`} data-testid={`${prefix}-${s.kind}-${s.office}`} data-required={s.required ? 'yes' : 'no'}>
          <strong>{t(`b.roundKind.${s.kind}`)}</strong> · {titles.get(s.office) ?? s.office} ·{' '}
          {t('results.next.seats', { seats: s.seats, names: s.names.join(t('b.sep.list')) })}
          {s.required ? (
            <strong className="ui-text-bad"> · {t('results.next.required')}</strong>
          ) : (
            <em className="ui-muted"> · {t('results.next.optional')}</em>
          )}
        </li>
      ))}
    </ul>
  );
  const buttons = (from: number, list: readonly Step[], testPrefix: string) => (
    <div className="ui-row">
      {kindsOf(list).map((k) => {
        const made = created(from, k);
        return made !== null ? (
          <p key={k} className="ui-text-good">
            {t('results.next.created', { kind: t(`b.roundKind.${k}`), n: made })}
          </p>
        ) : (
          <button key={k} type="button" className="ui-primary" onClick={() => void open(from, k)} disabled={action.busy} {...may('createNextRound')} data-testid={`${testPrefix}-${k}`}>
            {from === round ? t('results.next.open', { kind: t(`b.roundKind.${k}`) }) : t('results.next.openFrom', { kind: t(`b.roundKind.${k}`), n: from })}
          </button>
        );
      })}
    </div>
  );

  return (
    <section className="ui-card" data-testid="next-steps">
      <h3>{t('results.next.title')}</h3>
      {steps.length > 0 ? (
        <>
          {stepList(steps, 'next-step')}
          {buttons(round, steps, 'open-next')}
        </>
      ) : result.result.valid ? (
        // An invalid round elects nobody and has no next step of its own: that is not "nothing to do".
        <p>{t('results.next.none')}</p>
      ) : (
        <p className="ui-text-bad">{t('results.next.invalidRound')}</p>
      )}
      {fromRounds.map((from) => {
        const list = elsewhere.filter((s) => s.fromRound === from);
        return (
          <div key={from} className="ui-card ui-card-accent" data-testid={`pending-from-${from}`}>
            <h4>{t('results.next.pendingFrom', { n: from })}</h4>
            {stepList(list, `pending-step-${from}`)}
            {buttons(from, list, `open-pending-${from}`)}
          </div>
        );
      })}
      {needsDecision && (
        <div className="ui-row">
          <CommitteeApprovalFields people={people} value={decision} onChange={setDecision} label={t('results.next.decidedBy')} testId="next-decided-by" />
        </div>
      )}
      <ErrorNote error={action.error} testId="next-error" />
    </section>
  );
}
