import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import { ErrorNote, Field, useAction } from '../../ui';
import type { TallySheetData } from './TallySheet';
import { useSession } from '../../app/session/session-context';

/**
 * Each official signs as themself: the person signed in at this window, in one of their roles on the sheet (↑↓),
 * re-typing their own PIN, Enter. A wrong PIN is refused by the backend (and audited); the field clears and stays
 * ready for another try.
 */
export function SignPanel({ round, sheet, onSigned }: { round: number; sheet: TallySheetData; onSigned(name: string): void | Promise<void> }) {
  const { t, lang } = useLang();
  const api = useApi();
  const me = useSession().session;
  const officials = sheet.officials;
  const unsigned = officials.filter((o) => !o.signed && o.person === me?.person);
  const keyOf = (o: (typeof officials)[number]) => `${o.person}:${o.role}`;
  const [who, setWho] = useState<string>(unsigned[0] ? keyOf(unsigned[0]) : '');
  const [pin, setPin] = useState('');
  const action = useAction();
  const pinRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A line of someone else (the person at the window changed) or one signed since is never left chosen.
    if (!unsigned.some((o) => keyOf(o) === who)) setWho(unsigned[0] ? keyOf(unsigned[0]) : '');
  }, [sheet, me]); // eslint-disable-line react-hooks/exhaustive-deps

  const chosen = officials.find((o) => keyOf(o) === who);
  const sign = async () => {
    if (!chosen) return;
    const r = await action.run(() =>
      api.call('signResult', { round, role: chosen.role, pin, resultHash: sheet.resultHash }),
    );
    setPin('');
    if (r) await onSigned(chosen.name);
    pinRef.current?.focus();
  };

  return (
    <section className="ui-card" aria-labelledby="sign-panel-title" data-testid="sign-panel">
      <h3 id="sign-panel-title">{t('signoff.sign.title')}</h3>
      <p className="ui-muted">{t('signoff.sign.explain')}</p>
      <ul className="signoff-officials" data-testid="officials">
        {officials.map((o) => (
          <li key={keyOf(o)} className={o.signed ? 'ui-text-good' : undefined} data-testid={`official-${o.person}-${o.role}`} data-signed={o.signed ? 'yes' : 'no'}>
            {o.signed ? '✓' : '○'} {o.name} <small>{(lang === 'en' ? o.roleName.en : o.roleName.zh)}</small>
            {o.signed && !o.signed.current && <strong className="ui-text-bad"> {t('signoff.sign.stale')}</strong>}
          </li>
        ))}
      </ul>
      {officials.length === 0 && <p className="ui-text-warn">{t('signoff.sign.noOfficials')}</p>}
      {officials.length > 0 && officials.every((o) => o.signed) ? (
        <p className="ui-text-good ui-lead" data-testid="all-signed">
          {t('signoff.sign.allSigned')}
        </p>
      ) : me === null ? (
        <p className="ui-text-warn" data-testid="sign-in-first">
          {t('signoff.sign.signInFirst')}
        </p>
      ) : unsigned.length === 0 ? (
        <p className="ui-muted" data-testid="nothing-to-sign">
          {t('signoff.sign.nothingToSign')}
        </p>
      ) : (
        <form
          className="ui-row"
          onSubmit={(e) => {
            e.preventDefault();
            void sign();
          }}
        >
          <Field label={t('signoff.sign.who')}>
            <select value={who} onChange={(e) => setWho(e.target.value)} autoFocus data-testid="signer">
              {unsigned.map((o) => (
                <option key={keyOf(o)} value={keyOf(o)}>
                  {o.name}
                  {t('b.paren', { text: lang === 'en' ? o.roleName.en : o.roleName.zh })}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('signoff.sign.pin')}>
            <input
              ref={pinRef}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              data-testid="signer-pin"
              size={8}
            />
          </Field>
          <button type="submit" className="ui-primary" disabled={action.busy || pin === '' || !chosen} data-testid="sign">
            {t('signoff.sign.button')}
          </button>
        </form>
      )}
      <ErrorNote error={action.error} testId="sign-error" />
    </section>
  );
}
