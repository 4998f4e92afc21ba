import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { useApi } from '../../app/api-context';
import type { ballotOffice } from '../../../shared/api/setup';

/** An office and its candidates on a round's ballot, as the contract answers it (shared/api/setup.ts). */
export type BallotOfficeView = z.infer<typeof ballotOffice>;

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

/** A ballot count difference with its sign: +2, -1, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
