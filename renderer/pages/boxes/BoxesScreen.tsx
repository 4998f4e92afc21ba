import { useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { currentRound } from '../rounds';
import { ErrorNote, Loading, useLoad } from '../../ui';
import './boxes.css';
import { BoxCard } from './BoxCard';
import { TurnoutPanel } from './TurnoutPanel';
import { VotingStatus } from './VotingStatus';
import { NextStepLink } from '../start/NextStepLink';

/** The central venue's view of the day: voting open/closed, every box's custody and ballots, turnout and quorum. */
export function BoxesScreen() {
  const api = useApi();
  const t = useT();
  const overview = useLoad(() => api.call('getElection', {}), [api]);
  const rounds = overview.data?.rounds ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const round = rounds.find((r) => r.number === chosen) ?? currentRound(rounds);
  const roundNo = round?.number ?? 0;
  const custody = useLoad(() => (roundNo ? api.call('custodyOverview', { round: roundNo }) : Promise.resolve([])), [api, roundNo]);
  const turnout = useLoad(() => (roundNo ? api.call('turnout', { round: roundNo }) : Promise.resolve(null)), [api, roundNo]);
  const people = useLoad(() => api.call('listPeople', {}), [api]);

  useEffect(() => {
    const timer = setInterval(() => turnout.reload(), 15_000);
    return () => clearInterval(timer);
  }, [turnout.reload]);

  if (!overview.data) {
    return (
      <div className="ui-screen ui-stack">
        <ErrorNote error={overview.error} />
        {overview.loading && <Loading />}
      </div>
    );
  }
  if (!round) return <p className="ui-text-warn">{t('deskpage.noRound')}</p>;

  const committee = (people.data ?? []).filter((p) => p.committee && !p.committee.left);
  const refresh = () => {
    custody.reload();
    turnout.reload();
  };

  return (
    <div className="ui-screen ui-stack" data-testid="boxes-screen">
      <header className="ui-spread">
        <h2>{t('boxes.title', { round: round.number })}</h2>
        {rounds.length > 1 && (
          <label className="ui-inline">
            {t('boxes.round')}
            <select value={round.number} onChange={(e) => setChosen(Number(e.target.value))}>
              {rounds.map((r) => (
                <option key={r.number} value={r.number}>
                  {t('start.round', { n: r.number, status: t(`sa.status.${r.status}`) })}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <VotingStatus
        round={round}
        boxes={overview.data.boxes.map((b) => {
          const c = custody.data?.find((x) => x.box === b.id);
          return { box: b.id, name: b.name, next: c?.position.state === 'next' ? c.position.next : null };
        })}
        onChanged={() => {
          overview.reload();
          refresh();
        }}
      />
      <TurnoutPanel turnout={turnout.data} error={turnout.error} />
      <ErrorNote error={custody.error} />
      <div className="boxes-list">
        {overview.data.boxes.map((b) => (
          <BoxCard
            key={b.id}
            box={b}
            round={round.number}
            custody={custody.data?.find((c) => c.box === b.id) ?? null}
            stock={turnout.data?.boxes.find((s) => s.box === b.id) ?? null}
            committee={committee}
            onChanged={refresh}
          />
        ))}
      </div>
      <NextStepLink after="close" />
    </div>
  );
}
