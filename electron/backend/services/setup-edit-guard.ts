import { refused, says } from '../context';
import type { Db } from '../db';
import { rollChangesOpen } from './roll-changes';

/** Set-up may be corrected until round 1 opens for voting (and no ballot was issued anywhere); refused after. */
export function requireBeforeVoting(db: Db): void {
  if (!rollChangesOpen(db)) throw refused(says('error.edits.votingStarted'), { reason: 'voting-started' });
}
