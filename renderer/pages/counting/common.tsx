import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { isClientError } from '../../api';
import type { AppClient } from '../../api';
import type { z } from 'zod';
import type { ballotOffice, roundView } from '../../../shared/api/setup';

/**
 * Small pieces shared by the Counting, Results, Sign-off and Export screens: the round in hand, the people list,
 * an error line that shows the backend's "中文 / English" refusal, and the ballot layout of a round.
 */

export type Api = AppClient;
/** As the contract answers them (shared/api/setup.ts). */
export type RoundView = z.infer<typeof roundView>;
export type BallotOfficeView = z.infer<typeof ballotOffice>;
export type PersonView = Awaited<ReturnType<typeof listPeople>>[number];

function listPeople(api: Api) {
  return api.call('listPeople', {});
}

/** The message to show for a failed call: the backend's own text (中文 / English), or the transport's. */
export function errorText(err: unknown): string {
  if (isClientError(err)) return err.path ? `${err.message}` : err.message;
  return err instanceof Error ? err.message : String(err);
}

/** A refusal or failure, in red, announced to screen readers, with what to do next when we know it. */
export function ErrorNote({ error, testId = 'error' }: { error: string | null; testId?: string }) {
  if (!error) return null;
  return (
    <p className="b-error" role="alert" data-testid={testId}>
      ⚠ {error}
    </p>
  );
}

export function OkNote({ text, testId = 'ok' }: { text: string | null; testId?: string }) {
  if (!text) return null;
  return (
    <p className="b-ok" role="status" data-testid={testId}>
      ✓ {text}
    </p>
  );
}

/** The rounds of the election and the one being worked on (the latest round that has closed voting). */
export function useRounds(): {
  rounds: RoundView[];
  current: RoundView | null;
  reload(): Promise<void>;
  error: string | null;
  loaded: boolean;
} {
  const api = useApi();
  const [rounds, setRounds] = useState<RoundView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(async () => {
    try {
      setRounds(await api.call('listRounds', {}));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoaded(true);
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const started = rounds.filter((r) => r.status !== 'prepared' && r.status !== 'voting');
  const current = started[started.length - 1] ?? rounds[rounds.length - 1] ?? null;
  return { rounds, current, reload, error, loaded };
}

/** A round chooser (only when there is more than one round). */
export function RoundPicker({ rounds, value, onChange }: { rounds: RoundView[]; value: number | null; onChange(n: number): void }) {
  const t = useT();
  if (rounds.length < 2) return null;
  return (
    <label className="b-round-picker">
      {t('b.round.choose')}
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))} data-testid="round-picker">
        {rounds.map((r) => (
          <option key={r.number} value={r.number}>
            {roundLabel(t, r)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function roundLabel(t: ReturnType<typeof useT>, r: { number: number; kind: RoundView['kind'] }): string {
  return t('b.round.label', { n: r.number, kind: t(`b.roundKind.${r.kind}`) });
}

export function usePeople(): { people: PersonView[]; reload(): Promise<void> } {
  const api = useApi();
  const [people, setPeople] = useState<PersonView[]>([]);
  const reload = useCallback(async () => {
    try {
      setPeople(await listPeople(api));
    } catch {
      setPeople([]);
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { people, reload };
}

export function isSittingCommittee(p: PersonView): boolean {
  return p.committee !== null && !p.committee.left;
}

const ACTOR_KEY = 'station.actor.';

/**
 * Who is acting (the person recorded with a correction, ruling or settlement): a list of eligible people; the
 * choice is remembered for the session so the same official need not pick it for every ballot.
 */
export function PersonPicker({
  people,
  value,
  onChange,
  label,
  memory,
  testId,
}: {
  people: PersonView[];
  value: number | null;
  onChange(id: number | null): void;
  label: string;
  memory: string;
  testId: string;
}) {
  const t = useT();
  useEffect(() => {
    if (value !== null && people.some((p) => p.id === value)) return;
    let remembered: number | null = null;
    try {
      remembered = Number(sessionStorage.getItem(ACTOR_KEY + memory)) || null;
    } catch {
      /* none */
    }
    const pick = people.find((p) => p.id === remembered) ?? (people.length === 1 ? people[0] : undefined);
    if (pick && pick.id !== value) onChange(pick.id);
  }, [people, value, onChange, memory]);
  return (
    <label className="b-field">
      <span>{label}</span>
      <select
        value={value ?? ''}
        onChange={(e) => {
          const id = e.target.value === '' ? null : Number(e.target.value);
          try {
            sessionStorage.setItem(ACTOR_KEY + memory, String(id ?? ''));
          } catch {
            /* not remembered */
          }
          onChange(id);
        }}
        data-testid={testId}
      >
        <option value="">{t('b.person.choose')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The offices and candidates on a round's ballot. */
export function useRoundBallot(round: number | null): BallotOfficeView[] {
  const api = useApi();
  const [offices, setOffices] = useState<BallotOfficeView[]>([]);
  useEffect(() => {
    if (round === null) return;
    let live = true;
    api.call('roundBallot', { round }).then(
      (o) => live && setOffices(o),
      () => live && setOffices([]),
    );
    return () => {
      live = false;
    };
  }, [api, round]);
  return offices;
}

/** Runs one backend action at a time, keeping its error text. */
export function useAction(): {
  busy: boolean;
  error: string | null;
  setError(e: string | null): void;
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(errorText(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/**
 * A rules engine message ("中文 / English", shared/rules/messages.ts) in one language: a result's problems are
 * read, not reported back, so the other language is only noise (and the printed sheet is Chinese).
 */
export function messageIn(message: string, lang: string): string {
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return lang === 'en' ? message.slice(i + 3) : message.slice(0, i);
}
