import { useEffect, useRef } from 'react';
import { useT } from './i18n';
import { digitOfPage, PAGES } from './pages';

/** The keyboard help (F1 or ?). A modal <dialog>: focus stays inside, Esc closes, focus returns where it was. */
export function HelpOverlay({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const rows: [string, string][] = [
    [PAGES.length > 9 ? 'Alt+1 … Alt+9, Alt+0' : `Alt+1 … Alt+${PAGES.length}`, `${t('help.keyPages')}: ${PAGES.map((p, i) => (digitOfPage(i) === null ? t(p.label) : `${digitOfPage(i)} ${t(p.label)}`)).join('　')}`],
    ['F1 / ?', t('help.keyHelp')],
    ['Alt+L', t('help.keyLang')],
    ['Ctrl+Shift+S', t('help.keySwitch')],
    ['Ctrl+Shift+L', t('help.keySignOut')],
  ];
  const ballotKeys = [
    t('ballot.keys.number'),
    t('ballot.keys.minus'),
    t('ballot.keys.w'),
    t('ballot.keys.tab'),
    t('ballot.keys.enter'),
    t('ballot.keys.v'),
    t('ballot.keys.d'),
    t('ballot.keys.backspace'),
    t('ballot.keys.esc'),
  ];
  return (
    <dialog ref={ref} className="help" aria-labelledby="help-title" onClose={onClose} data-testid="help">
      <h2 id="help-title">{t('help.title')}</h2>
      <p>{t('help.keyboardOnly')}</p>
      <h3>{t('help.global')}</h3>
      <table className="keys">
        <tbody>
          {rows.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('help.desk')}</h3>
      <ul>
        <li>{t('desk.inputLabel')}</li>
        <li>{t('desk.keys.f2')}</li>
        <li>{t('desk.keys.f3')}</li>
        <li>F4 {t('deskfind.open')}</li>
      </ul>
      <h3>{t('help.counting')}</h3>
      <ul>
        {ballotKeys.map((k) => (
          <li key={k}>{k}</li>
        ))}
      </ul>
      <button type="button" onClick={onClose} autoFocus>
        {t('help.close')}
      </button>
    </dialog>
  );
}
