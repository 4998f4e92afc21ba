import { useState } from 'react';
import type { TownFileView } from '../../../shared/api/town';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hasShell, requireShell } from '../../api/shell';
import { ErrorNote, Field, useAction } from '../../ui';
import { townHref } from './town-route';

/** Opening or creating the town office file (a path in browser mode, the native dialogs in Electron), or closing it. */
export function TownFilePanel({ view, onChanged }: { view: TownFileView; onChanged: () => void }) {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const [openPath, setOpenPath] = useState(view.open?.file ?? view.defaultFile);
  const [newPath, setNewPath] = useState(view.defaultFile);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const shell = hasShell();

  const opened = () => {
    onChanged();
    window.location.hash = townHref('board');
  };
  const openFile = async (file: string) => {
    if (await action.run(() => api.call('townOpenFile', { file }))) opened();
  };
  const createFile = async () => {
    if (await action.run(() => api.call('townCreateFile', { file: newPath.trim(), name: name.trim(), followUpDays: Number(days) }))) opened();
  };
  const chooseToOpen = async () => {
    const r = await action.run(() => requireShell().call('shell:openFile', { title: t('town.file.openTitle'), filters: [{ name: 'SQLite', extensions: ['sqlite', 'db', '*'] }] }));
    if (r && !r.canceled) await openFile(r.path);
  };
  const chooseToCreate = async () => {
    const r = await action.run(() => requireShell().call('shell:chooseSavePath', { title: t('town.file.createTitle'), defaultName: 'town.sqlite', filters: [{ name: 'SQLite', extensions: ['sqlite'] }] }));
    if (r && !r.canceled) setNewPath(r.path);
  };
  const close = async () => {
    if (await action.run(() => api.call('townCloseFile', {}))) onChanged();
  };

  return (
    <div className="ui-screen ui-stack" data-testid="town-file">
      <h2>{t('town.file.title')}</h2>
      <p className="ui-muted">{t('town.file.explain')}</p>
      <section className="ui-card">
        <h3>{t('town.file.current')}</h3>
        {view.open ? (
          <div className="ui-row">
            <p>
              <strong>{view.open.name}</strong> <code className="ui-code" data-testid="town-file-current">{view.open.file}</code>
            </p>
            <button type="button" onClick={() => void close()} disabled={action.busy}>
              {t('town.file.close')}
            </button>
          </div>
        ) : (
          <p>{t('town.file.none')}</p>
        )}
      </section>
      <form className="ui-card" onSubmit={(e) => { e.preventDefault(); void openFile(openPath.trim()); }}>
        <h3>{t('town.file.openTitle')}</h3>
        <div className="ui-row">
          <Field label={t('town.file.path')}>
            <input className="town-path" value={openPath} onChange={(e) => setOpenPath(e.target.value)} data-testid="town-open-path" />
          </Field>
          <button type="submit" disabled={action.busy || openPath.trim() === ''} data-testid="town-open-go">
            {t('town.file.openGo')}
          </button>
          {shell && (
            <button type="button" onClick={() => void chooseToOpen()} disabled={action.busy}>
              {t('town.file.choose')}
            </button>
          )}
        </div>
      </form>
      <form className="ui-card" onSubmit={(e) => { e.preventDefault(); void createFile(); }}>
        <h3>{t('town.file.createTitle')}</h3>
        <div className="ui-row">
          <Field label={t('town.file.name')}>
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="town-create-name" />
          </Field>
          <Field label={t('town.file.days')}>
            <input className="ui-input-short" type="number" min={0} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
          </Field>
        </div>
        <div className="ui-row">
          <Field label={t('town.file.path')}>
            <input className="town-path" value={newPath} onChange={(e) => setNewPath(e.target.value)} data-testid="town-create-path" />
          </Field>
          {shell && (
            <button type="button" onClick={() => void chooseToCreate()} disabled={action.busy}>
              {t('town.file.choose')}
            </button>
          )}
          <button type="submit" disabled={action.busy || name.trim() === '' || newPath.trim() === ''} data-testid="town-create-go">
            {t('town.file.createGo')}
          </button>
        </div>
      </form>
      <ErrorNote error={action.error} />
    </div>
  );
}
