import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createContext } from '../../../electron/backend/context';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { asPerson } from '../../helpers/authority';

/**
 * A station laptop's desk in its own process (takeover.test.ts kills it with SIGKILL): issues a ballot to each
 * certificate in turn and, once issueBallot has answered, writes the certificate to the acknowledgement log, as the
 * desk's screen would show the official "issue". Its second copy is the one its file chose. ISSUE_PAUSE_MS (3 when
 * unset) is the pause between issuances; 0 issues back to back, faster than a stick flushes.
 */
const pause = Number(process.env.ISSUE_PAUSE_MS ?? 3);
const [dbFile, desk, box, log, ...certificates] = process.argv.slice(2);
const ctx = createContext({ dbFile: dbFile!, mustExist: true, actor: 'test' });
for (const certificate of certificates) {
  asPerson(ctx, Number(desk), () => issueBallot(ctx, { certificate, round: 1, desk: box! }));
  appendFileSync(log!, `${certificate}\n`);
  if (pause > 0) await sleep(pause);
}
appendFileSync(log!, 'done\n');
