import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorNote, Loading, OkNote, useAction } from '../../ui';
import { roundLabel, RoundPicker, useRounds } from '../rounds';
import { AnnouncementScreen } from './AnnouncementScreen';
import { PrintBar, sheetFileName } from './PrintBar';
import { ReopenRound } from './ReopenRound';
import { SignPanel } from './SignPanel';
import { TallySheet, type TallySheetData } from './TallySheet';
import './signoff.css';
import { NextStepLink } from '../start/NextStepLink';

/** `#/signoff` the sign-off and tally sheet; `#/signoff/announce` the results announcement and certificates of election. */
export function SignoffPage({ rest }: { rest: readonly string[] }) {
  return rest[0] === 'announce' ? <AnnouncementScreen /> : <SignoffScreen />;
}

/** Sign-off (签字) and the tally sheet (选举结果报告单): PIN signatures, print preview, print / PDF, reopening. */
export function SignoffScreen() {
  const t = useT();
  const api = useApi();
  const { rounds, current, loaded, reload: reloadRounds } = useRounds();
  const [chosen, setChosen] = useState<number | null>(null);
  const round = chosen ?? current?.number ?? null;
  const roundView = rounds.find((r) => r.number === round) ?? null;
  const [sheet, setSheet] = useState<TallySheetData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [okText, setOkText] = useState<string | null>(null);
  const compute = useAction();

  const load = useCallback(async () => {
    if (round === null) return;
    try {
      const stored = await api.call('storedResult', { round });
      if (!stored) {
        setSheet(null);
        setError(null);
        return;
      }
      setSheet(await api.call('tallySheet', { round }));
      setError(null);
    } catch (err) {
      setSheet(null);
      setError(err);
    }
  }, [api, round]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!loaded) return <Loading />;
  if (round === null || roundView === null) return <p className="ui-muted">{t('b.noRound')}</p>;

  return (
    <section className="ui-screen" data-testid="signoff-screen">
      <div className="ui-head ui-no-print">
        <h2>
          {t('signoff.title')} <small>{roundLabel(t, roundView)}</small>
        </h2>
        <RoundPicker rounds={rounds} value={round} onChange={setChosen} />
      </div>
      <div className="ui-no-print">
        <ErrorNote error={error ?? compute.error} testId="signoff-error" />
        <OkNote testId="signoff-ok">{okText}</OkNote>
      </div>
      {!sheet ? (
        <div className="ui-card ui-no-print">
          <p className="ui-lead">{t('signoff.noResult')}</p>
          <button
            type="button"
            className="ui-primary"
            autoFocus
            onClick={async () => {
              const r = await compute.run(() => api.call('computeResults', { round }));
              if (r) {
                await load();
                await reloadRounds();
              }
            }}
            data-testid="signoff-compute"
          >
            {t('results.compute')}
          </button>{' '}
          <a href={hrefFor('results')}>{t('signoff.toResults')}</a>
        </div>
      ) : (
        <>
          <div className="signoff-grid ui-no-print">
            <SignPanel
              round={round}
              sheet={sheet}
              onSigned={async (name) => {
                setOkText(t('signoff.signed', { name }));
                await load();
                await reloadRounds();
              }}
            />
            <PrintBar fileName={sheetFileName(sheet)} />
          </div>
          <p className="ui-no-print">
            <a href={hrefFor('signoff', 'announce')} data-testid="to-announcement">
              {t('announce.link')}
            </a>
          </p>
          <div className="signoff-sheet-frame">
            <TallySheet sheet={sheet} />
          </div>
          <ReopenRound
            round={round}
            signedCount={sheet.officials.filter((o) => o.signed).length}
            status={sheet.round.status}
            onReopened={async (n) => {
              setOkText(t('signoff.reopened', { n }));
              await load();
              await reloadRounds();
            }}
          />
        </>
      )}
      <NextStepLink after="sign" />
    </section>
  );
}
