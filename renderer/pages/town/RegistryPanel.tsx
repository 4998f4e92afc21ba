import { useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { ErrorNote, Field, Loading, OkNote, useAction, useLoad } from '../../ui';

/** Groups of four upper-case hex digits, as the tally sheet prints a fingerprint. */
function grouped(hex: string): string {
  return hex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}

/**
 * The key registry: a community's station-key fingerprint typed from its tally sheet, or the sheet's QR text read by a
 * keyboard-wedge scanner into the focused scan field (it types the text and presses Enter), and the keys registered.
 */
export function RegistryPanel() {
  const api = useApi();
  const t = useT();
  const when = useWhen();
  const keys = useLoad(() => api.call('townKeys', {}), [api]);
  const action = useAction();
  const [community, setCommunity] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [qr, setQr] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  const register = async (given: { fingerprint: string } | { qr: string }) => {
    setDone(null);
    const r = await action.run(() => api.call('townRegisterKey', { community: community.trim(), ...given }));
    if (!r) return;
    const fp = grouped(r.fingerprint.slice(0, 32));
    setDone(r.added ? t('town.registry.added', { community: r.community, fingerprint: fp, via: t(`town.via.${r.via}`) }) : t('town.registry.already', { community: r.community, fingerprint: fp }));
    if ('qr' in given) {
      setQr('');
      scanRef.current?.focus();
    } else setFingerprint('');
    keys.reload();
  };

  return (
    <div className="ui-screen ui-stack" data-testid="town-registry">
      <h2>{t('town.registry.title')}</h2>
      <p className="ui-muted">{t('town.registry.explain')}</p>
      <section className="ui-card ui-stack">
        <Field label={t('town.registry.community')}>
          <input value={community} onChange={(e) => setCommunity(e.target.value)} data-testid="town-registry-community" />
        </Field>
        <form className="ui-row" onSubmit={(e) => { e.preventDefault(); void register({ fingerprint }); }}>
          <Field label={t('town.registry.fingerprint')}>
            <input className="town-fingerprint" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} data-testid="town-registry-fingerprint" />
          </Field>
          <button type="submit" disabled={action.busy || community.trim() === '' || fingerprint.trim() === ''} data-testid="town-registry-typed-go">
            {t('town.registry.typedGo')}
          </button>
        </form>
        <form className="ui-stack" onSubmit={(e) => { e.preventDefault(); if (qr.trim() !== '') void register({ qr }); }}>
          <p>{t('town.registry.scan')}</p>
          <div className="ui-row">
            <Field label={t('town.registry.scanField')}>
              <input ref={scanRef} className="town-qr" value={qr} onChange={(e) => setQr(e.target.value)} autoComplete="off" spellCheck={false} data-testid="town-registry-qr" />
            </Field>
            <button type="submit" disabled={action.busy || community.trim() === '' || qr.trim() === ''}>
              {t('town.registry.scanGo')}
            </button>
          </div>
        </form>
        <ErrorNote error={action.error} />
        {done && <OkNote testId="town-registry-done">{done}</OkNote>}
      </section>
      <section className="ui-card">
        <h3>{t('town.registry.list')}</h3>
        <ErrorNote error={keys.error} />
        {keys.loading && !keys.data && <Loading />}
        {keys.data && keys.data.keys.length === 0 && <p>{t('town.registry.none')}</p>}
        {keys.data && keys.data.keys.length > 0 && (
          <div className="ui-scroll">
            <table className="ui-table" data-testid="town-registry-keys">
              <thead>
                <tr>
                  <th>{t('town.registry.col.community')}</th>
                  <th>{t('town.registry.col.fingerprint')}</th>
                  <th>{t('town.registry.col.via')}</th>
                  <th>{t('town.registry.col.at')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.keys.map((k) => (
                  <tr key={`${k.community}\u0000${k.fingerprint}`}>
                    <td>{k.community}</td>
                    <td className="town-fingerprint">{grouped(k.fingerprint.slice(0, 32))}</td>
                    <td>{t(`town.via.${k.via}`)}</td>
                    <td>{when.dateTime(k.registeredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
