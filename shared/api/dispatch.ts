import { formatPath } from '../record/path';
import { findReservedKey, RESERVED_KEY } from '../record/reserved-keys';
import { ApiError, type ApiResponse, type ContractShape, type Implementation } from './envelope';
import { REQUEST_KEY_FIELD, splitRequestKey, type CallMeta } from './resend';

/**
 * The one place where a call crosses a transport: checks the method exists, validates the input with the contract,
 * takes a resendable write's request key aside (shared/api/resend.ts), runs the implementation, validates the
 * output, and turns every failure into a structured error (never a throw).
 * `onInternal` receives unexpected exceptions so the host can log them.
 */
export async function dispatch<C extends ContractShape>(
  contract: C,
  impl: Implementation<C>,
  method: unknown,
  rawInput: unknown,
  onInternal: (err: unknown, method: string) => void = () => {},
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
  const split = splitRequestKey(method, rawInput);
  if (!split.ok) return { ok: false, error: { code: 'invalid-input', message: split.message, path: REQUEST_KEY_FIELD } };
  const parsed = spec.input.safeParse(split.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = formatPath(issue.path);
    return { ok: false, error: { code: 'invalid-input', message: `${path}: ${issue.message}`, path } };
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
    if (err instanceof ApiError) return { ok: false, error: err.toBody() };
    onInternal(err, method);
    return { ok: false, error: { code: 'internal', message: `internal error in ${method}; see the log` } };
  }
}
