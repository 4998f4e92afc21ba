import { useState } from 'react';
import { ELECTION_FILE_NAME_MAX, electionFileNameProblem } from '../../../shared/api/files';
import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { ErrorNote, Field, useLoad } from '../../ui';
import { LeaveConfirm } from './LeaveConfirm';
import { openRoundsOf, useSwitchFile } from './switch-file';
import './start.css';

/**
 * The election files of the data folder (browser mode and Electron alike): each with its election, day, whether it is
 * a drill and when it last changed; open one, or create a new one (a drill file if ticked) by typing its name.
 */
export function DataFolderFiles() {
  const t = useT();
  const when = useWhen();
  const api = useApi();
  const list = useLoad(() => api.call('listElectionFiles', {}), [api]);
  const { action, create, open, confirm, pending } = useSwitchFile();
  const openRounds = openRoundsOf(action.error);
  const [name, setName] = useState('');
  const [drill, setDrill] = useState(false);
  const l = list.data;
  if (l && !l.switchable) return null;
  const others = l?.files.filter((f) => !f.current) ?? [];
  const typed = name.trim();
  const bad = typed !== '' && electionFileNameProblem(typed) !== null;
  return (
    <div className="start-files" data-testid="data-folder-files">
      {l && <p className="ui-muted" data-testid="data-folder">{t('files.folder', { folder: l.folder })}</p>}
      {l && l.files.length > 0 && (
        <div className="ui-scroll">
          <table className="ui-table ui-table-rows" data-testid="election-file-list">
            <thead>
              <tr>
                <th>{t('files.colName')}</th>
                <th>{t('files.colElection')}</th>
                <th>{t('files.colDate')}</th>
                <th>{t('files.colKind')}</th>
                <th>{t('files.colChanged')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {l.files.map((f) => (
                <tr key={f.name} data-testid="election-file" data-name={f.name} data-current={f.current ? 'yes' : 'no'}>
                  <td className="ui-mono">{f.name}</td>
                  <td>{f.title ?? (f.readable ? t('files.noElection') : t('files.unreadable'))}</td>
                  <td>{f.date ? when.date(f.date) : '—'}</td>
                  <td>{f.drill ? <span className="drill-badge">{t('files.kindDrill')}</span> : t('files.kindReal')}</td>
                  <td>{when.dateTime(f.lastChange)}</td>
                  <td>
                    {f.current ? (
                      <strong>{t('files.current')}</strong>
                    ) : (
                      <button type="button" onClick={() => void open(f.name)} disabled={action.busy || !f.readable} aria-label={`${t('files.openThis')} ${f.name}`}>
                        {t('files.openThis')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {l && others.length === 0 && <p className="ui-muted">{t('files.none')}</p>}
      <form
        className="ui-row start-files-new"
        onSubmit={(e) => {
          e.preventDefault();
          void create(typed, drill);
        }}
      >
        <Field label={t('files.newName')} hint={bad ? t('files.badName', { max: ELECTION_FILE_NAME_MAX }) : undefined}>
          <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="new-file-name" />
        </Field>
        <label className="ui-check">
          <input type="checkbox" checked={drill} onChange={(e) => setDrill(e.target.checked)} data-testid="new-file-drill" />
          {t('files.newDrill')}
        </label>
        <button type="submit" disabled={action.busy || typed === '' || bad} data-testid="new-file-go">
          {t('files.create')}
        </button>
      </form>
      <p className="ui-muted">{t('files.switchNote')}</p>
      <ErrorNote error={action.error ?? list.error} />
      {openRounds && pending && <LeaveConfirm open={openRounds} target={pending.name} busy={action.busy} onConfirm={(l) => void confirm(l)} />}
    </div>
  );
}
