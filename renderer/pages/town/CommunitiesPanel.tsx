import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hasShell, requireShell } from '../../api/shell';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import { bytesToBase64 } from '../../api/base64';

/** The town's community list from a CSV/XLSX file: a path on this computer, an uploaded file, or the open dialog. */
export function CommunitiesPanel() {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const [path, setPath] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const run = async (input: { path: string } | { name: string; contentBase64: string }) => {
    setDone(null);
    const r = await action.run(() => api.call('townImportCommunities', input));
    if (r) setDone(t('town.communities.done', { added: r.added.length, known: r.known }));
  };
  const upload = async (file: File | undefined) => {
    if (file) await run({ name: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
  };
  const choose = async () => {
    const r = await action.run(() => requireShell().call('shell:openFile', { title: t('town.communities.choose'), filters: [{ name: 'CSV / XLSX', extensions: ['csv', 'xlsx'] }] }));
    if (r && !r.canceled) await run({ path: r.path });
  };

  return (
    <div className="ui-screen ui-stack" data-testid="town-communities">
      <h2>{t('town.communities.title')}</h2>
      <p className="ui-muted">{t('town.communities.explain')}</p>
      <section className="ui-card ui-stack">
        <form className="ui-row" onSubmit={(e) => { e.preventDefault(); void run({ path: path.trim() }); }}>
          <Field label={t('town.communities.path')}>
            <input className="town-path" value={path} onChange={(e) => setPath(e.target.value)} data-testid="town-communities-path" />
          </Field>
          <button type="submit" disabled={action.busy || path.trim() === ''}>
            {t('town.communities.pathGo')}
          </button>
        </form>
        {hasShell() ? (
          <button type="button" onClick={() => void choose()} disabled={action.busy}>
            {t('town.communities.choose')}
          </button>
        ) : (
          <Field label={t('town.communities.upload')}>
            <input type="file" accept=".csv,.xlsx" onChange={(e) => void upload(e.target.files?.[0])} data-testid="town-communities-upload" />
          </Field>
        )}
        <ErrorNote error={action.error} />
        {done && <OkNote testId="town-communities-done">{done}</OkNote>}
      </section>
    </div>
  );
}
