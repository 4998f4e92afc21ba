import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { dispatch, type Authorize } from '../../shared/api/dispatch';
import type { ApiErrorCode, ApiResponse, ContractShape, Implementation } from '../../shared/api/envelope';
import { contract as electionContract } from '../../shared/api/contract';
import { jsonSyntaxDetail } from '../../shared/record/parse';
import { buildApi } from './api';
import { authorizerFor } from './authority/authorize';
import type { BackendContext } from './context';
import { attachmentDisposition, EXPORT_DOWNLOAD_PATH, readExportDownload } from './export-download';
import { openElectionSwitch, type ElectionSwitch } from './election-files/switch';
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from './web-policy';

export const TOKEN_HEADER = 'x-station-token';
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HttpServerOptions<C extends ContractShape> {
  /**
   * What to serve; by default the election contract over `ctx` (one fixed file), or over the file `files` has open
   * (switched from the Start page), or over a switch of its own opened on dbFile / dataDir.
   */
  contract?: C;
  impl?: Implementation<C>;
  ctx?: BackendContext;
  files?: ElectionSwitch;
  /** Database file; default `<dataDir>/election.sqlite`. */
  dbFile?: string;
  dataDir?: string;
  /** A folder served for GET requests (the built renderer), or none. */
  staticDir?: string;
  /** Fixed token (tests); by default 32 random bytes per launch. */
  token?: string;
  port?: number;
  onInternal?: (err: unknown, method: string) => void;
}

export interface HttpServerHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

interface ServedApi {
  contract: ContractShape;
  impl: Implementation<ContractShape>;
  authorize?: Authorize;
  /** The open election (for its export folder), or null for another contract. */
  ctx: BackendContext | null;
}

const STATUS_OF: Record<ApiErrorCode, number> = {
  'invalid-input': 400,
  refused: 422,
  'not-found': 404,
  conflict: 409,
  internal: 500,
};

/** Constant-time: both sides are hashed first so neither length nor content leaks through timing. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolveBody(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The loopback transport: 127.0.0.1 only, a random port, a per-launch token in the `x-station-token` header.
 * POST /api/<method> with a JSON body answers with the envelope. A Host other than 127.0.0.1/localhost on our port
 * is refused (DNS rebinding); so is a cross-origin Origin. GET /exports/<name> (token in the header too) downloads a
 * file of the export folder (export-download.ts).
 */
export async function startHttpServer<C extends ContractShape = typeof electionContract>(
  opts: HttpServerOptions<C> = {},
): Promise<HttpServerHandle> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  let owned: ElectionSwitch | null = null;
  let served: () => ServedApi;
  if (opts.contract && opts.impl) {
    const fixed: ServedApi = { contract: opts.contract, impl: opts.impl as unknown as Implementation<ContractShape>, ctx: null };
    served = () => fixed;
  } else if (opts.ctx) {
    const ctx = opts.ctx;
    const fixed: ServedApi = { contract: electionContract, impl: buildApi(ctx) as unknown as Implementation<ContractShape>, authorize: authorizerFor(ctx), ctx };
    served = () => fixed;
  } else {
    let files = opts.files;
    if (!files) {
      const dataDir = opts.dataDir ?? process.cwd();
      files = owned = openElectionSwitch({ dataDir, file: opts.dbFile ?? join(dataDir, 'election.sqlite'), actor: 'browser' });
    }
    const switcher = files;
    // Each request is served by the file open when it arrives (the Start page may switch files between requests).
    served = () => {
      const open = switcher.current();
      return { contract: electionContract, impl: open.api as unknown as Implementation<ContractShape>, authorize: open.authorize, ctx: open.ctx };
    };
  }
  const staticRoot = opts.staticDir ? resolve(opts.staticDir) : null;
  const onInternal = opts.onInternal ?? ((err, method) => console.error(`station http: internal error in ${method}:`, err));
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts().has(host)) {
      send(res, 403, { error: 'forbidden', message: 'Host must be 127.0.0.1 or localhost on this port' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      send(res, 403, { error: 'forbidden', message: 'cross-origin requests are refused' });
      return;
    }
    // Nothing of the request target is decoded before handleApi has checked the token.
    const target = req.url ?? '/';
    const pathname = target.split(/[?#]/, 1)[0]!;
    if (pathname.startsWith('/api/')) {
      await handleApi(req, res, pathname.slice('/api/'.length));
      return;
    }
    if (pathname.startsWith(EXPORT_DOWNLOAD_PATH)) {
      await handleDownload(req, res, pathname.slice(EXPORT_DOWNLOAD_PATH.length));
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && staticRoot) {
      await serveStatic(res, pathname, req.method === 'HEAD');
      return;
    }
    send(res, 404, { error: 'not-found' });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, encodedMethod: string): Promise<void> {
    if (req.method !== 'POST') {
      send(res, 405, { error: 'method-not-allowed', message: 'use POST' }, { allow: 'POST' });
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !tokensEqual(given, token)) {
      req.resume();
      send(res, 401, { error: 'unauthorized', message: `missing or wrong ${TOKEN_HEADER}` });
      return;
    }
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      req.resume();
      send(res, 415, { ok: false, error: { code: 'invalid-input', message: 'Content-Type must be application/json' } });
      return;
    }
    let method: string;
    try {
      method = decodeURIComponent(encodedMethod);
    } catch {
      req.resume();
      send(res, 400, { ok: false, error: { code: 'invalid-input', message: 'the method name in the URL is not valid percent-encoding' } });
      return;
    }
    const body = await readBody(req);
    if (body === 'too-large') {
      send(res, 413, { ok: false, error: { code: 'invalid-input', message: `request body over ${MAX_BODY_BYTES} bytes` } });
      return;
    }
    let input: unknown = {};
    if (body.length > 0) {
      let text: string;
      try {
        text = strictUtf8.decode(body);
      } catch {
        send(res, 400, { ok: false, error: { code: 'invalid-input', message: '(root): body is not valid UTF-8', path: '(root)' } });
        return;
      }
      try {
        input = JSON.parse(text);
      } catch (e) {
        send(res, 400, { ok: false, error: { code: 'invalid-input', message: `(root): body is not valid JSON (${jsonSyntaxDetail(e)})`, path: '(root)' } });
        return;
      }
    }
    const api = served();
    const answer: ApiResponse<unknown> = await dispatch(api.contract, api.impl, method, input, onInternal, api.authorize);
    send(res, answer.ok ? 200 : STATUS_OF[answer.error.code], answer);
  }

  async function handleDownload(req: IncomingMessage, res: ServerResponse, encodedName: string): Promise<void> {
    req.resume();
    if (req.method !== 'GET') {
      send(res, 405, { error: 'method-not-allowed', message: 'use GET' }, { allow: 'GET' });
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !tokensEqual(given, token)) {
      send(res, 401, { error: 'unauthorized', message: `missing or wrong ${TOKEN_HEADER}` });
      return;
    }
    const ctx = served().ctx;
    if (ctx === null) {
      send(res, 404, { error: 'not-found' });
      return;
    }
    const file = await readExportDownload(ctx, encodedName);
    if (!file.ok) {
      send(res, file.status, { error: file.status === 400 ? 'bad-name' : file.status === 413 ? 'too-large' : 'not-found', message: file.message });
      return;
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': file.data.length,
      'content-disposition': attachmentDisposition(file.name),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(file.data);
  }

  async function serveStatic(res: ServerResponse, pathname: string, headOnly: boolean): Promise<void> {
    const root = staticRoot!;
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      send(res, 400, { error: 'bad-path' });
      return;
    }
    let file = resolve(root, `.${rel}`);
    if (file !== root && !file.startsWith(root + sep)) {
      send(res, 404, { error: 'not-found' });
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      // A client-side route: answer with the app's page.
      file = extname(file) === '' ? join(root, 'index.html') : file;
    }
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      send(res, 404, { error: 'not-found' });
      return;
    }
    res.writeHead(200, {
      'content-type': mimeTypeOf(file),
      'content-length': data.length,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': 'no-cache',
    });
    res.end(headOnly ? undefined : data);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      onInternal(err, 'http');
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'internal error; see the log' } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => {
          owned?.close();
          resolveClose();
        });
      }),
  };
}
