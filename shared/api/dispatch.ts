import { formatPath } from '../record/path';
import { findReservedKey, RESERVED_KEY } from '../record/reserved-keys';
import { says } from '../i18n/says';
import { looksLikeSystemError } from './error-text';
import { ApiError, type ApiErrorBody, type ApiResponse, type ContractShape, type Implementation } from './envelope';
import { splitCallMeta, type CallMeta } from './resend';

/** Answers a refusal when the caller may not call the method, or null. */
export type Authorize = (method: string, meta: CallMeta) => ApiErrorBody | null;

/**
 * The one place where a call crosses a transport: checks the method exists, takes the session and a resendable
 * write's request key aside (shared/api/resend.ts), asks `authorize` whether the caller may call the method at all
 * (before the input is read, so a refusal never depends on it), validates the input with the contract, runs the
 * implementation, validates the output, and turns every failure into a structured error (never a throw).
 * `onInternal` receives unexpected exceptions so the host can log them.
 */

export async function dispatch<C extends ContractShape>(
  contract: C,
  impl: Implementation<C>,
  method: unknown,
  rawInput: unknown,
  onInternal: (err: unknown, method: string) => void = () => {},
  authorize?: Authorize,
): Promise<ApiResponse<unknown>> {
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(contract, method)) {
    return { ok: false, error: { code: 'not-found', message: `unknown method ${JSON.stringify(method)}` } };
  }
  const spec = contract[method]!;
  const reserved = findReservedKey(rawInput);
  if (reserved) {
    const path = formatPath(reserved);
    return { ok: false, error: { code: 'invalid-input', message: `${path}: "${RESERVED_KEY}" is not allowed as a key`, path } };
  }
  const split = splitCallMeta(method, rawInput);
  if (!split.ok) return { ok: false, error: { code: 'invalid-input', message: split.message, path: split.path } };
  const refusal = authorize?.(method, split.meta);
  if (refusal) return { ok: false, error: refusal };
  const parsed = spec.input.safeParse(split.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = formatPath(issue.path);
    // The schema's words are English and technical: a screen says its general line, the field goes along as path.
    return { ok: false, error: { code: 'invalid-input', message: `${path}: ${issue.message}`, path, text: says('error.badInput') } };
  }
  try {
    const fn = impl[method as keyof C] as (input: unknown, meta: CallMeta) => unknown;
    const value = await fn(parsed.data, split.meta);
    const out = spec.output.safeParse(value);
    if (!out.success) {
      onInternal(out.error, method);
      return { ok: false, error: { code: 'internal', message: `the answer of ${method} did not match the contract` } };
    }
    return { ok: true, value: out.data };
  } catch (err) {
    if (err instanceof ApiError) {
      // A refusal that carries the machine's words (a file the system would not write): the log keeps them.
      if (looksLikeSystemError(err.message)) onInternal(err, method);
      return { ok: false, error: err.toBody() };
    }
    onInternal(err, method);
    return { ok: false, error: { code: 'internal', message: `internal error in ${method}; see the log` } };
  }
}
