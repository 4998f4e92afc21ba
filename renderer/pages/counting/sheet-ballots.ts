import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import type { BallotView, BoxTallyView, Sheet } from '../../../shared/api/counting';
import { addTallies, runningTally, type RunningTally, type TallyOffice } from '../../../shared/rules/running-tally';

/** Ballots read per request as the list scrolls. */
export const PAGE = 100;

export interface SheetBallots {
  /** The sheet's tally (null until read); its `ballots` is the number of ballots on the sheet. */
  tally: RunningTally | null;
  /** Doubtful ballots not ruled yet, by position. */
  unruled: readonly number[];
  /** The ballot at a position if read (undefined: not read yet; `need` asks for it). */
  at(position: number): BallotView | undefined;
  /** Reads the pages holding positions from…to that are not read yet. */
  need(from: number, to: number): void;
  /** A ballot the backend answered with after entering it: shown and added to the tally at once, nothing reloaded. */
  entered(ballot: BallotView): void;
  /** Ballots the backend answered with after a correction or a ruling: shown at once; the tally is read again. */
  replaced(ballots: readonly BallotView[]): void;
  /** Reads the tally again and forgets the ballots read (another computer may have changed them). */
  reload(): Promise<void>;
  /** Changes whenever what `at` answers may have changed (for re-rendering the list). */
  version: number;
}

/**
 * A sheet of a box as the counting screen needs it at any size: the running tally read once (the backend reads the
 * whole sheet by the shared rules), then each ballot entered added from enterBallot's answer; the list read a page
 * at a time where it is looked at. Nothing here grows per ballot with the box except the ballots already seen.
 */
export function useSheetBallots(round: number, box: string, sheet: Sheet, opened: boolean, offices: readonly TallyOffice[]): SheetBallots & { error: unknown } {
  const api = useApi();
  const [read, setRead] = useState<{ tally: RunningTally; unruled: number[]; rules: BoxTallyView['rules'] } | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const ballots = useRef(new Map<number, BallotView>());
  const pages = useRef(new Set<number>());
  /** Ballots answered since the tally read began: added to it if that read did not see them yet. */
  const answered = useRef(new Map<number, BallotView>());
  const current = useRef(read);
  current.current = read;
  const generation = useRef(0);
  const officesRef = useRef(offices);
  officesRef.current = offices;

  const readTally = useCallback(
    async (forget: boolean) => {
      const gen = ++generation.current;
      if (forget) {
        ballots.current = new Map();
        pages.current = new Set();
        setVersion((v) => v + 1);
      }
      answered.current = new Map();
      try {
        const fresh = await api.call('boxTally', { round, box, sheet });
        if (gen !== generation.current) return;
        let tally = fresh.tally;
        const unruled = [...fresh.unruled];
        for (let p = tally.ballots + 1; answered.current.has(p); p++) {
          const b = answered.current.get(p)!;
          tally = addTallies(tally, runningTally(officesRef.current, [b], fresh.rules));
          if ('doubtful' in b.content && b.ruling === null) unruled.push(p);
        }
        const value = { tally, unruled, rules: fresh.rules };
        current.current = value;
        setRead(value);
        setError(null);
      } catch (err) {
        if (gen === generation.current) setError(err);
      }
    },
    [api, round, box, sheet],
  );

  useEffect(() => {
    current.current = null;
    setRead(null);
    if (opened) void readTally(true);
  }, [opened, readTally]);

  const need = useCallback(
    (from: number, to: number) => {
      const gen = generation.current;
      for (let page = Math.floor((Math.max(1, from) - 1) / PAGE); page * PAGE < to; page++) {
        if (pages.current.has(page)) continue;
        pages.current.add(page);
        api.call('boxBallots', { round, box, sheet, from: page * PAGE + 1, limit: PAGE }).then(
          (list) => {
            if (gen !== generation.current) return;
            for (const b of list) if (!ballots.current.has(b.position)) ballots.current.set(b.position, b);
            setVersion((v) => v + 1);
          },
          (err) => {
            pages.current.delete(page);
            setError(err);
          },
        );
      }
    },
    [api, round, box, sheet],
  );

  const entered = useCallback(
    (b: BallotView) => {
      if (b.sheet !== sheet) return;
      ballots.current.set(b.position, b);
      answered.current.set(b.position, b);
      setVersion((v) => v + 1);
      const now = current.current;
      if (now === null || b.position <= now.tally.ballots) return; // still being read, or a re-send already counted
      if (b.position > now.tally.ballots + 1) {
        // Ballots entered elsewhere in between: read the sheet again rather than guess.
        void readTally(false);
        return;
      }
      const next = {
        ...now,
        tally: addTallies(now.tally, runningTally(officesRef.current, [b], now.rules)),
        unruled: 'doubtful' in b.content && b.ruling === null ? [...now.unruled, b.position] : now.unruled,
      };
      current.current = next;
      setRead(next);
    },
    [sheet, readTally],
  );

  const replaced = useCallback(
    (list: readonly BallotView[]) => {
      for (const b of list) if (b.sheet === sheet) ballots.current.set(b.position, b);
      setVersion((v) => v + 1);
      void readTally(false);
    },
    [sheet, readTally],
  );

  const reload = useCallback(() => readTally(true), [readTally]);
  return {
    tally: read?.tally ?? null,
    unruled: read?.unruled ?? [],
    at: (position) => ballots.current.get(position),
    need,
    entered,
    replaced,
    reload,
    version,
    error,
  };
}
