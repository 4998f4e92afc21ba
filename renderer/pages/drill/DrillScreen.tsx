import { useCallback, useState } from 'react';
import type { DrillOutcomeView, StartDrillInput } from '../../../shared/api/drill';
import { useApi } from '../../app/api-context';
import { useElection } from '../../app/election-context';
import { useT } from '../../app/i18n';
import { isClientError } from '../../api';
import { ErrorNote, Loading, useLoad } from '../../ui';
import { DrillForm } from './DrillForm';
import { DrillRunning } from './DrillRunning';
import { DrillSummary } from './DrillSummary';
import { Interrupted } from './Interrupted';
import { NotEmpty } from './NotEmpty';
import { TrainingSheet } from './TrainingSheet';
import { recallOutcome, rememberOutcome } from './remembered';
import './drill.css';

type Run = { kind: 'idle' } | { kind: 'running'; input: StartDrillInput; startedAt: number } | { kind: 'done'; outcome: DrillOutcomeView };

/**
 * 演练: what a drill is, the form that starts one in the open (empty) election file, the wait, and the training
 * material. An election file that already holds an election gets the way to a new empty one instead.
 */
export function DrillScreen() {
  const t = useT();
  const api = useApi();
  const { setElection } = useElection();
  const overview = useLoad(() => api.call('getElection', {}), [api]);
  const drillState = useLoad(() => api.call('drillState', {}), [api]);
  const reloadOverview = overview.reload;
  const reloadState = drillState.reload;
  const reload = useCallback(() => {
    reloadOverview();
    reloadState();
  }, [reloadOverview, reloadState]);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);

  const start = useCallback(
    async (input: StartDrillInput) => {
      setError(null);
      setRun({ kind: 'running', input, startedAt: performance.now() });
      let outcome: DrillOutcomeView | null = null;
      try {
        outcome = await api.call('startDrill', input);
        rememberOutcome(outcome);
      } catch (err) {
        setError(err);
      }
      // Whatever happened, the file may now hold an election: the banner and this page follow the backend.
      try {
        const e = await api.call('getElection', {});
        setElection(e.election ? { title: e.election.title, drill: e.election.drill } : null);
      } catch {
        /* the error above (if any) is already shown */
      }
      setRun(outcome ? { kind: 'done', outcome } : { kind: 'idle' });
      reload();
    },
    [api, setElection, reload],
  );

  const election = overview.data?.election ?? null;
  const officeTitles = new Map((overview.data?.offices ?? []).map((o) => [o.id, o.title]));
  const refusal = isClientError(error) ? (error.details as { reason?: unknown } | undefined)?.reason : undefined;
  const notEmpty = refusal === 'not-empty' || refusal === 'interrupted';
  let body;
  if (run.kind === 'running') {
    body = <DrillRunning input={run.input} startedAt={run.startedAt} />;
  } else if (run.kind === 'done') {
    body = <DrillMaterial election={run.outcome.election} outcome={run.outcome} fresh officeTitles={officeTitles} />;
  } else if (!overview.data || !drillState.data) {
    body = overview.loading || drillState.loading ? <Loading /> : null;
  } else if (drillState.data.state === 'interrupted') {
    body = (
      <Interrupted
        state={drillState.data}
        onDiscarded={() => {
          setError(null);
          setElection(null);
          reload();
        }}
      />
    );
  } else if (election === null) {
    body = <DrillForm busy={false} onStart={(input) => void start(input)} />;
  } else if (election.drill) {
    body = (
      <>
        <section className="ui-card ui-no-print" data-testid="drill-is-drill">
          <h3>{t('drillpage.isDrill.title')}</h3>
          <p>{t('drillpage.isDrill.explain')}</p>
        </section>
        <DrillMaterial election={election.title} outcome={recallOutcome(election.title)} fresh={false} officeTitles={officeTitles} />
      </>
    );
  } else {
    body = <NotEmpty />;
  }

  return (
    <div className="ui-screen ui-stack" data-testid="drill-screen">
      <section className="drill-intro ui-no-print" aria-labelledby="drill-title">
        <h2 id="drill-title">
          <span className="drill-mark">{t('drill.badge')}</span>
          {t('drillpage.title')}
        </h2>
        <p>{t('drillpage.what')}</p>
        <p>{t('drillpage.deterministic')}</p>
        <p>{t('drillpage.needsEmpty')}</p>
      </section>
      <ErrorNote error={overview.error} />
      <ErrorNote error={drillState.error} />
      {error !== null && !notEmpty && <ErrorNote error={error} testId="drill-error" />}
      {body}
    </div>
  );
}

/**
 * The summary and training sheet of the open drill. A remembered summary is shown only when its seed is the open
 * drill's (two drills can share a title), which drillCredentials tells.
 */
function DrillMaterial({ election, outcome, fresh, officeTitles }: { election: string; outcome: DrillOutcomeView | null; fresh: boolean; officeTitles: Map<string, string> }) {
  const api = useApi();
  const creds = useLoad(() => api.call('drillCredentials', {}), [api]);
  const mine = outcome !== null && (fresh || creds.data?.seed === outcome.seed) ? outcome : null;
  return (
    <>
      {mine && <DrillSummary outcome={mine} focus={fresh} officeTitles={officeTitles} />}
      <TrainingSheet election={election} samples={mine === null ? null : mine.stage === 'ready-to-vote' ? mine.samples : 'none'} creds={creds} />
    </>
  );
}
