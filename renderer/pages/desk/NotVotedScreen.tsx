import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorNote, Loading, useLoad } from '../../ui';
import type { AssignmentView } from '../../../shared/api/issuance';
import { usePlaceName, type VoterQuery } from '../../widgets/VoterSearch';
import { currentRound } from '../rounds';
import { PrintList } from '../voters/PrintList';
import '../voters/voters.css';
import './desk.css';

const PAGE = 100;

/** One list the screen can show: a residents' group or a place (venue or mobile box). */
type Choice = { kind: 'group'; group: string } | { kind: 'place'; assignment: AssignmentView };

function queryOf(choice: Choice, round: number): VoterQuery {
  const where =
    choice.kind === 'group'
      ? { group: choice.group }
      : { assignment: choice.assignment.kind === 'venue' ? { venue: choice.assignment.id } : { mobileBox: choice.assignment.id } };
  return { ...where, status: 'not-issued', round };
}

/**
 * Who has not voted yet in the round open now, counted per place and per residents' group; one of them listed a
 * page at a time, and printed whole on A4 (with a signature column) for the mobile box staff going door to door.
 */
export function NotVotedScreen() {
  const api = useApi();
  const t = useT();
  const placeName = usePlaceName();
  const overview = useLoad(() => api.call('getElection', {}), [api]);
  const round = overview.data ? (currentRound(overview.data.rounds)?.number ?? null) : null;
  const summary = useLoad(() => (round === null ? Promise.resolve(null) : api.call('notVotedSummary', { round })), [api, round]);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [offset, setOffset] = useState(0);
  const query = choice && round !== null ? queryOf(choice, round) : null;
  const page = useLoad(
    () => (query ? api.call('listVoters', { ...query, offset, limit: PAGE }) : Promise.resolve(null)),
    [api, JSON.stringify(query), offset],
  );

  if (!overview.data || (round !== null && !summary.data)) {
    return (
      <div className="ui-screen ui-stack">
        <ErrorNote error={overview.error ?? summary.error} />
        {(overview.loading || summary.loading) && <Loading />}
      </div>
    );
  }
  if (round === null || !summary.data) return <p className="ui-text-warn">{t('deskpage.noRound')}</p>;
  const s = summary.data;
  const choose = (c: Choice) => {
    setChoice(c);
    setOffset(0);
  };
  const what = choice === null ? '' : choice.kind === 'group' ? choice.group : placeName(choice.assignment);
  const total = page.data?.total ?? 0;

  return (
    <div className="ui-screen ui-stack desk-notvoted" data-testid="not-voted-screen">
      <div className="ui-spread ui-no-print">
        <h2>{t('notvoted.title', { round })}</h2>
        <a href={hrefFor('desk')}>{t('notvoted.back')}</a>
      </div>
      <p className="ui-no-print" data-testid="not-voted-total">
        {t('notvoted.total', { notVoted: s.notVoted, voters: s.voters })}
      </p>
      <div className="desk-notvoted-tables ui-no-print">
        <CountTable
          heading={t('vsearch.col.place')}
          testId="not-voted-places"
          rows={s.byPlace.map((p) => ({ key: `${p.assignment.kind}:${p.assignment.id}`, label: placeName(p.assignment), ...p, choose: () => choose({ kind: 'place', assignment: p.assignment }) }))}
          buttonTestId={(key) => `not-voted-place-${key.slice(key.indexOf(':') + 1)}`}
        />
        <CountTable
          heading={t('vsearch.col.group')}
          testId="not-voted-groups"
          rows={s.byGroup.map((g) => ({ key: g.group, label: g.group, ...g, choose: () => choose({ kind: 'group', group: g.group }) }))}
          buttonTestId={(group) => `not-voted-group-${group}`}
        />
      </div>
      {choice && query && (
        <section className="ui-card ui-stack" data-testid="not-voted-list">
          <h3 className="ui-no-print">{t('notvoted.listTitle', { what, n: total })}</h3>
          <ErrorNote error={page.error} />
          <table className="ui-table ui-no-print">
            <thead>
              <tr>
                <th>{t('voters.col.no')}</th>
                <th>{t('vsearch.col.name')}</th>
                <th>{t('vsearch.col.group')}</th>
                <th>{t('vsearch.col.certificate')}</th>
                <th>{t('vsearch.col.place')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data?.voters.map((v, i) => (
                <tr key={v.certificate} data-testid="not-voted-row">
                  <td>{offset + i + 1}</td>
                  <td>{v.name}</td>
                  <td>{v.group}</td>
                  <td className="ui-mono">{v.certificate}</td>
                  <td>{placeName(v.assignment)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > PAGE && (
            <div className="ui-row ui-no-print">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} data-testid="not-voted-prev">
                {t('notvoted.prev')}
              </button>
              <span>{t('notvoted.page', { from: offset + 1, to: Math.min(total, offset + PAGE), n: total })}</span>
              <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)} data-testid="not-voted-next">
                {t('notvoted.next')}
              </button>
            </div>
          )}
          <PrintList query={query} what={t('notvoted.printWhat', { what, round })} title={overview.data.election?.title ?? ''} />
        </section>
      )}
    </div>
  );
}

/** Voters and those not voted yet, a row per place or group, each with the button that lists them. */
function CountTable({
  heading,
  rows,
  testId,
  buttonTestId,
}: {
  heading: string;
  rows: { key: string; label: string; voters: number; notVoted: number; choose(): void }[];
  testId: string;
  buttonTestId(key: string): string;
}) {
  const t = useT();
  return (
    <table className="ui-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{heading}</th>
          <th>{t('notvoted.col.voters')}</th>
          <th>{t('notvoted.col.notVoted')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td>{r.voters}</td>
            <td>{r.notVoted}</td>
            <td>
              <button type="button" onClick={r.choose} data-testid={buttonTestId(r.key)}>
                {t('notvoted.show')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
