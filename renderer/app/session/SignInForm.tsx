import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES, type StaffRole } from '../../../shared/domain/authority';
import { isClientError } from '../../api';
import { ErrorNote, Field, useLoad } from '../../ui';
import { useApi } from '../api-context';
import { useLang } from '../i18n';
import { roleNames } from './may-call';
import { useSession } from './session-context';

/** Idle times offered; the desk may keep a session for a whole shift. */
const IDLE_CHOICES = [DEFAULT_IDLE_MINUTES, 30, 60];
export const SHIFT_MINUTES = Math.min(8 * 60, MAX_IDLE_MINUTES);

interface Candidate {
  id: number;
  name: string;
  roles: StaffRole[];
  lockedSeconds: number;
}

function matches(c: Candidate, filter: string): boolean {
  const f = filter.trim().replace(/^#/, '');
  if (f === '') return true;
  return /^\d+$/.test(f) ? String(c.id) === f : c.name.includes(f);
}

/** Seconds left until `until` (ms), counting down once a second while above zero. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

function lockedFor(err: unknown): number | null {
  if (!isClientError(err)) return null;
  const d = err.details as { reason?: unknown; seconds?: unknown } | undefined;
  return d?.reason === 'pin-locked' && typeof d.seconds === 'number' ? d.seconds : null;
}

/**
 * Sign-in: pick yourself from the people who can sign in (type part of the name, or your number), type your PIN,
 * Enter. A person holding several roles may act in one only; the idle time says when the session ends by itself.
 */
export function SignInForm({ onCancel }: { onCancel?: () => void }) {
  const api = useApi();
  const { t, lang } = useLang();
  const { signIn } = useSession();
  const candidates = useLoad(() => api.call('signInCandidates', {}), [api]);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [role, setRole] = useState<StaffRole | ''>('');
  const [idle, setIdle] = useState(DEFAULT_IDLE_MINUTES);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [lockUntil, setLockUntil] = useState<number | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => (candidates.data ?? []).filter((c) => matches(c, filter)), [candidates.data, filter]);
  const chosen = shown.find((c) => c.id === picked) ?? (shown.length === 1 ? shown[0]! : null);
  const lockLeft = useCountdown(lockUntil);

  useEffect(() => {
    filterRef.current?.focus();
  }, []);
  useEffect(() => {
    setRole('');
    setError(null);
    setLockUntil(chosen && chosen.lockedSeconds > 0 ? Date.now() + chosen.lockedSeconds * 1000 : null);
    if (chosen && !chosen.roles.includes('desk')) setIdle((m) => (m > 60 ? DEFAULT_IDLE_MINUTES : m));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen?.id]);

  // Enter typed before the list of people has arrived is kept, and acted on when it arrives (a quick hand on a slow
  // laptop would otherwise see nothing happen).
  const [enterWaiting, setEnterWaiting] = useState(false);
  useEffect(() => {
    if (!enterWaiting || candidates.loading) return;
    setEnterWaiting(false);
    if (chosen) pinRef.current?.focus();
  }, [enterWaiting, candidates.loading, chosen]);

  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (chosen) pinRef.current?.focus();
      else if (candidates.loading) setEnterWaiting(true);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) {
      setError(new Error(t('signin.pickFirst')));
      filterRef.current?.focus();
      return;
    }
    if (pin === '') {
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn({ person: chosen.id, pin, idleMinutes: idle, ...(role === '' ? {} : { role }) });
    } catch (err) {
      setError(err);
      const seconds = lockedFor(err);
      if (seconds !== null) setLockUntil(Date.now() + seconds * 1000);
      setPin('');
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const locked = lockLeft > 0;
  const idleChoices = chosen?.roles.includes('desk') ? [...IDLE_CHOICES, SHIFT_MINUTES] : IDLE_CHOICES;

  return (
    <form className="signin-form ui-form" onSubmit={submit} data-testid="signin-form" aria-labelledby="signin-title" noValidate>
      <h2 id="signin-title">{t('signin.title')}</h2>
      <Field label={t('signin.who')} hint={t('signin.whoHint')}>
        <input
          ref={filterRef}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPicked(null);
          }}
          onKeyDown={onFilterKey}
          autoComplete="off"
          data-testid="signin-filter"
        />
      </Field>
      <ErrorNote error={candidates.error} />
      <fieldset className="ui-fieldset signin-people" data-testid="signin-people">
        <legend>{t('signin.people')}</legend>
        {candidates.data !== null && shown.length === 0 && <p className="ui-muted">{t('signin.noneMatch')}</p>}
        {shown.map((c) => (
          <label key={c.id} className="ui-check signin-person" data-testid={`signin-person-${c.id}`} data-chosen={chosen?.id === c.id ? 'yes' : 'no'}>
            <input type="radio" name="signin-person" checked={chosen?.id === c.id} onChange={() => setPicked(c.id)} />
            <span>
              <b>{c.name}</b> <span className="ui-muted">#{c.id} · {roleNames(c.roles, lang)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="ui-row">
        <Field label={chosen ? t('signin.pinFor', { name: chosen.name }) : t('signin.pin')}>
          <input
            ref={pinRef}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={32}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            data-testid="signin-pin"
          />
        </Field>
        {chosen && chosen.roles.length > 1 && (
          <Field label={t('signin.role')}>
            <select value={role} onChange={(e) => setRole(e.target.value as StaffRole | '')} data-testid="signin-role">
              <option value="">{t('signin.allRoles', { roles: roleNames(chosen.roles, lang) })}</option>
              {chosen.roles.map((r) => (
                <option key={r} value={r}>
                  {roleNames([r], lang)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('signin.idle')}>
          <select value={idle} onChange={(e) => setIdle(Number(e.target.value))} data-testid="signin-idle">
            {idleChoices.map((m) => (
              <option key={m} value={m}>
                {m === SHIFT_MINUTES ? t('signin.shift', { hours: m / 60 }) : t('signin.minutes', { n: m })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {locked ? (
        <ErrorNote error={t('signin.locked', { name: chosen?.name ?? '', seconds: lockLeft })} testId="signin-locked" />
      ) : (
        <ErrorNote error={lockedFor(error) === null ? error : null} testId="signin-error" />
      )}
      <div className="ui-actions">
        <button type="submit" className="ui-primary" disabled={busy || locked} data-testid="signin-submit">
          {t('signin.submit')} <kbd>Enter</kbd>
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} data-testid="signin-cancel">
            {t('signin.cancel')} <kbd>Esc</kbd>
          </button>
        )}
      </div>
    </form>
  );
}
