import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import type { roundResultView, standingView } from '../../../shared/api/results';
import { ErrorNote, Loading, OkNote, useAction } from '../../ui';
import { ruleNoticeIn } from '../rules-message';
import { roundLabel, RoundPicker, useRounds } from '../rounds';
import { NextSteps } from './NextSteps';
import { OfficeResultCard } from './OfficeResultCard';
import { PublicDisplay } from './PublicDisplay';
import { Standing } from './Standing';
import './results.css';
import { useMayCall } from '../../app/session/may-call';
import { NextStepLink } from '../start/NextStepLink';

export type RoundResult = z.infer<typeof roundResultView>;
export type StandingView = z.infer<typeof standingView>;

/** Results (结果): per office who is elected and why, the standing across rounds, next steps, and 当场公布. */
export function ResultsScreen({ rest }: { rest: string[] }) {
  const may = useMayCall();
  const { t, lang } = useLang();
  const api = useApi();
  const { rounds, current, reload: reloadRounds, loaded } = useRounds();
  const [chosen, setChosen] = useState<number | null>(null);
  const round = chosen ?? current?.number ?? null;
  const roundView = rounds.find((r) => r.number === round) ?? null;
  const [result, setResult] = useState<RoundResult | null>(null);
  const [standing, setStanding] = useState<StandingView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [okText, setOkText] = useState<string | null>(null);
  const action = useAction();
  // Once there is a result, the keyboard continues at the next step (signing) unless the person is elsewhere.
  const toSignoff = useRef<HTMLAnchorElement>(null);
  const computeButton = useRef<HTMLButtonElement>(null);
  const computed = result !== null;
  useEffect(() => {
    const active = document.activeElement;
    if (computed && (active === null || active === document.body || active === computeButton.current)) toSignoff.current?.focus();
  }, [computed]);

  const load = useCallback(async () => {
    if (round === null) return;
    try {
      const [r, s] = await Promise.all([api.call('storedResult', { round }), api.call('electionStanding', {})]);
      setResult(r);
      setStanding(s);
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  }, [api, round]);
  useEffect(() => {
    void load();
  }, [load]);

  const compute = async () => {
    if (round === null) return;
    const r = await action.run(() => api.call('computeResults', { round }));
    if (r) {
      setResult(r);
      setOkText(t('results.computed'));
      await Promise.all([load(), reloadRounds()]);
    }
  };

  if (rest[0] === 'public') return <PublicDisplay round={round} result={result} onReload={load} />;
  if (!loaded) return <Loading />;
  if (round === null || roundView === null) return <p className="ui-muted">{t('b.noRound')}</p>;

  // Every office's title (a later round's record holds only its own offices; steps of other rounds name others).
  const titles = new Map([
    ...(standing?.offices ?? []).map((o) => [o.office, o.title] as const),
    ...(result?.record.offices ?? []).map((o) => [o.id, o.title] as const),
  ]);
  return (
    <section className="ui-screen" data-testid="results-screen">
      <div className="ui-head">
        <h2>
          {t('results.title')} <small>{roundLabel(t, roundView)}</small>
        </h2>
        <RoundPicker rounds={rounds} value={round} onChange={setChosen} />
      </div>
      <ErrorNote error={loadError ?? action.error} testId="results-error" />
      <OkNote testId="results-ok">{okText}</OkNote>
      <div className="ui-row">
        {/* Before computing, computing is the next step; after it, signing is, and checking again is secondary. */}
        {result && (
          <a ref={toSignoff} className="ui-link-button ui-primary" href={hrefFor('signoff')} data-testid="results-to-signoff">
            {t('results.toSignoff')}
          </a>
        )}
        <button
          ref={computeButton}
          type="button"
          className={result ? undefined : 'ui-primary'}
          onClick={compute}
          disabled={action.busy}
          autoFocus={!result}
          {...may('computeResults')}
          data-testid="compute-results"
        >
          {result ? t('results.recompute') : t('results.compute')}
        </button>
        {result && (
          <a className="ui-link-button" href={hrefFor('results', 'public')} data-testid="open-public">
            {t('results.public')} <kbd>P</kbd>
          </a>
        )}
      </div>
      {!result && <p className="ui-lead">{t('results.none')}</p>}
      {result && (
        <>
          <div className={`results-validity ${result.result.valid ? 'results-valid' : 'results-invalid'}`} data-testid="validity">
            <strong>{result.result.valid ? t('results.valid') : t('results.invalid')}</strong>
            <span>
              {t('results.counts', {
                registered: result.result.counts.registered,
                participants: result.result.counts.participants,
                cast: result.result.counts.ballotsCast,
                void: result.result.counts.voidBallots,
              })}
            </span>
          </div>
          {result.result.problems.length > 0 && (
            <ul className="results-problems" data-testid="problems">
              {result.result.problems.map((p) => (
                <li key={p.code + p.message} className={p.severity === 'void' ? 'ui-text-bad' : 'ui-text-warn'}>
                  {p.severity === 'void' ? t('results.problemVoid') : t('results.problemWarning')}
                  {t('b.sep.label')}
                  {ruleNoticeIn(p, lang)}
                </li>
              ))}
            </ul>
          )}
          {result.result.acting && (
            <p className="ui-lead" data-testid="acting">
              {t('results.acting', { name: result.result.acting.name, office: titles.get(result.result.acting.office) ?? result.result.acting.office })}
            </p>
          )}
          <div className="results-offices">
            {result.result.offices.map((o) => (
              <OfficeResultCard key={o.office} office={o} title={titles.get(o.office) ?? o.office} />
            ))}
          </div>
          <NextSteps round={round} result={result} standing={standing} titles={titles} onCreated={async (n) => {
            setOkText(t('results.roundCreated', { n }));
            await Promise.all([load(), reloadRounds()]);
          }} />
        </>
      )}
      {/* Nothing computed yet in any round: no totals, no minimum, no warnings about who is not elected. */}
      {standing && standing.rounds.some((r) => r.resultHash !== null) && <Standing standing={standing} />}
      <NextStepLink after="results" />
      <PublicKey />
    </section>
  );
}

/** P opens the public display from anywhere on the Results screen (outside a text field). */
function PublicKey() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA')) return;
      if ((e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        window.location.hash = hrefFor('results', 'public');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
