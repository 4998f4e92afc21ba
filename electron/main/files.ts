import { basename, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/envelope';

/**
 * The path for `name` inside `folder`, allowed only when the user chose that folder in a dialog (`chosen`), and `name`
 * is a plain file name (the contract checks that too).
 */
export function pathInChosenFolder(chosen: ReadonlySet<string>, folder: string, name: string): string {
  const dir = resolve(folder);
  if (!chosen.has(dir)) {
    throw new ApiError('refused', `只能写入本次在对话框中选择的文件夹 / only a folder chosen in a dialog can be written to: ${folder}`, {
      path: 'to.folder',
    });
  }
  if (name !== basename(name) || name === '.' || name === '..') {
    throw new ApiError('invalid-input', `文件名不能含文件夹 / the file name must not contain a folder: ${name}`, { path: 'to.name' });
  }
  return join(dir, name);
}
