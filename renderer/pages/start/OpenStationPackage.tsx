import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, Field, useAction } from '../../ui';

/** On a fresh file: open a station package (checked against the central fingerprint from its slip), then reload. */
export function OpenStationPackage() {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const [path, setPath] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const go = async () => {
    const r = await action.run(() => api.call('openStationPackage', { path: path.trim(), fingerprint: fingerprint.trim() }));
    if (r) window.location.reload();
  };
  return (
    <section className="ui-card" data-testid="start-open-package">
      <h3>{t('start.openPackage')}</h3>
      <p className="ui-muted">{t('start.openPackageHint')}</p>
      <div className="ui-row">
        <Field label={t('start.packagePath')}>
          <input value={path} onChange={(e) => setPath(e.target.value)} data-testid="start-package-path" />
        </Field>
        <Field label={t('start.packageFingerprint')}>
          <input value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} data-testid="start-package-fingerprint" />
        </Field>
        <button type="button" onClick={() => void go()} disabled={action.busy || path.trim() === '' || fingerprint.trim() === ''}>
          {t('start.openPackageGo')}
        </button>
      </div>
      <ErrorNote error={action.error} />
    </section>
  );
}
