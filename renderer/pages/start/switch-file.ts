import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useAction } from '../../ui';

import type { LeaveConfirmation } from './open-rounds';

export { openRoundsOf, type LeaveConfirmation, type OpenRound } from './open-rounds';

type Pending = { kind: 'open'; name: string } | { kind: 'create'; name: string; drill: boolean };

/**
 * Creating or opening an election file of the data folder: the backend opens it in place of the open one, then the
 * page starts again from scratch on it (its sign-in, its election, its screens), where it stood (#/start, #/drill).
 * While the open file has a round voting or counting the backend holds the switch; `confirm` sends it again with a
 * committee member's approval naming those rounds.
 */
export function useSwitchFile() {
  const api = useApi();
  const action = useAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const switched = (r: unknown) => {
    if (r) window.location.reload();
  };
  const send = async (p: Pending, leave?: LeaveConfirmation) => {
    setPending(p);
    const extra = leave ? { leave } : {};
    switched(
      await action.run(() =>
        p.kind === 'open' ? api.call('openElectionFile', { name: p.name, ...extra }) : api.call('createElectionFile', { name: p.name, drill: p.drill, ...extra }),
      ),
    );
  };
  return {
    action,
    pending,
    create: (name: string, drill: boolean) => send({ kind: 'create', name, drill }),
    open: (name: string) => send({ kind: 'open', name }),
    confirm: async (leave: LeaveConfirmation) => {
      if (pending) await send(pending, leave);
    },
  };
}
