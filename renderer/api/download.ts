import { TOKEN_HEADER, TOKEN_STORAGE_KEY } from './client';

/** The path the loopback server downloads an export-folder file from (electron/backend/export-download.ts). */
export const EXPORT_DOWNLOAD_PATH = '/exports/';

/**
 * Browser mode: fetches a file of the export folder with the launch token and hands it to the browser as a download
 * under its own name (a link cannot carry the token header, so the bytes go through a blob URL).
 */
export async function downloadExport(name: string, win: Window = window): Promise<void> {
  let token: string | null = null;
  try {
    token = win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    token = null;
  }
  const res = await win.fetch(`${EXPORT_DOWNLOAD_PATH}${encodeURIComponent(name)}`, { headers: { [TOKEN_HEADER]: token ?? '' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: unknown } | null;
    throw new Error(typeof body?.message === 'string' ? body.message : `HTTP ${res.status}`);
  }
  offerDownload(await res.blob(), name, win);
}

/** Hands the browser bytes as a download under a name (an object URL, let go a minute later). */
export function offerDownload(blob: Blob, name: string, win: Window = window): void {
  const url = URL.createObjectURL(blob);
  try {
    const a = win.document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    win.document.body.append(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
