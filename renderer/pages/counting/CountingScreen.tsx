import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import type { BoxCountView } from '../../../shared/api/counting';
import { BoxPanel } from './BoxPanel';
import { DoubleEntrySetting } from './DoubleEntrySetting';
import { ErrorNote, Loading, useLoad } from '../../ui';
import { roundLabel, RoundPicker, useRounds } from '../rounds';
import { signed } from './round-ballot';
import './counting.css';
import { NextStepLink } from '../start/NextStepLink';

/** Counting (计票): the boxes of the round with their custody and count state; choosing one opens its panel. */
export function CountingScreen({ box }: { box: string | undefined }) {
  const t = useT();
  const { rounds, current, error: roundsError, loaded } = useRounds();
  const [chosen, setChosen] = useState<number | null>(null);
  const round = chosen ?? current?.number ?? null;
  const roundView = rounds.find((r) => r.number === round) ?? null;

  if (!loaded) return <Loading />;
  if (round === null || roundView === null) {
    return (
      <section className="ui-screen">
        <h2>{t('counting.title')}</h2>
        <ErrorNote error={roundsError} />
        <p className="ui-muted">{t('b.noRound')}</p>
      </section>
    );
  }
  return (
    <section className="ui-screen" data-testid="counting-screen">
      <div className="ui-head">
        <h2>
          {t('counting.title')} <small>{roundLabel(t, roundView)}</small>
        </h2>
        <RoundPicker rounds={rounds} value={round} onChange={setChosen} />
      </div>
      {box ? <BoxPanel round={round} box={box} /> : <BoxList round={round} />}
      <NextStepLink after="count" />
    </section>
  );
}

function BoxList({ round }: { round: number }) {
  const t = useT();
  const api = useApi();
  const overview = useLoad(async () => {
    const [boxes, trail] = await Promise.all([api.call('countingOverview', { round }), api.call('custodyOverview', { round })]);
    const custody = new Map<string, string>();
    for (const c of trail) {
      custody.set(
        c.box,
        c.position.state === 'next'
          ? c.position.next === 'opened'
            ? t('counting.custody.ready')
            : t('counting.custody.next', { step: t(`counting.step.${c.position.next}`) })
          : t(`counting.custody.${c.position.state}`),
      );
    }
    return { boxes, custody };
  }, [api, round, t]);
  const boxes: BoxCountView[] = overview.data?.boxes ?? [];
  // The first box not yet counted has the focus, so ↓/Tab and Enter are all it takes to choose.
  const listRef = useRef<HTMLTableElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current || boxes.length === 0) return;
    focused.current = true;
    const first = boxes.find((b) => b.status !== 'accepted') ?? boxes[0]!;
    listRef.current?.querySelector<HTMLElement>(`[data-testid="box-link-${first.box}"]`)?.focus();
  }, [boxes]);

  return (
    <div>
      <p className="ui-lead">{t('counting.chooseBox')}</p>
      <ErrorNote error={overview.error} />
      <table ref={listRef} className="ui-table ui-table-rows" data-testid="box-list">
        <thead>
          <tr>
            <th>{t('counting.col.box')}</th>
            <th>{t('counting.col.custody')}</th>
            <th>{t('counting.col.status')}</th>
            <th>{t('counting.col.issued')}</th>
            <th>{t('counting.col.found')}</th>
            <th>{t('counting.col.entered')}</th>
          </tr>
        </thead>
        <tbody>
          {boxes.map((b) => (
            <tr key={b.box} className={`counting-status-${b.status}`}>
              <td>
                <a href={hrefFor('counting', b.box)} data-testid={`box-link-${b.box}`}>
                  {b.name} <small className="ui-muted">{b.box}</small>
                </a>
              </td>
              <td>{overview.data?.custody.get(b.box) ?? ''}</td>
              <td>{t(`counting.status.${b.status}`)}</td>
              <td className="ui-num">{b.issued}</td>
              <td className="ui-num">
                {b.found ?? '—'}
                {b.difference !== null && b.difference !== 0 && <strong className="counting-diff"> ({signed(b.difference)})</strong>}
              </td>
              <td className="ui-num">{b.sheets.map((s) => (b.sheets.length > 1 ? `${s.sheet}:${s.entered}` : s.entered)).join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DoubleEntrySetting anyOpened={boxes.some((b) => b.status !== 'not-opened')} />
    </div>
  );
}
