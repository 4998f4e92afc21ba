import { useEffect, useRef } from 'react';
import type { DrillOutcomeView } from '../../../shared/api/drill';
import { hrefFor } from '../../app/router';
import { useT, useWhen } from '../../app/i18n';

type Ready = Extract<DrillOutcomeView, { stage: 'ready-to-vote' }>;
type Complete = Extract<DrillOutcomeView, { stage: 'complete' }>;

/** What the drill made: the facts, then the boxes (ready to vote) or the rounds (complete), and where to go next. */
export function DrillSummary({ outcome, focus, officeTitles }: { outcome: DrillOutcomeView; focus: boolean; officeTitles: Map<string, string> }) {
  const t = useT();
  const when = useWhen();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section className="ui-card drill-done ui-no-print" aria-labelledby="drill-done-title" data-testid="drill-done" data-stage={outcome.stage}>
      <h2 id="drill-done-title" ref={heading} tabIndex={-1}>
        <span className="drill-mark">{t('drill.badge')}</span>
        {outcome.stage === 'complete' ? t('drillpage.done.titleComplete') : t('drillpage.done.title')}{' '}
        <small className="ui-muted">{t('drillpage.done.seconds', { seconds: outcome.seconds.toFixed(1) })}</small>
      </h2>
      <dl className="ui-facts">
        <dt>{t('drillpage.summary.election')}</dt>
        <dd data-testid="drill-election">{outcome.election}</dd>
        <dt>{t('drillpage.summary.date')}</dt>
        <dd>{when.date(outcome.date)}</dd>
        <dt>{t('drillpage.summary.seed')}</dt>
        <dd>{outcome.seed}</dd>
        <dt>{t('drillpage.summary.voters')}</dt>
        <dd>{t('drillpage.summary.count', { count: outcome.voters })}</dd>
        <dt>{t('drillpage.summary.mobile')}</dt>
        <dd>{t('drillpage.summary.count', { count: outcome.mobileList })}</dd>
        <dt>{t('drillpage.summary.proxies')}</dt>
        <dd>{t('drillpage.summary.count', { count: outcome.proxies })}</dd>
        {outcome.stage === 'ready-to-vote' ? (
          <>
            <dt>{t('drillpage.summary.round')}</dt>
            <dd>{t('drillpage.summary.roundOpen', { n: outcome.round })}</dd>
          </>
        ) : (
          <>
            <dt>{t('drillpage.summary.assisted')}</dt>
            <dd>{outcome.assisted}</dd>
            <dt>{t('drillpage.summary.spoiled')}</dt>
            <dd>{outcome.spoiled}</dd>
            <dt>{t('drillpage.summary.doubtful')}</dt>
            <dd>{outcome.doubtful}</dd>
            <dt>{t('drillpage.summary.sealed')}</dt>
            <dd>
              <code className="ui-code" data-testid="drill-sealed">
                {outcome.sealedFile}
              </code>
            </dd>
            <dt>{t('drillpage.summary.fingerprint')}</dt>
            <dd className="ui-code">{outcome.fingerprint}</dd>
          </>
        )}
        <dt>{t('drillpage.summary.audit')}</dt>
        <dd>{t('drillpage.summary.auditValue', { count: outcome.auditHead.count })}</dd>
      </dl>
      {outcome.stage === 'ready-to-vote' ? <Boxes outcome={outcome} /> : <Rounds outcome={outcome} officeTitles={officeTitles} />}
      <NextLinks stage={outcome.stage} />
    </section>
  );
}

function Boxes({ outcome }: { outcome: Ready }) {
  const t = useT();
  return (
    <>
      <h3>{t('drillpage.boxes.title')}</h3>
      <table className="ui-table" data-testid="drill-boxes">
        <thead>
          <tr>
            <th scope="col">{t('drillpage.boxes.box')}</th>
            <th scope="col">{t('drillpage.boxes.venue')}</th>
            <th scope="col" className="drill-num">{t('drillpage.boxes.expected')}</th>
            <th scope="col" className="drill-num">{t('drillpage.boxes.ballots')}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.boxes.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                {b.name}（{b.id}）
              </th>
              <td>{b.venueName}</td>
              <td className="drill-num">{b.expected}</td>
              <td className="drill-num">{b.ballots}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Rounds({ outcome, officeTitles }: { outcome: Complete; officeTitles: Map<string, string> }) {
  const t = useT();
  const kind = (k: string) => (k === 'regular' ? t('drillpage.kind.regular') : k === 'tie-revote' ? t('b.roundKind.tie-revote') : t('b.roundKind.supplementary'));
  return (
    <>
      <h3>{t('drillpage.rounds.title')}</h3>
      <table className="ui-table" data-testid="drill-rounds">
        <thead>
          <tr>
            <th scope="col">{t('drillpage.rounds.round')}</th>
            <th scope="col">{t('drillpage.rounds.kind')}</th>
            <th scope="col" className="drill-num">{t('drillpage.rounds.turnout')}</th>
            <th scope="col" className="drill-num">{t('drillpage.rounds.ballots')}</th>
            <th scope="col">{t('drillpage.rounds.elected')}</th>
            <th scope="col" className="drill-num">{t('drillpage.rounds.signoffs')}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.rounds.map((r) => (
            <tr key={r.number}>
              <th scope="row">{r.number}</th>
              <td>
                {kind(r.kind)}（{r.valid ? t('drillpage.rounds.valid') : t('drillpage.rounds.invalid')}）
              </td>
              <td className="drill-num">
                {r.participants} / {r.registered}
              </td>
              <td className="drill-num">
                {r.ballots} / {r.voidBallots}
              </td>
              <td>
                {r.elected.map((o) => (
                  <div key={o.office}>
                    {officeTitles.get(o.office) ?? o.office}：{o.names.join('、') || '—'}
                    {o.vacant > 0 ? t('drillpage.rounds.vacant', { n: o.vacant }) : ''}
                  </div>
                ))}
              </td>
              <td className="drill-num">{r.signoffs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function NextLinks({ stage }: { stage: DrillOutcomeView['stage'] }) {
  const t = useT();
  const links: [string, string, string][] =
    stage === 'ready-to-vote'
      ? [
          [hrefFor('desk'), t('drillpage.next.desk'), 'drill-go-desk'],
          [hrefFor('boxes'), t('drillpage.next.boxes'), 'drill-go-boxes'],
        ]
      : [
          [hrefFor('results'), t('drillpage.next.results'), 'drill-go-results'],
          [hrefFor('signoff'), t('drillpage.next.signoff'), 'drill-go-signoff'],
          [hrefFor('export'), t('drillpage.next.export'), 'drill-go-export'],
        ];
  return (
    <nav aria-label={t('drillpage.next.title')}>
      <h3>{t('drillpage.next.title')}</h3>
      <div className="drill-next">
        {links.map(([href, text, id]) => (
          <a key={id} href={href} data-testid={id}>
            {text}
          </a>
        ))}
      </div>
    </nav>
  );
}
