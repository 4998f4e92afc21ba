import { useEffect } from 'react';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import { ErrorNote, Loading, useLoad } from '../../ui';
import { BoardPanel } from './BoardPanel';
import { CommunitiesPanel } from './CommunitiesPanel';
import { ImportPanel } from './ImportPanel';
import { RegistryPanel } from './RegistryPanel';
import { TownFilePanel } from './TownFilePanel';
import { townHref, townTabOf, TOWN_TABS, useHash } from './town-route';
import './town.css';

/**
 * Town-office mode (街道/镇备案): the app on a town office file instead of an election, with its own top bar and
 * pages. Reached from the Start page or by `npm start -- --town`. The town file is a single-operator file: no sign-in.
 */
export function TownApp() {
  const api = useApi();
  const { t, lang, toggleLang } = useLang();
  const hash = useHash();
  const file = useLoad(() => api.call('townFile', {}), [api]);
  const open = file.data?.open ?? null;
  const tab = open === null ? 'file' : townTabOf(hash);

  useEffect(() => {
    document.title = [t(`town.nav.${tab}`), open?.name ?? t('town.title')].join(' — ');
  }, [t, tab, open]);

  return (
    <div className="shell town-shell" data-lang={lang} data-testid="town-app">
      <header className="topbar">
        <h1 className="topbar-title" data-testid="town-title">
          {t('town.title')}
          {open && ` · ${open.name}`}
        </h1>
        <div className="topbar-actions">
          <a className="town-back" href="#/start" data-testid="town-back">
            {t('town.back')}
          </a>
          <button type="button" className="lang-switch" onClick={toggleLang} aria-label={t('lang.switchLabel')} data-testid="lang-switch">
            {t('lang.switch')}
          </button>
        </div>
      </header>
      <nav className="tabs" aria-label={t('town.nav.label')}>
        {TOWN_TABS.filter((id) => open !== null || id === 'file').map((id) => (
          <a key={id} href={townHref(id)} className="tab" aria-current={id === tab ? 'page' : undefined} data-testid={`town-tab-${id}`}>
            <span className="tab-label">{t(`town.nav.${id}`)}</span>
          </a>
        ))}
      </nav>
      <main id="main" tabIndex={-1} className="page" data-page={`town-${tab}`}>
        <ErrorNote error={file.error} />
        {file.loading && !file.data && <Loading />}
        {file.data && tab === 'file' && <TownFilePanel view={file.data} onChanged={file.reload} />}
        {open && tab === 'board' && <BoardPanel />}
        {open && tab === 'registry' && <RegistryPanel />}
        {open && tab === 'communities' && <CommunitiesPanel />}
        {open && tab === 'import' && <ImportPanel />}
      </main>
    </div>
  );
}
