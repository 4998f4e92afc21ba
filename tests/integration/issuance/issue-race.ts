// Child process of concurrent.test.ts: waits for the common start time, then issues against each certificate in turn.
// argv: dbFile desk startAtEpochMs certificate[,certificate…]; prints one JSON line with the outcomes.
import { ApiError } from '../../../shared/api/envelope';
import { createContext } from '../../../electron/backend/context';
import { issueBallot } from '../../../electron/backend/services/issuance';

const [dbFile, desk, startAt, list] = process.argv.slice(2) as [string, string, string, string];
const ctx = createContext({ dbFile, actor: `race ${desk}`, mustExist: true });
const certificates = list.split(',');
while (Date.now() < Number(startAt)) {
  // spin: both processes leave this loop within the same millisecond
}
const outcomes: string[] = [];
for (const certificate of certificates) {
  try {
    issueBallot(ctx, { certificate, round: 1, desk });
    outcomes.push('issued');
  } catch (e) {
    outcomes.push(e instanceof ApiError ? String((e.details as { reason?: string } | undefined)?.reason ?? e.code) : `error: ${(e as Error).message}`);
  }
}
ctx.db.close();
process.stdout.write(`${JSON.stringify({ desk, outcomes })}\n`);
