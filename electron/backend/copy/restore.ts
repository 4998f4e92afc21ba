import { appendAudit } from '../audit';
import type { BackendContext } from '../context';
import { stationLaptop } from '../stations/laptop-mode';
import { readSecondCopy } from './read-copy';
import { rebuildFromCopy } from './rebuild';
import { attachSecondCopy } from './second-copy';

export interface Restored {
  electionTitle: string;
  station: string | null;
  writes: number;
  cutShort: boolean;
  issuances: number;
  auditHead: { count: number; hash: string };
}

/**
 * Rebuilds an election file (the central laptop's or a station's) from its second copy into this empty file,
 * checked against the audit head the copy recorded, then records the restore in the audit log. The file goes on
 * writing to the same copy when its folder is there.
 */
export async function restoreFromCopy(ctx: BackendContext, copyDir: string): Promise<Restored> {
  const copy = await readSecondCopy(copyDir);
  const rebuilt = rebuildFromCopy(ctx.db, copy, () => {
    ctx.db.prepare('UPDATE second_copy SET seq = seq + 1').run();
    appendAudit(ctx.db, {
      type: 'copy.restored',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `copy:${copy.header.copy}`,
      detail: { from: copy.dir, writes: copy.lines.length, cutShort: copy.cutShort, base: copy.header.base.sha256 },
    });
  });
  attachSecondCopy(ctx.db, () => ctx.now())?.restart();
  const db = ctx.db;
  return {
    electionTitle: (db.prepare('SELECT title FROM election').pluck().get() as string | undefined) ?? '',
    station: stationLaptop(db)?.stationId ?? null,
    writes: rebuilt.writes,
    cutShort: rebuilt.cutShort,
    issuances: db.prepare('SELECT count(*) FROM issuance').pluck().get() as number,
    auditHead: rebuilt.auditHead,
  };
}
