import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, Field, useAction } from '../../ui';
import { SlipButton } from '../stations/SlipButton';

/**
 * On a fresh file (docs/stations.md, "never lose the day"): take over a station whose laptop died, from its package
 * and that laptop's second copy; or rebuild an election file from its second copy. Reloads when done.
 */
export function TakeOverStation() {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const [pkg, setPkg] = useState('');
  const [copy, setCopy] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [tookOver, setTookOver] = useState(false);
  const takeOver = async () => {
    const r = await action.run(() => api.call('takeOverStation', { packagePath: pkg.trim(), copyPath: copy.trim(), fingerprint: fingerprint.trim() }));
    setTookOver(r !== undefined);
    if (r) setDone(t('copy.takenOver', { station: r.station.name, old: r.oldKey.slice(0, 32).toUpperCase(), key: r.stationKey.short, issuances: r.issuances }));
  };
  const restore = async () => {
    const r = await action.run(() => api.call('restoreFromCopy', { copyPath: copy.trim() }));
    if (r) setDone(t('copy.restored', { title: r.electionTitle, writes: r.writes, issuances: r.issuances, head: r.auditHead.count }));
  };
  return (
    <section className="ui-card" data-testid="start-takeover">
      <h3>{t('copy.takeoverTitle')}</h3>
      <p className="ui-muted">{t('copy.takeoverHint')}</p>
      <div className="ui-row">
        <Field label={t('copy.copyPath')}>
          <input value={copy} onChange={(e) => setCopy(e.target.value)} data-testid="takeover-copy" />
        </Field>
        <Field label={t('start.packagePath')}>
          <input value={pkg} onChange={(e) => setPkg(e.target.value)} data-testid="takeover-package" />
        </Field>
        <Field label={t('start.packageFingerprint')}>
          <input value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} data-testid="takeover-fingerprint" />
        </Field>
      </div>
      <div className="ui-row">
        <button type="button" onClick={() => void takeOver()} disabled={action.busy || done !== null || !pkg.trim() || !copy.trim() || !fingerprint.trim()} data-testid="takeover-go">
          {t('copy.takeoverGo')}
        </button>
        <button type="button" onClick={() => void restore()} disabled={action.busy || done !== null || !copy.trim()} data-testid="restore-go">
          {t('copy.restoreGo')}
        </button>
      </div>
      {done && (
        <p className="ui-text-ok" data-testid="takeover-done">
          {done} <button type="button" onClick={() => window.location.reload()}>{t('copy.continue')}</button>
        </p>
      )}
      {tookOver && <SlipButton slip={{ kind: 'takeover' }} testId="takeover-slip" />}
      <ErrorNote error={action.error} />
    </section>
  );
}
