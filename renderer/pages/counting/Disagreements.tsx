import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import type { DisagreementView, Sheet } from '../../../shared/api/counting';
import { contentText } from './ballot-text';
import { ErrorNote, PersonPicker, useAction, type BallotOfficeView, type PersonView } from './common';

/** Double entry: where sheets A and B differ, ballot by ballot; a scrutineer settles one by choosing a version. */
export function Disagreements({
  round,
  box,
  list,
  offices,
  people,
  onChange,
}: {
  round: number;
  box: string;
  list: DisagreementView[];
  offices: BallotOfficeView[];
  people: PersonView[];
  onChange(remaining: DisagreementView[]): void;
}) {
  const t = useT();
  const api = useApi();
  const [by, setBy] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const action = useAction();
  const scrutineers = people.filter((p) => p.roles.some((r) => r.role === 'scrutineer' || r.role === 'chief-scrutineer'));
  const settle = async (position: number, choose: Sheet) => {
    if (by === null) return action.setError(t('counting.settle.whoFirst'));
    if (reason.trim() === '') return action.setError(t('counting.settle.reasonFirst'));
    const remaining = await action.run(() => api.call('settleDisagreement', { round, box, position, choose, by, reason }));
    if (remaining) onChange(remaining);
  };
  return (
    <section className="b-card b-disagree" data-testid="disagreements">
      <h4>{t('counting.settle.title', { n: list.length })}</h4>
      <div className="b-row">
        <PersonPicker people={scrutineers} value={by} onChange={setBy} label={t('counting.settle.by')} memory="scrutineer" testId="settle-by" />
        <label className="b-field b-grow">
          <span>{t('counting.settle.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="settle-reason" />
        </label>
      </div>
      <ErrorNote error={action.error} testId="settle-error" />
      <table className="b-table">
        <thead>
          <tr>
            <th>{t('counting.settle.position')}</th>
            <th>{t('counting.sheetName', { sheet: 'A' })}</th>
            <th>{t('counting.sheetName', { sheet: 'B' })}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((d) => (
            <tr key={d.position} data-testid={`disagreement-${d.position}`}>
              <td className="b-num">{d.position}</td>
              <td>{contentText(t, d.a, offices)}</td>
              <td>{contentText(t, d.b, offices)}</td>
              <td className="b-nowrap">
                <button type="button" onClick={() => void settle(d.position, 'A')} disabled={action.busy}>
                  {t('counting.settle.choose', { sheet: 'A' })}
                </button>{' '}
                <button type="button" onClick={() => void settle(d.position, 'B')} disabled={action.busy}>
                  {t('counting.settle.choose', { sheet: 'B' })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
