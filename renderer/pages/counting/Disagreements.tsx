import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import type { BoxCountView, DisagreementView, Sheet } from '../../../shared/api/counting';
import { contentParts } from './ballot-text';
import { ErrorNote, useAction } from '../../ui';
import { type BallotOfficeView } from './round-ballot';
import { useMayCall } from '../../app/session/may-call';

/**
 * Double entry: where sheets A and B differ, ballot by ballot, the sections that differ marked; the signed-in scrutineer
 * (with a reason) settles each by choosing the version the paper ballot shows. The first field has the focus.
 */
export function Disagreements({
  round,
  box,
  list,
  sheets,
  offices,
  me,
  onChange,
}: {
  round: number;
  box: string;
  list: DisagreementView[];
  sheets: BoxCountView['sheets'];
  offices: BallotOfficeView[];
  /** The name of the scrutineer signed in (null: nobody); the settlement is theirs. */
  me: string | null;
  onChange(remaining: DisagreementView[]): void;
}) {
  const may = useMayCall();
  const t = useT();
  const api = useApi();
  const [reason, setReason] = useState('');
  const action = useAction();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.querySelector<HTMLElement>('[data-testid=settle-reason]')?.focus();
  }, []);
  const settle = async (position: number, choose: Sheet) => {
    if (me === null) return action.setError(t('counting.signInFirst'));
    if (reason.trim() === '') return action.setError(t('counting.settle.reasonFirst'));
    const remaining = await action.run(() => api.call('settleDisagreement', { round, box, position, choose, reason }));
    if (remaining) {
      setReason('');
      onChange(remaining);
    }
  };
  const sheetHead = (s: Sheet) => {
    const counter = sheets.find((x) => x.sheet === s)?.counter;
    return counter ? t('counting.settle.sheetBy', { sheet: s, name: counter }) : t('counting.sheetName', { sheet: s });
  };
  return (
    <section ref={ref} className="ui-card ui-card-bad" data-testid="disagreements">
      <h4>{t('counting.settle.title', { n: list.length })}</h4>
      <p>{t('counting.settle.explain')}</p>
      <div className="ui-row">
        <p data-testid="settle-by">
          {t('counting.settle.by')}
          {t('b.sep.label')}
          {me ?? t('counting.signInFirst')}
        </p>
        <label className="ui-field ui-grow">
          <span>{t('counting.settle.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="settle-reason" />
        </label>
      </div>
      <ErrorNote error={action.error} testId="settle-error" />
      <table className="ui-table ui-table-rows">
        <thead>
          <tr>
            <th>{t('counting.settle.position')}</th>
            <th>{sheetHead('A')}</th>
            <th>{sheetHead('B')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((d) => {
            const a = contentParts(t, d.a, offices);
            const b = contentParts(t, d.b, offices);
            const differs = (key: string) => a.find((p) => p.key === key)?.text !== b.find((p) => p.key === key)?.text;
            const side = (parts: typeof a, s: Sheet) => (
              <td data-testid={`disagreement-${d.position}-${s}`}>
                {parts.map((p, i) => (
                  <span key={p.key}>
                    {i > 0 && t('b.sep.section')}
                    {differs(p.key) ? <mark>{p.text}</mark> : p.text}
                  </span>
                ))}
              </td>
            );
            return (
              <tr key={d.position} data-testid={`disagreement-${d.position}`}>
                <td className="ui-nowrap">{t('counting.list.position', { n: d.position })}</td>
                {side(a, 'A')}
                {side(b, 'B')}
                <td className="ui-nowrap">
                  <button type="button" onClick={() => void settle(d.position, 'A')} disabled={action.busy} {...may('settleDisagreement')} data-testid={`settle-${d.position}-A`}>
                    {t('counting.settle.choose', { sheet: 'A' })}
                  </button>{' '}
                  <button type="button" onClick={() => void settle(d.position, 'B')} disabled={action.busy} {...may('settleDisagreement')} data-testid={`settle-${d.position}-B`}>
                    {t('counting.settle.choose', { sheet: 'B' })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
