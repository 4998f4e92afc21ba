import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../app/i18n';
import {
  addWriteIn,
  applyKey,
  cancelMode,
  commitPending,
  emptyEntry,
  markOf,
  overvoted,
  personsVotedFor,
  VOID_REASONS,
  type EnteredBallot,
  type EntryOffice,
  type EntryState,
} from './ballot-entry-model';

export type { EnteredBallot, EntryOffice } from './ballot-entry-model';

export interface BallotEntryProps {
  /** Offices in ballot order, each with its candidates in ballot order (numbered 1..n per section). */
  offices: readonly EntryOffice[];
  /**
   * Called with each finished ballot. The entry clears at once for the next ballot; if this returns false, throws,
   * or returns a promise that resolves to false or rejects, the submitted ballot comes back to be corrected.
   */
  onSubmit(ballot: EnteredBallot): void | boolean | Promise<void | boolean>;
  autoFocus?: boolean;
  /** Disables entry (e.g. while the count is frozen). */
  disabled?: boolean;
}

/** A digit typed alone waits this long for a second digit in sections with 10 or more candidates. */
const PENDING_MS = 1200;

/**
 * Keyboard entry of one called ballot. Keys: number = for (toggle), - then number = against, w = write-in,
 * Tab/→ next section, Shift+Tab/← previous, Enter next section or submit on the last (Ctrl+Enter anywhere),
 * v then 1/2/3 = void with reason, d = doubtful, Backspace = undo, Esc = cancel/clear.
 */
export function BallotEntry({ offices, onSubmit, autoFocus = true, disabled = false }: BallotEntryProps) {
  const t = useT();
  const [state, setState] = useState<EntryState>(() => emptyEntry(offices));
  const rootRef = useRef<HTMLDivElement>(null);
  const writeInRef = useRef<HTMLInputElement>(null);
  const [writeIn, setWriteIn] = useState('');

  // A new ballot layout (another round) starts a fresh entry; a re-render with equal offices does not.
  const layout = JSON.stringify(offices.map((o) => [o.id, o.seats, o.candidates.map((c) => c.id)]));
  const firstLayout = useRef(layout);
  useEffect(() => {
    if (layout === firstLayout.current) return;
    firstLayout.current = layout;
    setState(emptyEntry(offices));
  }, [layout, offices]);

  useEffect(() => {
    if (autoFocus) rootRef.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (state.mode === 'write-in') writeInRef.current?.focus();
  }, [state.mode]);

  // A lone first digit in a long section is committed after a pause.
  useEffect(() => {
    if (state.pending === '') return;
    const timer = setTimeout(() => setState((s) => commitPending(s, offices)), PENDING_MS);
    return () => clearTimeout(timer);
  }, [state.pending, offices]);

  // The entry clears at once so the counter can type the next ballot while a slow submit is under way;
  // if the submit is refused (false or an error), the submitted ballot comes back for correction.
  const submit = useCallback(
    (ballot: EnteredBallot, submitted: EntryState) => {
      let result: ReturnType<BallotEntryProps['onSubmit']>;
      try {
        result = onSubmit(ballot);
      } catch {
        return;
      }
      if (result instanceof Promise) {
        setState(emptyEntry(offices));
        result.then(
          (r) => {
            if (r === false) setState(submitted);
          },
          () => setState(submitted),
        );
      } else if (result !== false) {
        setState(emptyEntry(offices));
      }
    },
    [onSubmit, offices],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== rootRef.current || disabled) return;
    if (e.nativeEvent.isComposing) return;
    const { state: next, effect, handled } = applyKey(state, offices, e);
    if (!handled) return;
    e.preventDefault();
    e.stopPropagation();
    setState(next);
    if (effect?.kind === 'open-write-in') setWriteIn('');
    if (effect?.kind === 'submit') submit(effect.ballot, next);
  };

  const onWriteInKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      setState((s) => addWriteIn(s, writeIn));
      setWriteIn('');
      rootRef.current?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setState(cancelMode);
      setWriteIn('');
      rootRef.current?.focus();
    }
  };

  const over = overvoted(state, offices);
  const voided = state.voidReason !== null;

  return (
    <div className="ballot-entry" data-testid="ballot-entry">
      <div
        ref={rootRef}
        className={`ballot-sheet${voided ? ' is-void' : ''}${state.doubtful ? ' is-doubtful' : ''}`}
        tabIndex={0}
        role="application"
        aria-label={t('ballot.label')}
        aria-disabled={disabled || undefined}
        aria-describedby="ballot-keys"
        onKeyDown={onKeyDown}
        data-testid="ballot-sheet"
      >
        <div className="ballot-status" aria-live="polite" data-testid="ballot-status">
          {voided && (
            <p className="ballot-flag flag-void" data-testid="ballot-void">
              {t('ballot.voidChosen', { reason: t(`ballot.void.${state.voidReason!}`) })}
            </p>
          )}
          {state.mode === 'void-pick' && (
            <div className="ballot-flag flag-void-pick" data-testid="void-picker">
              <p>{t('ballot.voidTitle')}</p>
              <ol>
                {VOID_REASONS.map((r) => (
                  <li key={r}>
                    <kbd>{VOID_REASONS.indexOf(r) + 1}</kbd> {t(`ballot.void.${r}`)}
                  </li>
                ))}
              </ol>
            </div>
          )}
          {state.doubtful && !voided && (
            <p className="ballot-flag flag-doubtful" data-testid="ballot-doubtful">
              {t('ballot.doubtful')}
            </p>
          )}
          {state.mode === 'against' && <p className="ballot-flag flag-mode">{t('ballot.pendingAgainst')}</p>}
          {state.pending !== '' && <p className="ballot-flag flag-mode">{t('ballot.pendingNumber', { n: state.pending })}</p>}
          {state.notice && (
            <p className="ballot-flag flag-notice" role="alert">
              {t(state.notice.key, { n: state.notice.n })}
            </p>
          )}
        </div>

        {offices.map((office, si) => {
          const sec = state.sections[si];
          const current = si === state.section;
          return (
            <section
              key={office.id}
              className={`ballot-section${current ? ' is-current' : ''}${over[si] ? ' is-overvote' : ''}`}
              aria-current={current ? 'step' : undefined}
              data-testid={`section-${office.id}`}
            >
              <h3>
                {current && <span className="current-marker">▶ </span>}
                {t('ballot.section', { n: si + 1, title: office.title, seats: office.seats })}
              </h3>
              {over[si] && (
                <p className="overvote" role="alert" data-testid={`overvote-${office.id}`}>
                  ⚠ {t('ballot.overvote', { count: personsVotedFor(office, sec!), seats: office.seats })}
                </p>
              )}
              <ol className="ballot-candidates">
                {office.candidates.map((c, ci) => {
                  const mark = markOf(state, si, c.id);
                  return (
                    <li key={c.id} className={`cand mark-${mark ?? 'none'}`} data-mark={mark ?? 'none'} data-testid={`cand-${office.id}-${c.id}`}>
                      <span className="cand-no">{ci + 1}</span>
                      <span className="cand-name">{c.name}</span>
                      <span className="cand-mark">
                        {mark === 'for' ? `○ ${t('ballot.for')}` : mark === 'against' ? `✕ ${t('ballot.against')}` : ''}
                      </span>
                    </li>
                  );
                })}
              </ol>
              {(sec?.writeIns.length ?? 0) > 0 && (
                <p className="ballot-writeins" data-testid={`writeins-${office.id}`}>
                  {t('ballot.writeIns')}：{sec!.writeIns.join('、')}
                </p>
              )}
              {current && state.mode === 'write-in' && (
                <label className="writein-field">
                  {t('ballot.writeInPrompt')}
                  <input
                    ref={writeInRef}
                    value={writeIn}
                    onChange={(e) => setWriteIn(e.target.value)}
                    onKeyDown={onWriteInKey}
                    data-testid="writein-input"
                  />
                </label>
              )}
            </section>
          );
        })}
      </div>
      <aside id="ballot-keys" className="key-legend" data-testid="ballot-keys">
        <h3>{t('ballot.keys.title')}</h3>
        <ul>
          <li>{t('ballot.keys.number')}</li>
          <li>{t('ballot.keys.minus')}</li>
          <li>{t('ballot.keys.w')}</li>
          <li>{t('ballot.keys.tab')}</li>
          <li>{t('ballot.keys.enter')}</li>
          <li>{t('ballot.keys.v')}</li>
          <li>{t('ballot.keys.d')}</li>
          <li>{t('ballot.keys.backspace')}</li>
          <li>{t('ballot.keys.esc')}</li>
        </ul>
      </aside>
    </div>
  );
}
