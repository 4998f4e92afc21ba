import { base64ToBytes } from './base64';
import { offerDownload } from './download';
import { shellClient } from './shell';

/** A file the app made for the user to keep: its name, type, and content as text or base64. */
export interface MadeFile {
  fileName: string;
  mimeType: string;
  content: { text: string } | { base64: string };
}

/**
 * Saves a file the app made: in Electron through the save dialog (the path, or null when canceled), in browser mode as
 * a download (null: the browser says where it went).
 */
export async function saveMadeFile(file: MadeFile): Promise<string | null> {
  const extension = file.fileName.includes('.') ? file.fileName.slice(file.fileName.lastIndexOf('.') + 1) : '';
  const shell = shellClient();
  if (shell !== null) {
    const r = await shell.call('shell:saveFile', {
      to: { dialog: { title: file.fileName, defaultName: file.fileName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] } },
      ...('text' in file.content ? { content: file.content.text } : { content: file.content.base64, encoding: 'base64' as const }),
    });
    return r.canceled ? null : r.path;
  }
  const body = 'text' in file.content ? file.content.text : (base64ToBytes(file.content.base64) as BlobPart);
  offerDownload(new Blob([body], { type: file.mimeType }), file.fileName);
  return null;
}
