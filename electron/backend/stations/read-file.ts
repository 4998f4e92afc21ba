import { ApiError } from '../../../shared/api/envelope';
import { InputFileError, readInputFile } from '../files/input-file';

/** Reads a package or return someone names, within its size limit; an unreadable file is bad input naming it. */
export async function readStationFile(path: string, maxBytes: number): Promise<Buffer> {
  try {
    return await readInputFile(path, maxBytes);
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    throw new ApiError(e.problem === 'not-found' ? 'not-found' : 'invalid-input', `无法读取文件 / cannot read: ${e.message}`, { path: 'path' });
  }
}
