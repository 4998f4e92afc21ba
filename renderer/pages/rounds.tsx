import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { useApi } from '../app/api-context';
import { useT } from '../app/i18n';
import type { roundView } from '../../shared/api/setup';

/** A round as the contract answers it (shared/api/setup.ts). */
export type RoundView = z.infer<typeof roundView>;

/** The round the polling day is about: the one open for voting, else the newest. */
export function currentRound<R extends { number: number; status: string }>(rounds: readonly R[]): R | null {
  const voting = [...rounds].reverse().find((r) => r.status === 'voting');
  return voting ?? rounds[rounds.length - 1] ?? null;
}

/** The rounds of the election and the one being counted (the latest round that has closed voting). */
export function useRounds(): {
  rounds: RoundView[];
  current: RoundView | null;
  reload(): Promise<void>;
  error: unknown;
  loaded: boolean;
} {
  const api = useApi();
  const [rounds, setRounds] = useState<RoundView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(async () => {
    try {
      setRounds(await api.call('listRounds', {}));
      setError(null);
    } catch (err) {
      setError(err);
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
    <label className="ui-inline-field">
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
