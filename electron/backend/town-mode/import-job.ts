import { existsSync } from 'node:fs';
import { ApiError } from '../../../shared/api/envelope';
import type { ImportJobView } from '../../../shared/api/town';
import { bilingual } from '../bilingual';
import { FILE_LIMITS, InputFileError, readInputFileSync } from '../files/input-file';
import type { TownContext } from '../town/context';
import { receiveSealedFile } from '../town/receive';
import { storedText } from '../town/stored-text';
import { filesUnder } from '../town/walk';

/** More files than any town receives in one go: a path like "/" given by mistake is refused before anything is read. */
export const IMPORT_MAX_FILES = 10_000;

export type ImportJob = ImportJobView;

/**
 * Imports the files under `paths` one by one, giving the event loop back after each file so the screen can ask for
 * progress; each file is filed in its own transaction (as `station town import`), so a bad one never stops the rest.
 * A path that does not exist refuses the whole import before anything is read.
 */
export function startImportJob(ctx: TownContext, id: number, paths: readonly string[]): ImportJob {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new ApiError('not-found', bilingual(`找不到：${missing.join('、')}（未导入任何文件）`, `not found: ${missing.join(', ')} (nothing imported)`));
  }
  const walked = filesUnder(paths);
  if (walked.files.length > IMPORT_MAX_FILES) {
    throw new ApiError('invalid-input', bilingual(
      `其中有 ${walked.files.length} 个文件，一次最多导入 ${IMPORT_MAX_FILES} 个（未导入任何文件）`,
      `${walked.files.length} files found; at most ${IMPORT_MAX_FILES} are imported at once (nothing imported)`,
    ));
  }
  const job: ImportJob = {
    job: id,
    total: walked.files.length,
    done: 0,
    running: walked.files.length > 0,
    files: [],
    unreadable: walked.unreadable.map((u) => ({ path: storedText(u.path, 1000), reason: u.reason })),
    skipped: walked.skipped,
  };
  const next = (): void => {
    const file = walked.files[job.done];
    if (file === undefined || !ctx.db.open) {
      job.running = false;
      return;
    }
    try {
      job.files.push(receiveSealedFile(ctx, readInputFileSync(file, FILE_LIMITS.sealed), file));
    } catch (e) {
      // Not a file problem (the town file itself failed): the import stops here, saying why, and the app keeps running.
      const stop = !(e instanceof InputFileError);
      job.unreadable.push({ path: storedText(file, 1000), reason: storedText((e as Error).message, 500) });
      if (stop) {
        job.running = false;
        return;
      }
    }
    job.done++;
    setImmediate(next);
  };
  if (job.running) setImmediate(next);
  return job;
}
