import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { CreateElection } from '../setup/CreateElection';
import { ElectionFactRows } from '../setup/ElectionFacts';
import { ErrorNote, Loading, useLoad } from '../../ui';
import './start.css';
import { ElectionFiles } from './ElectionFiles';
import { OpenStationPackage } from './OpenStationPackage';
import { TakeOverStation } from './TakeOverStation';
import { SecondCopyWarning } from '../../widgets/SecondCopyWarning';
import { OpenModeHint } from '../../app/session/OpenModeHint';
import { DayGuide } from './DayGuide';
import { RegisteredShareWarning } from './RegisteredShareWarning';
import { TownModeEntry } from '../town/TownModeEntry';

/** The open election at a glance, the station key fingerprint, and opening or creating an election. */
export function StartScreen() {
  const api = useApi();
  const t = useT();
  const overview = useLoad(() => api.call('getElection', {}), [api]);
  const fingerprint = useLoad(() => api.call('stationFingerprint', {}), [api]);
  const e = overview.data?.election ?? null;

  return (
    <div className="ui-screen ui-stack" data-testid="start-screen">
      <h2>{t('start.title')}</h2>
      {e && <OpenModeHint />}
      <ErrorNote error={overview.error} />
      {overview.loading && !overview.data && <Loading />}
      {e && (
        <section className={e.drill ? 'ui-card start-drill-card' : 'ui-card'} data-testid="start-election">
          {e.drill && <p className="start-drill-mark">{t('start.drill')}</p>}
          <h3 className="ui-big">{e.title}</h3>
          <dl className="ui-facts">
            <ElectionFactRows e={e} dateTestId="start-date" />
            <dt>{t('start.rounds')}</dt>
            <dd>
              {overview.data!.rounds.map((r) => t('start.round', { n: r.number, status: t(`sa.status.${r.status}`) })).join('；') || '—'}
            </dd>
            <dt>{t('start.audit')}</dt>
            <dd>{t('start.auditValue', { count: overview.data!.audit.count, head: overview.data!.audit.head.slice(0, 16) })}</dd>
          </dl>
        </section>
      )}
      {e && <RegisteredShareWarning />}
      {e && <DayGuide />}
      <section className="ui-card" data-testid="start-fingerprint">
        <h3>{t('start.fingerprint')}</h3>
        <p className="ui-muted">{t('start.fingerprintHint')}</p>
        {fingerprint.data && <p className="start-fingerprint" data-testid="fingerprint">{fingerprint.data.short}</p>}
        <ErrorNote error={fingerprint.error} />
      </section>
      <ElectionFiles />
      {overview.data && !e && <CreateElection onCreated={overview.reload} />}
      <SecondCopyWarning quiet={false} />
      {overview.data && !e && <OpenStationPackage />}
      {overview.data && !e && <TakeOverStation />}
      {overview.data && !e && <p><a href="#/drill" data-testid="start-drill-link">{t('drillpage.startLink')}</a></p>}
      <TownModeEntry />
    </div>
  );
}
