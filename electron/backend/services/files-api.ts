import type { FilesContract } from '../../../shared/api/files';
import type { Implementation } from '../../../shared/api/envelope';
import { refused, type BackendContext, says } from '../context';
import { electionHead, isDrillFile } from '../election-files/drill-mark';
import { electionFilePath, listElectionFiles, openFileView } from '../election-files/list';

function fixedFile(): never {
  throw refused(
    says('error.files.backendServesOneElection'),
    { reason: 'fixed-file' },
  );
}

/**
 * The election files of the data folder (shared/api/files.ts), over the open context `ctx` and the switch that opened
 * it (ctx.files; none where the file is fixed). After a switch `ctx` is closed; the next call goes to the new file's.
 */
export function filesApi(ctx: BackendContext): Implementation<FilesContract> {
  const files = ctx.files ?? null;
  const dataDir = files?.dataDir ?? ctx.dataDir;
  const file = ctx.db.name;
  const openView = (o: { file: string; ctx: BackendContext }) => openFileView(dataDir, o.file, o.ctx.db);
  return {
    listElectionFiles: () => ({
      folder: dataDir,
      current: openView({ file, ctx }),
      switchable: files !== null,
      files: listElectionFiles(dataDir, { file, db: ctx.db }),
    }),
    currentElectionFile: () => openView({ file, ctx }),
    createElectionFile: ({ name, drill, leave }) => {
      if (files === null) fixedFile();
      const target = electionFilePath(dataDir, name);
      // A re-sent create (the answer was lost) finds its new file open and still empty: the same answer again.
      if (target === file && files.created(target) && electionHead(ctx.db) === null && isDrillFile(ctx.db) === drill) return openView({ file, ctx });
      return openView(files.switchTo(target, { create: true, drill, leave }));
    },
    openElectionFile: ({ name, leave }) => {
      if (files === null) fixedFile();
      return openView(files.switchTo(electionFilePath(dataDir, name), { leave }));
    },
  };
}
