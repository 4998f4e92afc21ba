import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** What the top bar needs to know of the open election; the Start screen sets it after opening a file. */
export interface ElectionSummary {
  title: string;
  drill: boolean;
}

interface ElectionState {
  election: ElectionSummary | null;
  setElection(e: ElectionSummary | null): void;
  /** The open file was made as a drill file (演练 even before a drill election is in it). */
  drillFile: boolean;
  setDrillFile(drill: boolean): void;
}

const ElectionContext = createContext<ElectionState>({ election: null, setElection: () => {}, drillFile: false, setDrillFile: () => {} });

export function ElectionProvider({ children, initial = null }: { children: ReactNode; initial?: ElectionSummary | null }) {
  const [election, setElection] = useState<ElectionSummary | null>(initial);
  const [drillFile, setDrillFile] = useState(false);
  const value = useMemo(() => ({ election, setElection, drillFile, setDrillFile }), [election, drillFile]);
  return <ElectionContext.Provider value={value}>{children}</ElectionContext.Provider>;
}

export function useElection(): ElectionState {
  return useContext(ElectionContext);
}
