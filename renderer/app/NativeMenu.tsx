import { useEffect, useRef, useState } from 'react';
import { printPage, shellClient } from '../api/shell';
import { errorText } from '../ui';
import { LeaveConfirm } from '../pages/start/LeaveConfirm';
import type { LeaveConfirmation, OpenRound } from '../pages/start/open-rounds';
import { useLang } from './i18n';
import { followMenuCommands } from './native-menu';

interface Asking {
  open: OpenRound[];
  target: string;
  answer(leave: LeaveConfirmation | null): void;
}

const fileName = (path: string) => path.split(/[\\/]/).pop()!.replace(/\.sqlite$/, '');

/**
 * Wires Electron's native File and Language menus to the page, and tells the menus the page's language. In browser
 * mode there is no shell and it does nothing (the page's own buttons do it all). A file switch from the menu that the
 * open file's voting or counting holds brings up the Start page's confirmation: the rounds, a committee member's PIN.
 */
export function NativeMenu() {
  const { t, lang, setLang } = useLang();
  const shell = shellClient();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [asking, setAsking] = useState<Asking | null>(null);
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
        confirmLeave: (open, target) =>
          new Promise((resolve) =>
            setAsking({
              open,
              target,
              answer: (leave) => {
                setAsking(null);
                resolve(leave);
              },
            }),
          ),
      },
      (err) => window.alert(errorText(err, langRef.current)),
    );
    return follower.stop;
  }, [shell, setLang]);
  useEffect(() => {
    if (shell) shell.call('shell:setLanguage', { lang }).catch(() => {});
  }, [shell, lang]);
  if (asking === null) return null;
  return (
    <section className="menu-leave ui-stack" role="dialog" aria-modal="true" aria-label={t('files.leaveTitle')}>
      <LeaveConfirm open={asking.open} target={fileName(asking.target)} busy={false} onConfirm={(l) => asking.answer(l)} />
      <button type="button" onClick={() => asking.answer(null)}>
        {t('files.leaveCancel')}
      </button>
    </section>
  );
}
