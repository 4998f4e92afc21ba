import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { z } from 'zod';
import type { auditContract, auditFilter } from '../../../shared/api/audit';
import { useApi } from '../../app/api-context';
import { useLang, useWhen } from '../../app/i18n';
import { ErrorNote, Field, Loading, useLoad, usePagedList } from '../../ui';
import { useRowWindow } from '../counting/row-window';
import { ChainCheck } from './ChainCheck';
import { EventDetail } from './EventDetail';
import { readTimeBound } from './time-filter';
import { subjectText } from './subject-text';
import './audit.css';

export type AuditEventView = z.infer<typeof auditContract.auditLog.output>['events'][number];
type AuditQuery = z.input<typeof auditFilter>;

/** Matches .audit-row's height in audit.css: rows are placed by index, never measured. */
const ROW_HEIGHT = 32;
const PAGE_SIZE = 200;

interface Typed {
  type: string;
  actor: string;
  from: string;
  to: string;
}
const NO_FILTER: Typed = { type: '', actor: '', from: '', to: '' };

/**
 * 操作日志: every audit event in sequence order, in words of the screen's language, filtered by type, person and time;
 * only the rows in view are drawn and fetched (a large election logs tens of thousands). The chain is verified on
 * demand by the backend's own walk.
 */
export function AuditScreen() {
  const api = useApi();
  const { t, lang } = useLang();
  const facets = useLoad(() => api.call('auditFacets', {}), [api]);
  const [typed, setTyped] = useState<Typed>(NO_FILTER);
  const [selected, setSelected] = useState<number | null>(null);
  const from = readTimeBound(typed.from, 'from');
  const to = readTimeBound(typed.to, 'to');
  const query: AuditQuery = {
    ...(typed.type ? { type: typed.type } : {}),
    ...(typed.actor ? { actor: typed.actor } : {}),
    ...(from.ok && from.iso ? { from: from.iso } : {}),
    ...(to.ok && to.iso ? { to: to.iso } : {}),
  };
  const key = JSON.stringify(query);
  const load = useCallback(
    (offset: number, limit: number) => api.call('auditLog', { ...query, offset, limit }).then((a) => ({ total: a.total, rows: a.events })),
    // The query is captured through `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
  const list = usePagedList(load, key, PAGE_SIZE);
  const count = list.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useRowWindow(scroller, count, ROW_HEIGHT);
  const { ensure } = list;
  useEffect(() => {
    if (count > 0) ensure(rows.first, rows.last);
  }, [ensure, count, rows.first, rows.last]);
  useEffect(() => setSelected(null), [key]);

  const set = (field: keyof Typed, value: string) => setTyped((f) => ({ ...f, [field]: value }));
  const choose = (index: number) => {
    const i = Math.max(0, Math.min(count - 1, index));
    setSelected(i);
    rows.center(i);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 15, PageUp: -15 }[e.key];
    if (step === undefined && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    if (e.key === 'Home') choose(0);
    else if (e.key === 'End') choose(count - 1);
    else choose((selected ?? -1) + step!);
  };
  // The broken record is found in the whole log: its sequence number is its place there.
  const showSeq = (seq: number) => {
    setTyped(NO_FILTER);
    setTimeout(() => choose(seq - 1), 0);
  };
  const meaningOf = (type: string, meaning: AuditEventView['meaning']) =>
    meaning ? (lang === 'en' ? meaning.en : meaning.zh) : t('audit.unknownType', { type });
  const indexes: number[] = [];
  for (let i = rows.first; i <= rows.last; i++) indexes.push(i);
  const chosen = selected === null ? undefined : list.at(selected);

  return (
    <div className="ui-screen ui-stack audit-screen" data-testid="audit-screen">
      <h2>{t('audit.title')}</h2>
      <p className="ui-muted">{t('audit.explain')}</p>
      <ChainCheck onShow={showSeq} />
      <section className="ui-card">
        <div className="ui-grid audit-filters">
          <Field label={t('audit.filterType')}>
            <select value={typed.type} onChange={(e) => set('type', e.target.value)} data-testid="audit-type">
              <option value="">{t('audit.any')}</option>
              {facets.data?.types.map((f) => (
                <option key={f.type} value={f.type}>
                  {t('audit.optionCount', { label: meaningOf(f.type, f.meaning), n: f.count })}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('audit.filterActor')}>
            <select value={typed.actor} onChange={(e) => set('actor', e.target.value)} data-testid="audit-actor">
              <option value="">{t('audit.any')}</option>
              {facets.data?.actors.map((f) => (
                <option key={f.actor} value={f.actor}>
                  {t('audit.optionCount', { label: f.actor, n: f.count })}
                </option>
              ))}
            </select>
          </Field>
          <TimeField label={t('audit.filterFrom')} value={typed.from} ok={from.ok} onChange={(v) => set('from', v)} testId="audit-from" />
          <TimeField label={t('audit.filterTo')} value={typed.to} ok={to.ok} onChange={(v) => set('to', v)} testId="audit-to" />
        </div>
        <div className="ui-row">
          <strong data-testid="audit-total">{list.total === null ? t('ui.loading') : t('audit.matching', { n: list.total })}</strong>
          <button type="button" onClick={() => setTyped(NO_FILTER)} disabled={key === '{}' && typed.from === '' && typed.to === ''}>
            {t('audit.clear')}
          </button>
        </div>
        <ErrorNote error={facets.error ?? list.error} />
        <div className="audit-main">
          <div>
            <div className="audit-head" aria-hidden="true">
              <span>{t('audit.col.seq')}</span>
              <span>{t('audit.col.at')}</span>
              <span>{t('audit.col.what')}</span>
              <span>{t('audit.col.actor')}</span>
              <span>{t('audit.col.subject')}</span>
            </div>
            <div
              ref={scroller}
              className="audit-scroller"
              tabIndex={0}
              role="listbox"
              aria-label={t('audit.listLabel')}
              aria-activedescendant={selected === null ? undefined : `audit-row-${selected}`}
              onKeyDown={onKey}
              data-testid="audit-scroller"
            >
              <div className="audit-rows" style={{ height: rows.total }}>
                {indexes.map((i) => (
                  <Row key={i} index={i} event={list.at(i)} selected={i === selected} meaningOf={meaningOf} onChoose={setSelected} />
                ))}
              </div>
            </div>
            {list.total === 0 && <p className="ui-muted">{t('audit.empty')}</p>}
          </div>
          <div className="audit-side">
            {chosen ? <EventDetail event={chosen} meaning={meaningOf(chosen.type, chosen.meaning)} /> : <p className="ui-muted">{t('audit.pick')}</p>}
          </div>
        </div>
        {list.total === null && !list.error && <Loading />}
      </section>
    </div>
  );
}

function TimeField(props: { label: string; value: string; ok: boolean; onChange(v: string): void; testId: string }) {
  const t = useLang().t;
  return (
    <Field label={props.label} hint={props.ok ? t('audit.timeHint') : t('audit.badTime', { text: props.value })}>
      <input
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        maxLength={40}
        placeholder={t('audit.timeExample')}
        aria-invalid={!props.ok}
        data-testid={props.testId}
      />
    </Field>
  );
}

const Row = memo(function Row(props: {
  index: number;
  event: AuditEventView | undefined;
  selected: boolean;
  meaningOf(type: string, meaning: AuditEventView['meaning']): string;
  onChoose(index: number): void;
}) {
  const { t } = useLang();
  const when = useWhen();
  const e = props.event;
  return (
    <div
      id={`audit-row-${props.index}`}
      role="option"
      aria-selected={props.selected}
      className={`audit-row${props.selected ? ' audit-row-selected' : ''}${e?.outcome === 'refused' ? ' audit-row-refused' : ''}`}
      style={{ top: props.index * ROW_HEIGHT }}
      onClick={() => props.onChoose(props.index)}
      data-seq={e?.seq}
    >
      {e ? (
        <>
          <span className="ui-mono">{e.seq}</span>
          <span>{when.dateTime(e.at)}</span>
          <span>
            {props.meaningOf(e.type, e.meaning)}
            {e.outcome === 'refused' ? t('audit.refused') : ''}
          </span>
          <span>{e.actor ?? t('audit.none')}</span>
          <span>{subjectText(t, e)}</span>
        </>
      ) : (
        <span className="ui-muted">…</span>
      )}
    </div>
  );
});
