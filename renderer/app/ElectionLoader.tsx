import { useEffect, type ReactNode } from 'react';
import { useApi } from './api-context';
import { useElection } from './election-context';

/**
 * Loads the open election's title and drill flag once at start-up (getElection), and whether the file itself is a
 * drill file (currentElectionFile), so the top bar and the 演练
 * banner are right on every screen. Screens that change the election
 * (Start, Setup) call `useElection().setElection(...)` with the new summary.
 */
export function ElectionLoader({ children }: { children: ReactNode }) {
  const api = useApi();
  const { setElection, setDrillFile } = useElection();
  useEffect(() => {
    let live = true;
    api
      .call('getElection', {})
      .then((e) => {
        if (live) setElection(e.election ? { title: e.election.title, drill: e.election.drill } : null);
      })
      .catch(() => {
        /* no backend answer yet: the Start screen shows the error when it asks */
      });
    api
      .call('currentElectionFile', {})
      .then((f) => {
        if (live) setDrillFile(f.drill);
      })
      .catch(() => {
        /* as above */
      });
    return () => {
      live = false;
    };
  }, [api, setElection, setDrillFile]);
  return <>{children}</>;
}
