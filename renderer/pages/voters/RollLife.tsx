import { useState } from 'react';
import type { ElectionOverview } from '../../../shared/api/setup';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, Loading, useLoad } from '../../ui';
import type { ListedVoter } from '../../widgets/VoterSearch';
import { Objections } from './Objections';
import { AddVoterForm, CorrectVoterForm, ReinstateVoterForm, RemoveVoterForm } from './RollChangeForms';
import { RollChecks, RollWarnings } from './RollStatus';

const TABS = ['status', 'add', 'remove', 'correct', 'objections'] as const;
type Tab = (typeof TABS)[number];

/**
 * The roll's life on the voter list page: what the committee must watch (the 30% check, publication, objections
 * and their deadlines) always shown; one form at a time below it. Changes stop when round 1 opens.
 */
export function RollLife({ overview, voter, reloadKey, onChanged }: {
  overview: ElectionOverview;
  voter: ListedVoter | null;
  reloadKey: number;
  onChanged(): void;
}) {
  const api = useApi();
  const t = useT();
  const [tab, setTab] = useState<Tab>('status');
  const status = useLoad(() => api.call('rollStatus', {}), [api, reloadKey]);
  const changed = () => {
    status.reload();
    onChanged();
  };
  const s = status.data;
  const title = overview.election?.title ?? '';
  const changesTab = tab === 'add' || tab === 'remove' || tab === 'correct';
  return (
    <section className="ui-card voters-roll-life" data-testid="roll-life">
      <h3 className="ui-no-print">{t('roll.title')}</h3>
      <ErrorNote error={status.error} />
      {!s ? (
        status.loading && <Loading />
      ) : (
        <>
          <div className="ui-no-print">
            <RollWarnings status={s} />
            <div className="voters-tabs" role="tablist">
              {TABS.map((k) => (
                <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'ui-primary' : undefined} onClick={() => setTab(k)} data-testid={`roll-tab-${k}`}>
                  {t(`roll.tab.${k}`)}
                </button>
              ))}
            </div>
          </div>
          <div role="tabpanel">
            {tab === 'status' && <RollChecks status={s} title={title} onChanged={changed} />}
            {changesTab && !s.open && <p className="ui-text-warn">{t('roll.locked')}</p>}
            {changesTab && s.open && tab === 'add' && <AddVoterForm overview={overview} onChanged={changed} />}
            {changesTab && s.open && tab === 'remove' && <RemoveVoterForm voter={voter} onChanged={changed} />}
            {changesTab && s.open && tab === 'remove' && voter?.removed === true && <ReinstateVoterForm voter={voter} onChanged={changed} />}
            {changesTab && s.open && tab === 'correct' && <CorrectVoterForm voter={voter} party={overview.election?.body === 'party'} onChanged={changed} />}
            {tab === 'objections' && <Objections voter={voter} today={s.today} title={title} reloadKey={reloadKey} onChanged={changed} />}
          </div>
        </>
      )}
    </section>
  );
}
