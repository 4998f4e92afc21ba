import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import type { StationsOverviewView } from '../../../shared/api/stations';
import { ErrorNote, Field, Loading, OkNote, useAction, useLoad } from '../../ui';
import { PhonedTurnoutForm } from './PhonedTurnoutForm';
import { SecondCopyCard } from './SecondCopyCard';
import { SlipButton } from './SlipButton';
import './stations.css';

/**
 * Stations (投票站): on the central laptop, export a polling station's package and import its returns, with every
 * station's key, returns, box figures and anomalies; on a station laptop, which station it is and writing returns.
 * Files go to the export folder (docs/stations.md).
 */
export function StationsScreen() {
  const api = useApi();
  const t = useT();
  const overview = useLoad(() => api.call('stationsOverview', {}), [api]);
  return (
    <div className="ui-screen ui-stack" data-testid="stations-screen">
      <h2>{t('stations.title')}</h2>
      <p className="ui-muted">{t('stations.explain')}</p>
      <ErrorNote error={overview.error} />
      {overview.loading && !overview.data && <Loading />}
      {overview.data?.laptop && <StationLaptopCard laptop={overview.data.laptop} onWritten={overview.reload} />}
      {overview.data && !overview.data.laptop && (
        <>
          <ExportPackage stations={overview.data.stations} />
          <ImportReturn onImported={overview.reload} />
          <PhonedTurnoutForm stations={overview.data.stations} />
          <StationList stations={overview.data.stations} />
        </>
      )}
      {overview.data && <SecondCopyCard />}
    </div>
  );
}

function ExportPackage({ stations }: { stations: StationsOverviewView['stations'] }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall();
  const action = useAction();
  const [station, setStation] = useState(stations[0]?.station ?? '');
  const [name, setName] = useState('');
  const [done, setDone] = useState<Awaited<ReturnType<typeof exportPackage>> | null>(null);
  const exportPackage = () => api.call('exportStationPackage', { station, name: name.trim() || `${station}-package.json`, overwrite: false });
  const go = async () => {
    setDone(null);
    const r = await action.run(exportPackage);
    if (r) setDone(r);
  };
  return (
    <section className="ui-card" data-testid="stations-export">
      <h3>{t('stations.export')}</h3>
      <div className="ui-row">
        <Field label={t('stations.station')}>
          <select value={station} onChange={(e) => setStation(e.target.value)} data-testid="stations-export-station">
            {stations.map((s) => (
              <option key={s.station} value={s.station}>
                {s.name} ({s.station})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('stations.fileName')}>
          <input value={name} placeholder={`${station}-package.json`} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="button" onClick={() => void go()} disabled={action.busy || station === ''} {...may('exportStationPackage')}>
          {t('stations.exportGo')}
        </button>
      </div>
      <ErrorNote error={action.error} />
      {done && (
        <OkNote testId="stations-exported">
          <p>{t('stations.written', { path: done.path })}</p>
          <p>{t('stations.slip', { election: done.electionTitle, station: `${done.station.name} (${done.station.id})`, voters: done.voters, hash: done.payloadHash })}</p>
          <p>
            {t('stations.centralKey')}: <strong className="stations-fingerprint">{done.central.short}</strong>
          </p>
        </OkNote>
      )}
      {done && <SlipButton slip={{ kind: 'package', station: done.station.id }} testId="stations-package-slip" />}
    </section>
  );
}

function ImportReturn({ onImported }: { onImported: () => void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall();
  const action = useAction();
  const [path, setPath] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const go = async () => {
    setMessage(null);
    const fp = fingerprint.trim();
    const r = await action.run(() => api.call('importStationReturn', { path: path.trim(), ...(fp ? { fingerprint: fp } : {}) }));
    if (!r) return;
    const params = { station: r.station, sequence: r.sequence, added: r.added, issuances: r.issuances };
    setMessage(r.alreadyImported ? t('stations.already', params) : t('stations.imported', params));
    onImported();
  };
  return (
    <section className="ui-card" data-testid="stations-import">
      <h3>{t('stations.import')}</h3>
      <div className="ui-row">
        <Field label={t('stations.path')}>
          <input className="stations-path" value={path} onChange={(e) => setPath(e.target.value)} data-testid="stations-import-path" />
        </Field>
        <Field label={t('stations.fingerprint')}>
          <input value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} data-testid="stations-import-fingerprint" />
        </Field>
        <button type="button" onClick={() => void go()} disabled={action.busy || path.trim() === ''} {...may('importStationReturn')}>
          {t('stations.importGo')}
        </button>
      </div>
      <ErrorNote error={action.error} />
      {message && <OkNote testId="stations-imported">{message}</OkNote>}
    </section>
  );
}

function StationList({ stations }: { stations: StationsOverviewView['stations'] }) {
  const t = useT();
  return (
    <section className="ui-card" data-testid="stations-list">
      <h3>{t('stations.list')}</h3>
      <table className="ui-table">
        <thead>
          <tr>
            <th>{t('stations.col.station')}</th>
            <th>{t('stations.col.key')}</th>
            <th>{t('stations.col.returns')}</th>
            <th>{t('stations.col.boxes')}</th>
            <th>{t('stations.col.anomalies')}</th>
          </tr>
        </thead>
        <tbody>
          {stations.map((s) => (
            <tr key={s.station} data-testid={`stations-row-${s.station}`}>
              <th>
                {s.name} ({s.station})
              </th>
              <td className="stations-fingerprint">{s.fingerprint ? s.fingerprint.slice(0, 32).toUpperCase().replace(/(.{4})(?!$)/g, '$1 ') : t('stations.none')}</td>
              <td>{s.returns.length > 0 ? s.returns.map((r) => `${r.sequence}${r.closing ? '✓' : ''}`).join(', ') : t('stations.none')}</td>
              <td>{s.boxes.map((b) => `${b.box}/${b.round}: ${b.returned} / ${b.issuedHere}`).join('；') || t('stations.none')}</td>
              <td>
                {s.anomalies.length === 0
                  ? t('stations.none')
                  : s.anomalies.map((a) => `${t(`stations.anomaly.${a.kind}`)} ${a.subject}`).join('；')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StationLaptopCard({ laptop, onWritten }: { laptop: NonNullable<StationsOverviewView['laptop']>; onWritten: () => void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall();
  const action = useAction();
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const next = laptop.returnsWritten + 1;
  const go = async () => {
    setMessage(null);
    const r = await action.run(() => api.call('writeStationReturn', { name: `${laptop.station}-return-${next}.json`, closing, overwrite: false }));
    if (!r) return;
    setMessage(t('stations.returnWritten', { sequence: r.sequence, path: r.path, issuances: r.issuances, hash: r.payloadHash }));
    onWritten();
  };
  return (
    <section className="ui-card" data-testid="stations-laptop">
      <h3>{t('stations.laptop', { station: laptop.station })}</h3>
      <p className="ui-muted">{t('stations.laptopHint')}</p>
      <p>
        {t('stations.ownKey')}: <strong className="stations-fingerprint" data-testid="stations-own-key">{laptop.stationKey.short}</strong>
      </p>
      <h4>{t('stations.writeReturn')}</h4>
      <div className="ui-row">
        <label className="ui-check">
          <input type="checkbox" checked={closing} onChange={(e) => setClosing(e.target.checked)} />
          {t('stations.closing')}
        </label>
        <button type="button" onClick={() => void go()} disabled={action.busy} {...may('writeStationReturn')}>
          {t('stations.writeGo')}
        </button>
      </div>
      <ErrorNote error={action.error} />
      {message && <OkNote testId="stations-return-written">{message}</OkNote>}
      {message && <SlipButton slip={{ kind: 'return' }} testId="stations-return-slip" />}
    </section>
  );
}
