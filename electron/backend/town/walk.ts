import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A path given to `town import` that names nothing to read, with the reason. */
export interface UnreadablePath {
  path: string;
  reason: string;
}

/**
 * The files to import under each path: a file named itself, and in a folder's whole tree (a USB stick) the files
 * named *.json, in name order; other files in folders (tally sheet scans, PDFs) are only counted as skipped.
 * Hidden entries (".Trash", "._x" from macOS) are skipped; symbolic links are not followed, so a link loop on a stick
 * cannot make the walk endless.
 */
export function filesUnder(paths: readonly string[]): { files: string[]; unreadable: UnreadablePath[]; skipped: number } {
  const files: string[] = [];
  const unreadable: UnreadablePath[] = [];
  let skipped = 0;
  const visit = (path: string, top: boolean): void => {
    let st;
    try {
      st = lstatSync(path);
    } catch (e) {
      unreadable.push({ path, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    if (st.isFile()) {
      if (top || path.toLowerCase().endsWith('.json')) files.push(path);
      else skipped++;
    } else if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (e) {
        unreadable.push({ path, reason: `cannot list (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
        return;
      }
      for (const name of names) if (!name.startsWith('.')) visit(join(path, name), false);
    } else if (top) {
      unreadable.push({ path, reason: 'not a regular file or folder' });
    }
  };
  for (const p of paths) visit(p, true);
  return { files, unreadable, skipped };
}
