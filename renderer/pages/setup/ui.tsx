import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { isClientError } from '../../api';
import { useT } from '../../app/i18n';
import '../../styles/screens-a.css';

/**
 * Small pieces shared by the Start, Setup, Desk and Boxes screens: loading a backend answer, showing a failure in
 * words, a labelled field. Backend messages already read "中文 / English" and are shown as they are.
 */

export function errorText(err: unknown): string {
  if (isClientError(err)) return err.path ? `${err.message}（${err.path}）` : err.message;
  return err instanceof Error ? err.message : String(err);
}

export function ErrorBox({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="sa-error" role="alert" data-testid={testId}>
      {errorText(error)}
    </p>
  );
}

export function Notice({ children, testId = 'notice' }: { children: ReactNode; testId?: string }) {
  return (
    <p className="sa-notice" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Runs `load` now and whenever `reload()` is called or a dependency changes; a late answer never overwrites a newer one. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    load().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setError(err);
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** A run-once action with its busy flag and failure, for forms and buttons. */
export function useAction(): {
  busy: boolean;
  error: unknown;
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(null) };
}

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="sa-field">
      <span className="sa-field-label">{label}</span>
      {children}
      {hint && <span className="sa-field-hint">{hint}</span>}
    </label>
  );
}

export function Loading() {
  const t = useT();
  return <p className="sa-muted">{t('sa.loading')}</p>;
}

/** The round the day is about: the one open for voting, else the newest. */
export function currentRound<R extends { number: number; status: string }>(rounds: readonly R[]): R | null {
  const voting = [...rounds].reverse().find((r) => r.status === 'voting');
  return voting ?? rounds[rounds.length - 1] ?? null;
}

/** Today in the form the date fields use (local time). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
