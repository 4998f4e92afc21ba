import { useEffect, useRef } from 'react';
import { printPage, shellClient } from '../api/shell';
import { errorText } from '../ui';
import { useLang } from './i18n';
import { followMenuCommands } from './native-menu';

/**
 * Wires Electron's native File and Language menus to the page, and tells the menus the page's language. Renders
 * nothing; in browser mode there is no shell and it does nothing (the page's own buttons do it all).
 */
export function NativeMenu() {
  const { lang, setLang } = useLang();
  const shell = shellClient();
  const langRef = useRef(lang);
  langRef.current = lang;
  useEffect(() => {
    if (!shell) return;
    const follower = followMenuCommands(
      shell,
      {
        navigate: (hash) => {
          window.location.hash = hash;
        },
        setLang,
        print: printPage,
        reload: () => window.location.reload(),
      },
      (err) => window.alert(errorText(err, langRef.current)),
    );
    return follower.stop;
  }, [shell, setLang]);
  useEffect(() => {
    if (shell) shell.call('shell:setLanguage', { lang }).catch(() => {});
  }, [shell, lang]);
  return null;
}
