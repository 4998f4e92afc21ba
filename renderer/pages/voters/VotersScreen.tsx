import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, Loading, useLoad } from '../../ui';
import type { AssignmentView } from '../../../shared/api/issuance';
import { usePlaceName, VoterSearch, type ListedVoter, type VoterQuery } from '../../widgets/VoterSearch';
import { currentRound } from '../rounds';
import { AssignPanel } from './AssignPanel';
import { PrintList } from './PrintList';
import { Representatives } from './Representatives';
import { RollLife } from './RollLife';
import { VoterHistory } from './VoterHistory';
import './voters.css';

/**
 * The roll on screen: search and filter it (the one voter search), see a voter's record, print the list shown (a
 * residents' group, a polling station) on A4, and decide where voters vote until round 1 opens.
 */
export function VotersScreen() {
  const api = useApi();
  const t = useT();
  const placeName = usePlaceName();
  const overview = useLoad(() => api.call('getElection', {}), [api]);
  const [chosen, setChosen] = useState<ListedVoter | null>(null);
  const [query, setQuery] = useState<VoterQuery>({});
  const [reloadKey, setReloadKey] = useState(0);

  if (!overview.data) {
    return (
      <div className="ui-screen ui-stack">
        <ErrorNote error={overview.error} />
        {overview.loading && <Loading />}
      </div>
    );
  }
  const o = overview.data;
  const round = currentRound(o.rounds)?.number ?? null;
  const target = query.assignment;
  const place =
    target === undefined
      ? undefined
      : 'venue' in target
        ? o.venues.find((v) => v.id === target.venue)?.name
        : placeName({ kind: 'mobile-box', name: o.boxes.find((b) => b.id === target.mobileBox)?.name ?? target.mobileBox });
  const what = [query.group, place, query.search].filter(Boolean).join(' · ') || t('voters.printAll');
  const changed = (moved?: AssignmentView) => {
    if (moved && chosen) setChosen({ ...chosen, assignment: moved });
    setReloadKey((n) => n + 1);
    overview.reload();
  };

  return (
    <div className="ui-screen ui-stack voters-screen" data-testid="voters-screen">
      <h2 className="ui-no-print">{t('voters.title')}</h2>
      <div className="voters-main ui-no-print">
        <VoterSearch
          filters
          round={round}
          rows={11}
          chosen={chosen?.certificate ?? null}
          onChoose={setChosen}
          onQuery={(q) => setQuery(q)}
          reloadKey={reloadKey}
          autoFocus
        />
        <div className="voters-side">
          {chosen ? (
            <VoterHistory certificate={chosen.certificate} reloadKey={reloadKey} />
          ) : (
            <p className="ui-muted">{t('voters.chooseHint')}</p>
          )}
        </div>
      </div>
      <PrintList query={query} what={what} title={o.election?.title ?? ''} />
      <AssignPanel overview={o} voter={chosen} reloadKey={reloadKey} onChanged={changed} />
      <RollLife overview={o} voter={chosen} reloadKey={reloadKey} onChanged={() => changed()} />
      {o.election?.method === 'representative' && <Representatives voter={chosen} title={o.election.title} reloadKey={reloadKey} />}
    </div>
  );
}
