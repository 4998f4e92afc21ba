import { useMemo, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { printPage } from '../../api/shell';
import { CertificateCard } from './CertificateCard';
import type { Overview } from './overview';
import { ErrorNote, Field, useAction } from '../../ui';
import { loadVoterCards, type VoterCard } from './voter-cards';

const CARDS_PER_SHEET = 10;

/** Voter certificates on A4 sheets (2 × 5 cards), for the whole roll or one residents' group. */
export function CertificatesTab({ overview }: { overview: Overview }) {
  const api = useApi();
  const t = useT();
  const [cards, setCards] = useState<VoterCard[] | null>(null);
  const [progress, setProgress] = useState<{ found: number; expected: number } | null>(null);
  const [group, setGroup] = useState('');
  const action = useAction();
  const e = overview.election!;

  const load = async () => {
    setCards(null);
    const loaded = await action.run(async () => {
      setProgress({ found: 0, expected: 0 });
      return loadVoterCards(api, { onProgress: (found, expected) => setProgress({ found, expected }) });
    });
    if (loaded) setCards(loaded);
  };

  const groups = useMemo(() => [...new Set((cards ?? []).map((c) => c.group))], [cards]);
  const shown = (cards ?? []).filter((c) => group === '' || c.group === group);
  const sheets: VoterCard[][] = [];
  for (let i = 0; i < shown.length; i += CARDS_PER_SHEET) sheets.push(shown.slice(i, i + CARDS_PER_SHEET));

  return (
    <div data-testid="setup-certificates">
      <section className="ui-card ui-no-print">
        <h2>{t('setup.cert.title')}</h2>
        <p className="ui-muted">{t('setup.cert.hint')}</p>
        <div className="ui-grid">
          {cards && (
            <Field label={t('setup.cert.group')}>
              <select value={group} onChange={(ev) => setGroup(ev.target.value)} data-testid="cert-group">
                <option value="">{t('setup.cert.allGroups')}</option>
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        <div className="ui-actions">
          <button type="button" onClick={() => void load()} disabled={action.busy} data-testid="cert-load">
            {t('setup.cert.load')}
          </button>
          <button type="button" className="ui-primary" onClick={() => void printPage()} disabled={shown.length === 0} data-testid="cert-print">
            {t('setup.cert.print', { n: shown.length, sheets: sheets.length })}
          </button>
        </div>
        {action.busy && progress && (
          <p className="setup-progress" role="status">
            <progress value={progress.found} max={Math.max(progress.expected, 1)} /> {t('setup.cert.loading', progress)}
          </p>
        )}
        {cards && progress && cards.length < progress.expected && (
          <p className="ui-text-warn" role="alert">
            {t('setup.cert.missing', { found: cards.length, expected: progress.expected })}
          </p>
        )}
        <ErrorNote error={action.error} />
      </section>
      {sheets.length > 0 && (
        <div data-testid="cert-sheets">
          {sheets.map((sheet, i) => (
            <div key={i} className="setup-cert-sheet">
              {sheet.map((c) => (
                <CertificateCard key={c.certificate} card={c} title={e.title} drill={e.drill} />
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
