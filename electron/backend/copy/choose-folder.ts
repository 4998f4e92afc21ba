import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CopyFlush } from '../../../shared/api/stations';
import { appendAudit } from '../audit';
import { invalid, refused, type BackendContext, says } from '../context';
import { inTransaction } from '../db';
import { copyDirIn } from './journal-file';
import { attachSecondCopy, newCopyId, secondCopyOf, type CopyStatus } from './second-copy';

const OFF: CopyStatus = { state: 'off', flush: null, folder: null, dir: null, lastWriteAt: null, writes: 0, copied: 0, problem: null };

export function secondCopyStatus(ctx: BackendContext): CopyStatus {
  return secondCopyOf(ctx.db)?.status() ?? OFF;
}

/**
 * The committee chooses where this file's second copy goes (a USB stick's folder). The folder must be there and
 * writable; the copy starts at once with a base of the whole file, and every write after goes to it. `flush` is this
 * laptop's choice of when each write reaches the stick (second-copy.ts); left out, the earlier choice stays.
 */
export function chooseSecondCopyFolder(ctx: BackendContext, folder: string, flush?: CopyFlush): CopyStatus {
  if (!isAbsolute(folder)) throw invalid('folder', says('error.copy.giveFullPathFolder', { folder }));
  try {
    if (!statSync(folder).isDirectory()) throw new Error('ENOTDIR');
  } catch {
    throw refused(says('error.copy.thereFolderUsbStick', { folder }), { reason: 'no-folder' });
  }
  const existing = ctx.db.prepare('SELECT copy_id FROM second_copy WHERE id = 1').pluck().get() as string | undefined;
  const copyId = existing ?? newCopyId();
  const probe = join(copyDirIn(folder, copyId), `.probe-${process.pid}`);
  try {
    mkdirSync(copyDirIn(folder, copyId), { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (e) {
    throw refused(says('error.copy.write', { folder, message: (e as Error).message }), { reason: 'not-writable' });
  }
  inTransaction(ctx.db, () => {
    ctx.db
      .prepare(`INSERT INTO second_copy (id, folder, copy_id, set_at, flush) VALUES (1, ?, ?, ?, coalesce(?, 'before-ack'))
        ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, set_at = excluded.set_at, flush = coalesce(?, flush)`)
      .run(folder, copyId, ctx.now().toISOString(), flush ?? null, flush ?? null);
    const chosen = ctx.db.prepare('SELECT flush FROM second_copy WHERE id = 1').pluck().get() as CopyFlush;
    appendAudit(ctx.db, { type: 'copy.folder-chosen', at: ctx.now(), actor: ctx.actor, subject: `copy:${copyId}`, detail: { folder, flush: chosen } });
  });
  const copy = attachSecondCopy(ctx.db, () => ctx.now()) ?? secondCopyOf(ctx.db);
  copy?.restart();
  return secondCopyStatus(ctx);
}
