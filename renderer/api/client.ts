import type { z } from 'zod';
import { API_ERROR_CODES, type ApiErrorBody, type ApiErrorCode, type ApiResponse, type ContractShape } from '../../shared/api/envelope';
import type { StationBridge } from '../../shared/api/shell';
import { REQUEST_KEY_FIELD, RESENDABLE_WRITES } from '../../shared/api/resend';
import type { ErrorText } from '../../shared/api/error-text';
import { t, type MessageKey, type ParamArgs } from '../../shared/i18n';
import { says } from '../../shared/i18n/says';
import { sessionEnded, signInRequired, withSession, type SessionHolder } from './session-token';

/**
 * The renderer's one API client. Screens call `api.call(method, input)` and never learn the transport:
 * - Electron: the preload's `window.station.call(method, input)`, which answers with the envelope (the shell's client,
 *   ./shell.ts, is built the same way over `window.station.shell`);
 * - browser mode (npm start, tests): POST /api/<method> on the page's own origin with the per-launch token.
 * Failures become a thrown ClientError carrying the backend's code, message, path and details.
 *
 * A resendable write (shared/api/resend.ts) gets a random request key, and when its answer is lost (no answer,
 * a timeout, the backend restarting) it is sent again with the same key a few times: the backend does it once and
 * answers the first answer again.
 */

/** Codes a screen can meet: the backend's, plus 'network' (no answer) and 'unauthorized' (bad or missing token). */
export type ClientErrorCode = ApiErrorCode | 'network' | 'unauthorized';

export class ClientError extends Error {
  readonly code: ClientErrorCode;
  readonly path: string | undefined;
  readonly details: unknown;
  readonly method: string;
  /** The words for the screen (shared/api/error-text.ts), when the backend or the transport gave them. */
  readonly text: ErrorText | undefined;
  constructor(method: string, code: ClientErrorCode, message: string, opts: { path?: string; details?: unknown; text?: ErrorText } = {}) {
    super(message);
    this.name = 'ClientError';
    this.method = method;
    this.code = code;
    this.path = opts.path;
    this.details = opts.details;
    this.text = opts.text;
  }
}

export function isClientError(err: unknown): err is ClientError {
  return err instanceof ClientError;
}

export interface Transport {
  readonly kind: 'electron' | 'http';
  /** Never throws for a backend refusal (that is an envelope); throws ClientError for transport failures. */
  send(method: string, input: unknown): Promise<ApiResponse<unknown>>;
}

/** The loose client used until a contract type is given: any method name, unknown input and output. */
export interface LooseClient {
  call(method: string, input?: unknown): Promise<unknown>;
}

export type TypedClient<C extends ContractShape> = {
  call<M extends keyof C & string>(method: M, input: z.input<C[M]['input']>): Promise<z.infer<C[M]['output']>>;
};

export type StationClient<C extends ContractShape | undefined = undefined> = (C extends ContractShape
  ? TypedClient<C>
  : LooseClient) & { readonly transport: Transport['kind'] };

export interface ClientOptions {
  /** This window's sign-in: its token goes with every call, and an ended session is forgotten. */
  session?: SessionHolder;
  /** Waits before each re-send of a resendable write whose answer was lost; default about 8 s in all. */
  retryDelaysMs?: readonly number[];
}

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000];

/** A fresh random key (never derived from the input: a ballot's key must not join anything). */
export function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keys of writes whose answer stayed lost after every re-send, by method and input: when the person sends the same
 * write again (the same scan, the same ballot at the same position), it goes with the same key, so it is done at
 * most once even if the lost one was done. Any answer for that write forgets the key.
 */
const LOST_KEYS_KEPT = 50;

function keyedInput(lost: Map<string, string>, method: string, input: unknown): { sent: unknown; id: string | null } {
  if (!RESENDABLE_WRITES.has(method) || input === null || typeof input !== 'object' || Array.isArray(input)) return { sent: input, id: null };
  if (REQUEST_KEY_FIELD in input) return { sent: input, id: null };
  const id = `${method} ${JSON.stringify(input)}`;
  return { sent: { ...input, [REQUEST_KEY_FIELD]: lost.get(id) ?? newRequestKey() }, id };
}

function keepLostKey(lost: Map<string, string>, id: string, key: string): void {
  lost.set(id, key);
  if (lost.size > LOST_KEYS_KEPT) lost.delete(lost.keys().next().value!);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds a client over a transport. Pass the contract's type once it exists: `createClient<typeof contract>(tr)`. */
export function createClient<C extends ContractShape | undefined = undefined>(transport: Transport, opts: ClientOptions = {}): StationClient<C> {
  const delays = opts.retryDelaysMs ?? RETRY_DELAYS_MS;
  const lost = new Map<string, string>();
  const client = {
    transport: transport.kind,
    async call(method: string, input: unknown = {}): Promise<unknown> {
      const keyed = keyedInput(lost, method, input);
      const id = keyed.id;
      const token = opts.session?.get() ?? null;
      const sent = withSession(keyed.sent, token);
      const resendable = RESENDABLE_WRITES.has(method);
      for (let attempt = 0; ; attempt++) {
        let answer: ApiResponse<unknown>;
        try {
          answer = await transport.send(method, sent);
        } catch (err) {
          const gone = err instanceof ClientError && err.code === 'network';
          if (!resendable || !gone) throw err;
          if (attempt >= delays.length) {
            if (id !== null) keepLostKey(lost, id, (keyed.sent as Record<string, string>)[REQUEST_KEY_FIELD]!);
            throw err;
          }
          await sleep(delays[attempt]!);
          continue;
        }
        const ended = !answer.ok && (sessionEnded(answer.error.details) || signInRequired(answer.error.details));
        if (id !== null) {
          // Refused only for want of a session (e.g. the backend restarted while the answer was lost): the write may
          // have been done, so once the person signs in again it goes with the same key.
          if (ended) keepLostKey(lost, id, (keyed.sent as Record<string, string>)[REQUEST_KEY_FIELD]!);
          else lost.delete(id);
        }
        if (answer.ok) return answer.value;
        if (token !== null && sessionEnded(answer.error.details) && opts.session?.get() === token) opts.session.set(null);
        else if (token === null && signInRequired(answer.error.details)) opts.session?.required();
        throw errorFromBody(method, answer.error);
      }
    },
  };
  return client as unknown as StationClient<C>;
}

/** A failure of the transport itself, in words of the string tables (the message in zh-CN for the log). */
function transportError<K extends MessageKey>(method: string, code: ClientErrorCode, key: K, ...params: ParamArgs<K>): ClientError {
  return new ClientError(method, code, t(key, ...params), { text: says(key, ...params) });
}

function errorFromBody(method: string, body: ApiErrorBody): ClientError {
  const opts: { path?: string; details?: unknown; text?: ErrorText } = {};
  if (body.path !== undefined) opts.path = body.path;
  if (body.details !== undefined) opts.details = body.details;
  if (body.text !== undefined && body.text !== null && typeof body.text === 'object') opts.text = body.text;
  return new ClientError(method, body.code, body.message, opts);
}

/** Accepts only a well-formed envelope; anything else is not an answer from our backend. */
export function asEnvelope(value: unknown): ApiResponse<unknown> | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.ok === true && 'value' in v) return { ok: true, value: v.value };
  if (v.ok === false && v.error !== null && typeof v.error === 'object') {
    const e = v.error as Record<string, unknown>;
    if (typeof e.code === 'string' && (API_ERROR_CODES as readonly string[]).includes(e.code) && typeof e.message === 'string') {
      return { ok: false, error: e as ApiErrorBody };
    }
  }
  return null;
}

// ---------------------------------------------------------------- Electron preload

declare global {
  interface Window {
    station?: StationBridge;
  }
}

/** One function of the preload's bridge (`station.call` or `station.shell`): method and input in, envelope out. */
export type BridgeFunction = (method: string, input: unknown) => Promise<unknown>;

export function electronTransport(send: BridgeFunction): Transport {
  return {
    kind: 'electron',
    async send(method, input) {
      let raw: unknown;
      try {
        raw = await send(method, input);
      } catch {
        throw transportError(method, 'network', 'api.networkError');
      }
      const envelope = asEnvelope(raw);
      if (!envelope) throw transportError(method, 'internal', 'api.badAnswer', { status: 'IPC' });
      return envelope;
    },
  };
}

/** The bridge's function `name` when the preload put it there (Electron), else null (browser mode). */
export function bridgeFunction(win: Window, name: keyof StationBridge): BridgeFunction | null {
  const bridge = win.station;
  const fn: unknown = bridge?.[name];
  return typeof fn === 'function' ? (method, input) => (fn as BridgeFunction).call(bridge, method, input) : null;
}

// ---------------------------------------------------------------- loopback HTTP

export const TOKEN_STORAGE_KEY = 'station.token';
export const TOKEN_HEADER = 'x-station-token';

/**
 * Takes the per-launch token out of the address (`#token=...`), keeps it in sessionStorage so a reload still
 * works, and removes it from the address bar and history so it is not left on screen or in bookmarks.
 */
export function takeToken(win: Window): string | null {
  const hash = win.location.hash.replace(/^#/, '');
  const parts = hash.split('&').filter((p) => p.length > 0);
  const tokenPart = parts.find((p) => p.startsWith('token='));
  if (tokenPart !== undefined) {
    const token = decodeURIComponent(tokenPart.slice('token='.length));
    try {
      win.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      /* storage disabled: the token still works until the page is reloaded */
    }
    const rest = parts.filter((p) => p !== tokenPart).join('&');
    const url = win.location.pathname + win.location.search + (rest ? `#${rest}` : '');
    win.history.replaceState(win.history.state, '', url);
    if (token) return token;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** A resendable write with no answer after this long is taken as lost (and sent again by the client). */
export const WRITE_TIMEOUT_MS = 20_000;

export function httpTransport(opts: { baseUrl: string; token: string | null; fetch?: typeof fetch; writeTimeoutMs?: number }): Transport {
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = opts.baseUrl.replace(/\/$/, '');
  return {
    kind: 'http',
    async send(method, input) {
      let res: Response;
      try {
        res = await doFetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: opts.token ?? '' },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
          ...(RESENDABLE_WRITES.has(method) ? { signal: AbortSignal.timeout(opts.writeTimeoutMs ?? WRITE_TIMEOUT_MS) } : {}),
        });
      } catch {
        throw transportError(method, 'network', 'api.networkError');
      }
      let text: string;
      try {
        text = await res.text();
      } catch {
        // The connection broke while the answer was coming: the answer is lost, as if none had come.
        throw transportError(method, 'network', 'api.networkError');
      }
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON: handled below */
      }
      const envelope = asEnvelope(body);
      if (envelope) return envelope;
      if (res.status === 401 || res.status === 403) throw transportError(method, 'unauthorized', 'api.unauthorized');
      throw transportError(method, 'internal', 'api.badAnswer', { status: res.status });
    },
  };
}

/** Picks the transport once, at start-up: the Electron bridge when present, else loopback HTTP on this origin. */
export function pickTransport(win: Window = window): Transport {
  const call = bridgeFunction(win, 'call');
  if (call) return electronTransport(call);
  if (win.location.protocol === 'http:' || win.location.protocol === 'https:') {
    return httpTransport({ baseUrl: win.location.origin, token: takeToken(win) });
  }
  return {
    kind: 'http',
    send: async (method) => {
      throw transportError(method, 'network', 'api.noTransport');
    },
  };
}
