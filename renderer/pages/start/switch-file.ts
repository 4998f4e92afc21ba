import { useApi } from '../../app/api-context';
import { useAction } from '../../ui';

/**
 * Creating or opening an election file of the data folder: the backend opens it in place of the open one, then the
 * page starts again from scratch on it (its sign-in, its election, its screens), where it stood (#/start, #/drill).
 */
export function useSwitchFile() {
  const api = useApi();
  const action = useAction();
  const switched = (r: unknown) => {
    if (r) window.location.reload();
  };
  return {
    action,
    create: async (name: string, drill: boolean) => switched(await action.run(() => api.call('createElectionFile', { name, drill }))),
    open: async (name: string) => switched(await action.run(() => api.call('openElectionFile', { name }))),
  };
}
