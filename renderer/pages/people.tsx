import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../app/api-context';
import { useT } from '../app/i18n';
import { windowSession, type AppClient } from '../api';
import { Field } from '../ui';
import type { SessionView } from '../../shared/api/session';

export type PersonView = Awaited<ReturnType<typeof listPeople>>[number];

function listPeople(api: AppClient) {
  return api.call('listPeople', {});
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
    <Field label={label}>
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
    </Field>
  );
}
