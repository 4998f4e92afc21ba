import { z } from 'zod';
import { answerText } from '../domain/text';
import { generalText, type ErrorParam, type ErrorText } from './error-text';
import type { CallMeta } from './resend';

/**
 * How every API call answers, whatever the transport (Electron IPC or loopback HTTP).
 * - invalid-input: the input does not match the contract (path names the field), or a file/row is malformed;
 * - refused: a rule of the election refuses the action (already issued, wrong venue, custody out of order, …);
 * - not-found: the thing named does not exist (unknown certificate, unknown box, …);
 * - conflict: the state changed under the caller (e.g. a database from a newer app version);
 * - internal: a bug; the message is generic and the details go to the log.
 * `message` is "中文 / English" (the CLI prints it, the log keeps it); `text` is what a screen shows in its own
 * language: a key of the shared string tables with its parameters, or the general key with the two texts.
 */
export const API_ERROR_CODES = ['invalid-input', 'refused', 'not-found', 'conflict', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const bothWords = z.object({ zh: answerText, en: answerText });
/** A message parameter: text, a number, a word in both languages, or a list of them (at most 1,000 items). */
const errorParam: z.ZodType<ErrorParam> = z.union([
  answerText,
  z.number(),
  bothWords,
  z.array(z.union([answerText, z.number(), bothWords])).max(1000),
]);

export const apiErrorText = z.object({
  key: answerText,
  params: z.record(z.string(), errorParam).optional(),
  zh: answerText,
  en: answerText,
});

export const apiErrorBody = z.object({
  code: z.enum(API_ERROR_CODES),
  message: answerText,
  text: apiErrorText.optional(),
  path: answerText.optional(),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly path: string | undefined;
  readonly details: unknown;
  /** The words for a screen; without one given, the two halves of a "中文 / English" message. */
  readonly text: ErrorText | null;
  constructor(code: ApiErrorCode, message: string, opts: { path?: string; details?: unknown; text?: ErrorText } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.path = opts.path;
    this.details = opts.details;
    this.text = opts.text ?? generalText(message);
  }
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.text !== null) body.text = this.text;
    if (this.path !== undefined) body.path = this.path;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

/** A contract entry: the method's input and output schemas. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}
export type ContractShape = Record<string, MethodSpec>;

/**
 * What a method's function is handed beside its input. The request key is left out: the backend answers a re-sent
 * write once by its receipt, and hands the key only to a function built to keep it itself
 * (electron/backend/services/request-receipts.ts withRequestKey), so which writes do that is never listed apart.
 */
export type HandlerMeta = Omit<CallMeta, 'requestKey'>;

/** The implementation type a contract asks for: one async-or-sync function per method (dispatch hands it all the meta). */
export type Implementation<C extends ContractShape, Meta = HandlerMeta> = {
  [M in keyof C]: (input: z.infer<C[M]['input']>, meta?: Meta) => z.input<C[M]['output']> | Promise<z.input<C[M]['output']>>;
};

/** What a service takes and answers for one method: the contract's schemas, so a service restates no field. */
export type InputOf<C extends ContractShape, M extends keyof C> = z.infer<C[M]['input']>;
export type OutputOf<C extends ContractShape, M extends keyof C> = z.input<C[M]['output']>;

/** What a client sees: one async function per method. */
export type Client<C extends ContractShape> = {
  call<M extends keyof C & string>(method: M, input: z.input<C[M]['input']>): Promise<z.infer<C[M]['output']>>;
};
