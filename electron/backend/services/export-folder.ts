import { mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isSealedFileName, type ExportFolderView } from '../../../shared/api/seal';
import { appendAudit } from '../audit';
import { invalid, type BackendContext, says } from '../context';
import { inTransaction } from '../db';

/**
 * The export folder: the one place the contract writes sealed files, by a plain name. By default `exports` beside the
 * election file; a committee member may choose another (in Electron, the folder picked in the shell's dialog).
 */

export function exportFolder(ctx: BackendContext): ExportFolderView {
  const row = ctx.db.prepare('SELECT path FROM export_folder WHERE id = 1').get() as { path: string } | undefined;
  return row ? { folder: row.path, isDefault: false } : { folder: join(resolve(ctx.dataDir), 'exports'), isDefault: true };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Chooses the folder (absolute, an existing folder), or the default again with null. */
export function setExportFolder(ctx: BackendContext, folder: string | null): ExportFolderView {
  if (folder !== null) {
    if (!isAbsolute(folder)) throw invalid('folder', says('error.export.exportFolderMustAbsolute'));
    if (!isDirectory(folder)) throw invalid('folder', says('error.export.existingFolder', { folder }));
  }
  return inTransaction(ctx.db, () => {
    if (folder === null) ctx.db.prepare('DELETE FROM export_folder').run();
    else ctx.db.prepare('INSERT INTO export_folder (id, path, set_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET path = excluded.path, set_at = excluded.set_at').run(resolve(folder), ctx.now().toISOString());
    const view = exportFolder(ctx);
    appendAudit(ctx.db, { type: 'export.folder-set', at: ctx.now(), actor: ctx.actor, subject: 'export', detail: { ...view } });
    return view;
  });
}

/**
 * The path of `name` inside the export folder; the default folder is created when missing. The name is checked again
 * here (the contract's schema checks it first), so no caller can reach outside the folder.
 */
export function exportPath(ctx: BackendContext, name: string): string {
  if (!isSealedFileName(name)) {
    throw invalid('name', says('error.export.plainFileNameEnding'));
  }
  const { folder, isDefault } = exportFolder(ctx);
  if (isDefault) mkdirSync(folder, { recursive: true });
  return join(folder, name);
}
