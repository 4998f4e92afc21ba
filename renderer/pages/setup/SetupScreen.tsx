import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hrefFor, type Route } from '../../app/router';
import { CertificatesTab } from './CertificatesTab';
import { NextStepLink } from '../start/NextStepLink';
import { CreateElection } from './CreateElection';
import { ElectionTab } from './ElectionTab';
import { ListsTab } from './ListsTab';
import { NominationTab } from './NominationTab';
import { OfficesTab } from './OfficesTab';
import { PeopleTab } from './PeopleTab';
import { RollTab } from './RollTab';
import { PartyTab } from './PartyTab';
import { ErrorNote, Loading, useLoad } from '../../ui';
import './setup.css';
import { VenuesTab } from './VenuesTab';

export const SETUP_TABS = ['election', 'offices', 'venues', 'people', 'roll', 'certificates', 'lists', 'nomination', 'party'] as const;
export type SetupTab = (typeof SETUP_TABS)[number];

/** The election committee's set-up, one part per sub-page (#/setup/roll …) so each is one link away. */
export function SetupScreen({ route }: { route: Route }) {
  const api = useApi();
  const t = useT();
  const overview = useLoad(() => api.call('getElection', {}), [api]);
  const tab: SetupTab = (SETUP_TABS as readonly string[]).includes(route.rest[0] ?? '') ? (route.rest[0] as SetupTab) : 'election';
  const data = overview.data;

  if (!data) {
    return (
      <div className="ui-screen ui-stack">
        <ErrorNote error={overview.error} />
        {overview.loading && <Loading />}
      </div>
    );
  }
  if (!data.election) {
    return (
      <div className="ui-screen ui-stack" data-testid="setup-screen">
        <CreateElection onCreated={overview.reload} />
      </div>
    );
  }

  return (
    <div className="ui-screen ui-stack" data-testid="setup-screen" data-tab={tab}>
      <nav className="setup-subtabs ui-no-print" aria-label={t('setup.tabs')}>
        {SETUP_TABS.filter((id) => id !== 'party' || data.election?.body === 'party').map((id) => (
          <a key={id} href={hrefFor('setup', id)} aria-current={id === tab ? 'page' : undefined} data-testid={`setup-tab-${id}`}>
            {t(`setup.tab.${id}`)}
          </a>
        ))}
      </nav>
      {tab === 'election' && <ElectionTab overview={data} onChanged={overview.reload} />}
      {tab === 'offices' && <OfficesTab overview={data} onChanged={overview.reload} />}
      {tab === 'venues' && <VenuesTab overview={data} onChanged={overview.reload} />}
      {tab === 'people' && <PeopleTab overview={data} />}
      {tab === 'roll' && <RollTab overview={data} />}
      {tab === 'certificates' && <CertificatesTab overview={data} />}
      {tab === 'lists' && <ListsTab overview={data} />}
      {tab === 'nomination' && <NominationTab overview={data} onChanged={overview.reload} />}
      {tab === 'party' && <PartyTab />}
      <NextStepLink after="setup" />
    </div>
  );
}
