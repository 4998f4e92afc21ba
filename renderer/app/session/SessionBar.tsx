import { useT, useLang } from '../i18n';
import { roleNames } from './may-call';
import { useSession } from './session-context';

/** In the top bar: who is signed in and in which roles, switching person and signing out (also by keys). */
export function SessionBar() {
  const t = useT();
  const { lang } = useLang();
  const { authority, session, signOut, openSwitch } = useSession();
  if (authority === null) return null;
  if (session === null) {
    if (authority === 'open') return null;
    return (
      <button type="button" onClick={openSwitch} aria-keyshortcuts="Control+Shift+S" data-testid="session-signin">
        {t('session.signIn')}
      </button>
    );
  }
  return (
    <div className="session-bar" data-testid="session-bar" data-person={session.person}>
      <span className="session-who" data-testid="session-who">
        {t('session.who', { name: session.name, roles: roleNames(session.roles, lang) || t('session.noRole') })}
      </span>
      <button type="button" onClick={openSwitch} aria-keyshortcuts="Control+Shift+S" data-testid="session-switch">
        {t('session.switch')} <kbd>Ctrl+Shift+S</kbd>
      </button>
      <button type="button" onClick={() => void signOut()} aria-keyshortcuts="Control+Shift+L" data-testid="session-signout">
        {t('session.signOut')} <kbd>Ctrl+Shift+L</kbd>
      </button>
    </div>
  );
}
