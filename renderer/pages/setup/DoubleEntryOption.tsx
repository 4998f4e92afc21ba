import { useApi } from '../../app/api-context';
import { DoubleEntrySetting } from '../counting/DoubleEntrySetting';
import type { Overview } from './overview';
import { useLoad } from '../../ui';

/**
 * The Counting screen's double-entry switch, offered here too as an election setting: locked, as there, once any box
 * of any round has been opened for counting (the backend refuses the change then anyway).
 */
export function DoubleEntryOption({ rounds }: { rounds: Overview['rounds'] }) {
  const api = useApi();
  const numbers = rounds.map((r) => r.number);
  const opened = useLoad(
    async () => {
      const all = await Promise.all(numbers.map((round) => api.call('countingOverview', { round })));
      return all.some((boxes) => boxes.some((b) => b.status !== 'not-opened'));
    },
    [api, numbers.join(',')],
  );
  if (opened.data === null && opened.loading) return null;
  return <DoubleEntrySetting anyOpened={opened.data ?? false} />;
}
