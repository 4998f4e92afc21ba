import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { HelpOverlay } from './HelpOverlay';
import { useElection } from './election-context';
import { useLang } from './i18n';
import { digitOfPage, pageIndexOfDigit, PAGES, type PageId } from './pages';
import { hrefFor, useHashRoute, type Route } from './router';
import { useIdleSignOut } from './session/idle';
import { SessionBar } from './session/SessionBar';
import { useSession } from './session/session-context';
import { SignInForm } from './session/SignInForm';
import { SignInOverlay } from './session/SignInOverlay';

export type PageRenderers = Partial<Record<PageId, (route: Route) => ReactNode>>;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Pages that work without sign-in: the Drill page calls only methods open to anyone. */
const OPEN_PAGES: ReadonlySet<PageId> = new Set(['drill']);

/**
 * The frame around every screen: drill banner, top bar (title, who is signed in, language, help), page tabs, and
 * the global keys (Alt+1…9 and Alt+0 pages, F1 or ? help, Alt+L language, Ctrl+Shift+S switch person, Ctrl+Shift+L sign out).
 * Once the election asks for sign-in, a page is shown only to a signed-in person (the sign-in form stands in its
 * place, with `besideSignIn` under it: the election files, so that another file is never behind a sign-in); a session
 * that ends while a page is shown brings the sign-in overlay over that page.
 */
export function AppShell({ pages, fallback, besideSignIn }: { pages: PageRenderers; fallback?: (route: Route) => ReactNode; besideSignIn?: ReactNode }) {
  const { t, lang, toggleLang } = useLang();
  const { election, drillFile } = useElection();
  const [route, go] = useHashRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const { authority, session, overlay, openSwitch, signOut, refresh } = useSession();
  useIdleSignOut();
  // Another election (a drill just played, a file opened) may ask for sign-in where the one before did not.
  useEffect(() => refresh(), [election, refresh]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const n = /^Digit([0-9])$/.exec(e.code)?.[1];
        const page = n ? PAGES[pageIndexOfDigit(Number(n))] : undefined;
        if (page) {
          e.preventDefault();
          go(page.id);
          return;
        }
        if (e.code === 'KeyL') {
          e.preventDefault();
          toggleLang();
          return;
        }
      }
      if (e.ctrlKey && e.shiftKey && !e.altKey && !e.metaKey && (e.code === 'KeyS' || e.code === 'KeyL')) {
        e.preventDefault();
        if (e.code === 'KeyS') openSwitch();
        else void signOut();
        return;
      }
      if (e.key === 'F1' || (e.key === '?' && !isEditable(e.target))) {
        e.preventDefault();
        setHelpOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, toggleLang, openSwitch, signOut]);

  const current = PAGES.find((p) => p.id === route.page)!;
  const render = pages[route.page] ?? fallback;
  const drill = election?.drill === true || drillFile;
  const walled = authority === 'established' && session === null && overlay === null && !OPEN_PAGES.has(route.page);

  useEffect(() => {
    const parts = [t(current.label), election?.title ?? t('app.name')];
    if (drill) parts.unshift(`【${t('drill.badge')}】`);
    document.title = parts.join(' — ');
  }, [t, current, election, drill]);

  return (
    <div className={drill ? 'shell shell-drill' : 'shell'} data-lang={lang}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      {drill && (
        <div className="drill-banner" role="status" data-testid="drill-banner">
          <span>{t('drill.banner')}</span>
        </div>
      )}
      <header className="topbar">
        <h1 className="topbar-title" data-testid="election-title">
          {drill && <span className="drill-badge">{t('drill.badge')}</span>}
          {election?.title ?? t('app.noElection')}
        </h1>
        <div className="topbar-actions">
          <SessionBar />
          <button type="button" className="lang-switch" onClick={toggleLang} aria-label={t('lang.switchLabel')} data-testid="lang-switch"
            // The button names the other language in that language, for a person who cannot read this one.
            lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}>
            {t('lang.switch')}
          </button>
          <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="F1">
            {t('help.open')} <kbd>F1</kbd>
          </button>
        </div>
      </header>
      <nav className="tabs" aria-label={t('nav.label')}>
        {PAGES.map((p, i) => (
          <a
            key={p.id}
            href={hrefFor(p.id)}
            className="tab"
            aria-current={p.id === route.page ? 'page' : undefined}
            aria-keyshortcuts={digitOfPage(i) === null ? undefined : `Alt+${digitOfPage(i)}`}
            data-testid={`tab-${p.id}`}
          >
            <span className="tab-label">{t(p.label)}</span>
            {digitOfPage(i) !== null && <kbd className="tab-key">{t('nav.keyHint', { n: digitOfPage(i)! })}</kbd>}
          </a>
        ))}
      </nav>
      <main id="main" tabIndex={-1} className="page" data-page={route.page} aria-label={t(current.label)}>
        {authority === null && !OPEN_PAGES.has(route.page) ? null : walled ? (
          <div className="ui-card signin-wall" data-testid="signin-wall">
            <SignInForm />
            {besideSignIn}
          </div>
        ) : render ? (
          render(route)
        ) : (
          <p className="placeholder">{t('page.placeholder')}</p>
        )}
      </main>
      <HelpOverlay open={helpOpen} onClose={closeHelp} />
      <SignInOverlay />
    </div>
  );
}
