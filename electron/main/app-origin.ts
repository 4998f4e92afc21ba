import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * The page is served from a custom privileged scheme, app://station/…, never from file:// or the network: it gives the
 * page one origin to check IPC senders against and a place to attach the CSP header to every response.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The same CSP as browser mode's loopback server (electron/backend/http.ts), so the browser tests catch anything the
 * Electron window would block: only the app's own scripts, styles, fonts and connections; no inline script, no framing.
 */
export { CONTENT_SECURITY_POLICY } from '../backend/http';

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

const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}
