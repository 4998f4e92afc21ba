import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, isSittingCommittee, PersonPicker, useAction, usePeople } from '../counting/common';
import type { RoundResult, StandingView } from './ResultsScreen';

/**
 * What the result asks for next (tie re-vote, supplementary election), each with the button that opens the round.
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
  const t = useT();
  const api = useApi();
  const { people } = usePeople();
  const [decidedBy, setDecidedBy] = useState<number | null>(null);
  const action = useAction();
  const steps = result.result.nextSteps;
  if (steps.length === 0) {
    return (
      <section className="b-card" data-testid="next-steps">
        <h3>{t('results.next.title')}</h3>
        <p>{t('results.next.none')}</p>
      </section>
    );
  }
  const kinds = [...new Set(steps.map((s) => s.kind))];
  const created = (kind: string) => standing?.nextSteps.find((s) => s.fromRound === round && s.kind === kind)?.round ?? null;
  const needsDecision = steps.some((s) => s.kind === 'supplementary' && !s.required) && standing?.minimumMet === true;
  const open = async (kind: 'tie-revote' | 'supplementary') => {
    const r = await action.run(() =>
      api.call('createNextRound', { fromRound: round, kind, ...(decidedBy !== null && kind === 'supplementary' ? { decidedBy } : {}) }),
    );
    if (r) await onCreated(r.number);
  };
  return (
    <section className="b-card" data-testid="next-steps">
      <h3>{t('results.next.title')}</h3>
      <ul>
        {steps.map((s) => (
          <li key={`${s.kind}-${s.office}`}>
            <strong>{t(`b.roundKind.${s.kind}`)}</strong> · {titles.get(s.office) ?? s.office} ·{' '}
            {t('results.next.seats', { seats: s.seats, names: s.names.join('、') })}
            {!s.required && <em className="b-muted"> · {t('results.next.optional')}</em>}
          </li>
        ))}
      </ul>
      {needsDecision && (
        <PersonPicker
          people={people.filter(isSittingCommittee)}
          value={decidedBy}
          onChange={setDecidedBy}
          label={t('results.next.decidedBy')}
          memory="committee"
          testId="next-decided-by"
        />
      )}
      <ErrorNote error={action.error} testId="next-error" />
      <div className="b-row">
        {kinds.map((k) => {
          const made = created(k);
          return made !== null ? (
            <p key={k} className="b-good">
              {t('results.next.created', { kind: t(`b.roundKind.${k}`), n: made })}
            </p>
          ) : (
            <button key={k} type="button" className="b-primary" onClick={() => void open(k)} disabled={action.busy} data-testid={`open-next-${k}`}>
              {t('results.next.open', { kind: t(`b.roundKind.${k}`) })}
            </button>
          );
        })}
      </div>
    </section>
  );
}
