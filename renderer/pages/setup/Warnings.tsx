import { useLang } from '../../app/i18n';
import { ruleNoticeIn } from '../rules-message';
import type { Overview } from './overview';

/** Set-up warnings from the backend (candidate margin, no woman candidate), in words. */
export function Warnings({ warnings }: { warnings: Overview['warnings'] }) {
  const { t, lang } = useLang();
  if (warnings.length === 0) return null;
  return (
    <div className="setup-warnings" role="alert" data-testid="setup-warnings">
      <h3>{t('setup.warnings')}</h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={i} data-code={w.code}>
            {ruleNoticeIn(w, lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}
