import { appendAudit } from '../audit';
import { refused, says, type BackendContext } from '../context';
import type { Db } from '../db';
import { rollChangesOpen } from './roll-changes';

/** Set-up may be corrected until round 1 opens for voting (and no ballot was issued anywhere); refused after. */
export function requireBeforeVoting(db: Db): void {
  if (!rollChangesOpen(db)) throw refused(says('error.edits.votingStarted'), { reason: 'voting-started' });
}

/** The audit event of one set-up correction or removal, by whoever is acting now. */
export function audited(ctx: BackendContext, type: string, subject: string, detail: Record<string, unknown>): void {
  appendAudit(ctx.db, { type, at: ctx.now(), actor: ctx.actor, subject, detail });
}
