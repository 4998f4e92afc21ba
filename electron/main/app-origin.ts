import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * The page is served from a custom privileged scheme, app://station/…, never from file:// or the network: it gives the
 * page one origin to check IPC senders against and a place to attach the CSP header to every response.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page of the app itself (app://station/…). Anything else (file:, http:, about:blank, other hosts) is not. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * Maps an app:// request URL to a file under `rootDir`, or null when the URL is not the app's or would leave the folder.
 * "/" and paths without an extension (client-side routes) serve index.html.
 */
export function resolveAppAsset(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const wanted = pathname === '/' || !/\.[A-Za-z0-9]+$/.test(pathname) ? '/index.html' : pathname;
  const full = normalize(join(rootDir, wanted));
  const rel = relative(rootDir, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}
