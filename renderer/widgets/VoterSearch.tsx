import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AssignmentView } from '../../shared/api/issuance';
import { useApi } from '../app/api-context';
import { useT } from '../app/i18n';
import { ErrorNote, useLoad } from '../ui';
import { useVoterPages, type ListedVoter, type VoterQuery } from './voter-pages';
import './voter-search.css';

export type { ListedVoter, VoterQuery } from './voter-pages';

const ROW_PX = 34;

/** A venue's name, or a mobile box's marked as one (unless its name already says so: 流动票箱一). */
export function usePlaceName(): (a: AssignmentView | { kind: 'mobile-box'; name: string }) => string {
  const t = useT();
  return (a) => (a.kind === 'venue' || a.name.includes('流动') ? a.name : t('vsearch.mobile', { name: a.name }));
}

/** A place filter's value: '' (everywhere), 'venue:<id>' or 'box:<id>'. */
function placeTarget(value: string): VoterQuery['assignment'] {
  if (value.startsWith('venue:')) return { venue: value.slice(6) };
  if (value.startsWith('box:')) return { mobileBox: value.slice(4) };
  return undefined;
}

export interface VoterSearchProps {
  /** Enter on the highlighted voter, or a click on one. */
  onChoose(voter: ListedVoter): void;
  /** Show the filters (group, place, and, with a round, issued or not). */
  filters?: boolean;
  /** The round the issued/not-yet filter speaks of. */
  round?: number | null;
  /** Rows visible at once. */
  rows?: number;
  /** The chosen voter's certificate, marked in the list. */
  chosen?: string | null;
  /** Told the query whenever it changes (for printing what is shown). */
  onQuery?(query: VoterQuery): void;
  /** Bump to fetch again after a change (an assignment). */
  reloadKey?: number;
  autoFocus?: boolean;
  testId?: string;
}

/**
 * The one voter search: the voter list, the desk's lookup of a voter without a certificate, and assignment use it.
 * Type a name (any part), an ID number or a certificate number; ↑↓ PageUp PageDown move, Enter chooses. The list
 * is virtualized and fetched a page at a time, so it stays quick for a roll of any size.
 */
export function VoterSearch({
  onChoose,
  filters = false,
  round = null,
  rows = 12,
  chosen = null,
  onQuery,
  reloadKey = 0,
  autoFocus = false,
  testId = 'voter-search',
}: VoterSearchProps) {
  const api = useApi();
  const t = useT();
  const placeName = usePlaceName();
  const listId = useId();
  const [search, setSearch] = useState('');
  const [group, setGroup] = useState('');
  const [place, setPlace] = useState('');
  const [status, setStatus] = useState<'' | 'issued' | 'not-issued'>('');
  const [active, setActive] = useState(0);
  const groups = useLoad(() => (filters ? api.call('rollGroups', {}) : Promise.resolve([])), [api, filters, reloadKey]);
  const overview = useLoad(() => (filters ? api.call('getElection', {}) : Promise.resolve(null)), [api, filters]);

  const trimmed = search.trim();
  const assignment = placeTarget(place);
  const query: VoterQuery = {
    ...(trimmed ? { search: trimmed.slice(0, 40) } : {}),
    ...(group ? { group } : {}),
    ...(assignment ? { assignment } : {}),
    ...(status && round !== null ? { status, round } : {}),
  };
  const pages = useVoterPages(api, query, reloadKey);
  const total = pages.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 8 });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const queryKey = JSON.stringify(query);
  useEffect(() => {
    setActive(0);
    virtual.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey]);
  useEffect(() => onQuery?.(query), [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const ensure = pages.ensure;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total]);

  const move = (to: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    virtual.scrollToIndex(next, { align: 'auto' });
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: rows, PageUp: -rows };
    if (e.key in step) {
      e.preventDefault();
      move(active + step[e.key]!);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const voter = pages.at(active);
      if (voter) onChoose(voter);
    }
  };

  const statusLabel = (v: ListedVoter) =>
    v.removed ? t('roll.voterRemoved') : v.issuedRounds.length > 0 ? t('vsearch.issuedRounds', { rounds: v.issuedRounds.join('、') }) : t('vsearch.notYet');
  const activeVoter = pages.at(active);

  return (
    <div className="vsearch" data-testid={testId}>
      <div className="vsearch-bar">
        <label className="ui-field vsearch-field">
          <span className="ui-field-label">{t('vsearch.label')}</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={onKey}
            placeholder={t('vsearch.placeholder')}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            autoFocus={autoFocus}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={activeVoter ? `${listId}-${active}` : undefined}
            data-testid={`${testId}-input`}
          />
        </label>
        {filters && (
          <>
            <label className="ui-field">
              <span className="ui-field-label">{t('vsearch.group')}</span>
              <select value={group} onChange={(e) => setGroup(e.target.value)} data-testid={`${testId}-group`}>
                <option value="">{t('vsearch.allGroups')}</option>
                {groups.data?.map((g) => (
                  <option key={g.group} value={g.group}>
                    {g.group}
                  </option>
                ))}
              </select>
            </label>
            <label className="ui-field">
              <span className="ui-field-label">{t('vsearch.place')}</span>
              <select value={place} onChange={(e) => setPlace(e.target.value)} data-testid={`${testId}-place`}>
                <option value="">{t('vsearch.allPlaces')}</option>
                {overview.data?.venues.map((v) => (
                  <option key={v.id} value={`venue:${v.id}`}>
                    {v.name}
                  </option>
                ))}
                {overview.data?.boxes
                  .filter((b) => b.kind === 'mobile')
                  .map((b) => (
                    <option key={b.id} value={`box:${b.id}`}>
                      {placeName({ kind: 'mobile-box', name: b.name })}
                    </option>
                  ))}
              </select>
            </label>
            {round !== null && (
              <label className="ui-field">
                <span className="ui-field-label">{t('vsearch.status')}</span>
                <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)} data-testid={`${testId}-status`}>
                  <option value="">{t('vsearch.allStatus')}</option>
                  <option value="issued">{t('vsearch.issued', { round })}</option>
                  <option value="not-issued">{t('vsearch.notIssued', { round })}</option>
                </select>
              </label>
            )}
          </>
        )}
      </div>
      <p className="vsearch-count ui-muted" role="status" data-testid={`${testId}-total`}>
        {pages.total === null ? '…' : pages.total === 0 ? t('vsearch.none') : t('vsearch.total', { n: pages.total })} · {t('vsearch.keys')}
      </p>
      <ErrorNote error={pages.error} />
      <div className="vsearch-head" aria-hidden="true">
        <span>{t('vsearch.col.name')}</span>
        <span>{t('vsearch.col.group')}</span>
        <span>{t('vsearch.col.certificate')}</span>
        <span>{t('vsearch.col.place')}</span>
        <span>{t('vsearch.col.status')}</span>
      </div>
      <div ref={scroller} className="vsearch-scroll" style={{ height: rows * ROW_PX }}>
        <div id={listId} role="listbox" aria-label={t('vsearch.results')} className="vsearch-list" style={{ height: virtual.getTotalSize() }}>
          {items.map((item) => {
            const v = pages.at(item.index);
            return (
              <div
                key={item.key}
                id={`${listId}-${item.index}`}
                role="option"
                aria-selected={item.index === active}
                className={v && v.certificate === chosen ? 'vsearch-row vsearch-chosen' : 'vsearch-row'}
                style={{ height: ROW_PX, transform: `translateY(${item.start}px)` }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setActive(item.index);
                  if (v) onChoose(v);
                }}
                data-certificate={v?.certificate}
                data-testid="voter-row"
              >
                {v ? (
                  <>
                    <span className="vsearch-name">{v.name}</span>
                    <span>
                      {v.group}
                      {v.household !== undefined && <span className="ui-muted" data-testid="voter-household"> · {t('vsearch.household', { number: v.household })}</span>}
                    </span>
                    <span className="ui-mono">{v.certificate}</span>
                    <span>{placeName(v.assignment)}</span>
                    <span className={v.removed ? 'ui-text-bad' : v.issuedRounds.length > 0 ? 'ui-text-good' : 'ui-muted'}>{statusLabel(v)}</span>
                  </>
                ) : (
                  <span className="ui-muted">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
