import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../app/i18n';
import {
  compareSeals,
  custodyPosition,
  normalizeSeal,
  sameSeals,
  trailFor,
  type CustodyFact,
  type TrailStep,
} from '../../shared/domain/custody';
import type { BoxKind } from '../../shared/domain/venue';

/** What pressing the enabled step asks the backend to record (custodyStepInput without box, round and by). */
export interface CustodyStepRequest {
  step: TrailStep;
  seals?: string[];
  intact?: boolean;
  carriers?: string[];
}

export interface CustodyStepsProps {
  kind: BoxKind;
  /** The recorded custody events of this box, in order (as the backend reports them). */
  events: readonly CustodyFact[];
  /** Seal numbers recorded when sealing empty and when sealing after voting. */
  seals: { empty: readonly string[]; closed: readonly string[] };
  /** Box name for the heading, e.g. "第2投票站 1号箱". */
  boxLabel?: string;
  onStep(request: CustodyStepRequest): void | Promise<void>;
  busy?: boolean;
}

/** Seal numbers as typed or scanned: one or more, separated by spaces, commas or 、. */
export function splitSeals(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s,;、，；]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function needsSeals(step: TrailStep): boolean {
  return step === 'sealed-empty' || step === 'sealed-closed' || step === 'seal-checked';
}

/**
 * The custody trail of one box (DOMAIN §6) as a row of steps. Only the next step is enabled; the steps that need
 * data (seal numbers, carriers, the seal found) show one field, and Enter in it records the step.
 */
export function CustodySteps({ kind, events, seals, boxLabel, onStep, busy = false }: CustodyStepsProps) {
  const t = useT();
  const trail = trailFor(kind);
  const position = custodyPosition(kind, events);
  const doneSteps = new Set(events.map((e) => e.step));
  const last = [...events].reverse().find((e) => e.step !== 'committee-decision');
  const next = position.state === 'next' ? position.next : null;
  // The field's text belongs to the step it was typed for, so a step never receives the previous step's text.
  const [typed, setTyped] = useState<{ step: TrailStep | null; text: string }>({ step: next, text: '' });
  const text = typed.step === next ? typed.text : '';
  const setText = (value: string) => setTyped({ step: next, text: value });
  const [error, setError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  const rootRef = useRef<HTMLElement>(null);
  // After a step is recorded, keyboard users continue at the next step (its field or its button),
  // but only if they were working in this widget (the pressed button became disabled, so focus fell to the body).
  const shownNext = useRef(next);
  useEffect(() => {
    if (shownNext.current === next) return;
    shownNext.current = next;
    setError(null);
    const active = document.activeElement;
    const ours = active === document.body || active === null || (rootRef.current?.contains(active) ?? false);
    if (!ours) return;
    (fieldRef.current ?? nextRef.current)?.focus();
  }, [next]);

  // At the seal check the seals may be typed one by one: each Enter keeps the ones typed so far (for this step only).
  const [kept, setKept] = useState<{ step: TrailStep | null; seals: string[] }>({ step: null, seals: [] });
  const keptSeals = kept.step === next ? kept.seals : [];
  const typedSeals = [...new Set([...keptSeals, ...splitSeals(text).map(normalizeSeal)])];
  const sealMatches = next === 'seal-checked' && typedSeals.length > 0 && sameSeals(typedSeals, seals.closed);
  const check = next === 'seal-checked' ? compareSeals(typedSeals, seals.closed) : null;
  const sealName = (seal: string) =>
    seals.empty.some((s) => normalizeSeal(s) === seal) ? t('custody.sealEmptyNamed', { seal }) : t('custody.sealClosedNamed', { seal });

  const send = async (request: CustodyStepRequest) => {
    setError(null);
    await onStep(request);
  };

  const submitNext = (e?: FormEvent, intact?: boolean) => {
    e?.preventDefault();
    if (!next || busy) return;
    if (needsSeals(next) && typedSeals.length === 0) {
      setError(t('custody.needSeal'));
      fieldRef.current?.focus();
      return;
    }
    if (next === 'carried') {
      const carriers = splitSeals(text);
      if (carriers.length === 0) {
        setError(t('custody.needCarriers'));
        fieldRef.current?.focus();
        return;
      }
      void send({ step: next, carriers });
      return;
    }
    if (next === 'seal-checked') {
      // Seals that match so far but not all of them yet: keep them and wait for the next one.
      if (intact === undefined && check && check.unexpected.length === 0 && check.missing.length > 0) {
        setKept({ step: next, seals: typedSeals });
        setText('');
        fieldRef.current?.focus();
        return;
      }
      // Enter records only a matching seal; a broken or different seal needs its own button, never a stray Enter.
      if (intact === undefined && !sealMatches) {
        setError(t('custody.sealMismatch', { seal: seals.closed.join('、') }));
        return;
      }
      void send({ step: next, seals: typedSeals.map(normalizeSeal), intact: intact ?? sealMatches });
      return;
    }
    if (needsSeals(next)) void send({ step: next, seals: typedSeals.map(normalizeSeal) });
    else void send({ step: next });
  };

  const stateName = last ? t(`custody.step.${last.step as TrailStep}`) : t('custody.state.none');
  const flagged = position.state === 'needs-decision';

  return (
    <section ref={rootRef} className="custody" aria-label={`${t('custody.title')} ${boxLabel ?? ''}`} data-testid="custody" data-kind={kind}>
      <header className="custody-head">
        <h3>
          {boxLabel ?? t(`custody.kind.${kind}`)} <small>{t(`custody.kind.${kind}`)}</small>
        </h3>
        <p className="custody-state" data-testid="custody-state" data-state={last?.step ?? 'none'}>
          {t('custody.state', { state: stateName })}
        </p>
        <p className="custody-seals">
          {seals.empty.length > 0 && <span data-testid="seal-empty">{t('custody.emptySeal', { seal: seals.empty.join('、') })}</span>}
          {seals.closed.length > 0 && <span data-testid="seal-closed">{t('custody.closedSeal', { seal: seals.closed.join('、') })}</span>}
        </p>
        {flagged && (
          <p className="custody-flag" role="alert" data-testid="custody-flag">
            {t('custody.sealBrokenFlag')}
          </p>
        )}
        {kind === 'central' && <p className="custody-note">{t('custody.skipped')}</p>}
      </header>
      <ol className="custody-trail">
        {trail.map((step, i) => {
          const isDone = doneSteps.has(step) && step !== next;
          const isNext = step === next;
          return (
            <li key={step} className={`custody-step${isDone ? ' is-done' : ''}${isNext ? ' is-next' : ''}`} data-step={step}>
              <button
                ref={isNext ? nextRef : undefined}
                type="button"
                disabled={!isNext || busy}
                aria-describedby={isNext && error ? 'custody-error' : undefined}
                onClick={() => submitNext()}
                data-testid={`step-${step}`}
              >
                <span className="step-no">{i + 1}</span>
                <span className="step-name">{t(`custody.step.${step}`)}</span>
                <span className="step-status">{isDone ? `✓ ${t('custody.done')}` : isNext ? t('custody.next') : t('custody.notYet')}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {next && (needsSeals(next) || next === 'carried') && (
        <form className="custody-form" onSubmit={(e) => submitNext(e)}>
          <label>
            {next === 'carried' ? t('custody.carriedBy') : next === 'seal-checked' ? t('custody.sealSeen') : t('custody.sealNumber')}
            <input
              ref={fieldRef}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoComplete="off"
              data-testid="custody-field"
            />
          </label>
          {check && check.unexpected.length > 0 && (
            <p className="custody-flag" role="alert" data-testid="seal-mismatch">
              {t('custody.sealMismatch', { seal: seals.closed.join('、') })}
            </p>
          )}
          {check && check.unexpected.length === 0 && check.matching.length > 0 && (
            <p className="custody-seal-progress" role="status" data-testid="seal-progress">
              <span className="ui-text-good">{t('custody.sealsMatching', { seals: check.matching.join('、') })}</span>
              {check.missing.length > 0 && (
                <>
                  {' '}
                  <span data-testid="seal-still-needed">
                    {t('custody.sealsStillNeeded', { count: seals.closed.length, seals: check.missing.map(sealName).join('、') })}
                  </span>
                </>
              )}
            </p>
          )}
          {keptSeals.length > 0 && (
            <button type="button" onClick={() => setKept({ step: next, seals: [] })} data-testid="seal-restart">
              {t('custody.sealsRestart')}
            </button>
          )}
          {next === 'seal-checked' ? (
            <div className="custody-choice">
              <button type="button" onClick={() => submitNext(undefined, true)} disabled={busy || !sealMatches} data-testid="seal-intact">
                {t('custody.sealIntact')}
              </button>
              <button type="button" className="danger" onClick={() => submitNext(undefined, false)} disabled={busy} data-testid="seal-broken">
                {t('custody.sealBroken')}
              </button>
            </div>
          ) : (
            <button type="submit" disabled={busy} data-testid="custody-submit">
              {t(`custody.step.${next}`)}
            </button>
          )}
        </form>
      )}
      {error && (
        <p id="custody-error" className="custody-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

