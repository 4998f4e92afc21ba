import { existsSync } from 'node:fs';
import { ApiError } from '../../../shared/api/envelope';
import type { ImportJobView } from '../../../shared/api/town';
import { bilingual } from '../bilingual';
import type { TownContext } from '../town/context';
import { fileExamined } from '../town/receive';
import { examineInOrder } from '../town/verify-pool';
import { storedText } from '../town/stored-text';
import { filesUnder } from '../town/walk';

/** More files than any town receives in one go: a path like "/" given by mistake is refused before anything is read. */
export const IMPORT_MAX_FILES = 10_000;

export type ImportJob = ImportJobView;

/**
 * Imports the files under `paths` in the background as `station town import` does (checked in worker threads, each
 * filed in its own transaction, so a bad one never stops the rest) while the screen asks for progress.
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
  // Read and checked in the pool of worker threads, filed here in the order walked, each in its own transaction.
  void examineInOrder(walked.files, (answer) => {
    const file = walked.files[answer.index]!;
    if (!ctx.db.open) throw new Error(bilingual('备案文件已关闭，导入停止', 'the town file was closed; the import stopped'));
    if ('unreadable' in answer) job.unreadable.push({ path: storedText(file, 1000), reason: storedText(answer.unreadable, 500) });
    else job.files.push(fileExamined(ctx, answer.bytes, file, answer.examined));
    job.done = answer.index + 1;
  }).then(
    () => {
      job.running = false;
    },
    (e: unknown) => {
      // Not a file problem (the town file itself failed, or a worker): the import stops here, saying why.
      job.unreadable.push({ path: storedText(walked.files[job.done] ?? '', 1000), reason: storedText((e as Error).message, 500) });
      job.running = false;
    },
  );
  return job;
}
