import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useElection } from '../../app/election-context';
import { useT } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import type { RoundResult } from './ResultsScreen';

/** How often the display asks whether the result changed. */
export const DISPLAY_CHECK_MS = 15_000;

/**
 * 当场公布: the result on a projector. Huge type, white on black, one office at a time or all of them.
 * Keys: → / PageDown / Space next office, ← / PageUp previous, A all offices, Esc back to the Results screen.
 * It asks every 15 s for the stored result's hash only, and reads the whole result (megabytes for a large
 * community) again only when that hash is not the one shown.
 */
export function PublicDisplay({ round, result, onReload }: { round: number | null; result: RoundResult | null; onReload(): void }) {
  const t = useT();
  const api = useApi();
  const { election } = useElection();
  const ref = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(0);
  const [all, setAll] = useState(false);
  const offices = result?.result.offices ?? [];
  const titles = new Map((result?.record.offices ?? []).map((o) => [o.id, o.title]));
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const shownHash = result?.resultHash ?? null;
  useEffect(() => {
    if (round === null) return;
    const id = setInterval(() => {
      api.call('storedResultHash', { round }).then(
        (r) => r.resultHash !== shownHash && onReload(),
        () => onReload(), // the Results screen's own read says what is wrong
      );
    }, DISPLAY_CHECK_MS);
    return () => clearInterval(id);
  }, [api, round, shownHash, onReload]);
  const shown = all ? offices : offices.slice(page, page + 1);
  const onKey = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const next = () => setPage((p) => Math.min(offices.length - 1, p + 1));
    const prev = () => setPage((p) => Math.max(0, p - 1));
    switch (e.key) {
      case 'ArrowRight':
      case 'PageDown':
      case ' ':
        setAll(false);
        next();
        break;
      case 'ArrowLeft':
      case 'PageUp':
        setAll(false);
        prev();
        break;
      case 'a':
      case 'A':
        setAll((v) => !v);
        break;
      case 'Escape':
        window.location.hash = hrefFor('results');
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  return (
    <div ref={ref} className="results-public" tabIndex={-1} onKeyDown={onKey} role="region" aria-label={t('results.public')} data-testid="public-display">
      {election?.drill && <div className="results-public-drill">{t('drill.banner')}</div>}
      <header className="results-public-head">
        <span>{election?.title ?? ''}</span>
        {round !== null && <span>{t('results.publicRound', { n: round })}</span>}
      </header>
      {!result ? (
        <p className="results-public-empty">{t('results.none')}</p>
      ) : (
        <>
          <div className={all ? 'results-public-summary-all' : undefined}>
            {!result.result.valid && <p className="results-public-invalid">{t('results.invalid')}</p>}
            <p className="results-public-counts">
              {t('results.publicCounts', {
                participants: result.result.counts.participants,
                cast: result.result.counts.ballotsCast,
                void: result.result.counts.voidBallots,
              })}
            </p>
          </div>
          <div className={all ? 'results-public-offices results-public-all' : 'results-public-offices'}>
            {shown.map((o) => (
              <section key={o.office} className="results-public-office" data-testid={`public-office-${o.office}`}>
                <h2>
                  {titles.get(o.office) ?? o.office}
                  <small>{t('results.seats', { seats: o.seats })}</small>
                </h2>
                <ol>
                  {o.results.map((p) => (
                    <li key={p.name} className={`results-public-person results-person-${p.status}`}>
                      <span className="results-public-name">{p.name}</span>
                      <span className="results-public-votes">{t('tally.votes', { count: p.for })}</span>
                      <span className="results-public-status">{p.status === 'elected' ? `★ ${t('results.status.elected')}` : t(`results.status.${p.status}`)}</span>
                    </li>
                  ))}
                </ol>
                {o.vacant > 0 && <p className="results-public-vacant">{t('results.vacant', { n: o.vacant })}</p>}
              </section>
            ))}
          </div>
        </>
      )}
      <footer className="results-public-keys">
        {all ? t('results.publicKeysAll') : t('results.publicKeys', { page: Math.min(page + 1, Math.max(offices.length, 1)), pages: Math.max(offices.length, 1) })}
      </footer>
    </div>
  );
}
