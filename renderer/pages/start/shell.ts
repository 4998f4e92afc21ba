/**
 * The Electron shell (electron/main/shell-contract.ts), when there is one. Browser mode has none: callers fall back
 * to <input type=file>, window.print() and the backend's own methods.
 */
type ShellFn = (method: string, input: unknown) => Promise<unknown>;

function shellFn(): ShellFn | null {
  const bridge = window.station as unknown as { shell?: ShellFn } | undefined;
  return typeof bridge?.shell === 'function' ? bridge.shell : null;
}

export function hasShell(): boolean {
  return shellFn() !== null;
}

/** Calls a shell method; a refused call throws with the shell's message. */
export async function callShell<T>(method: string, input: unknown = {}): Promise<T> {
  const fn = shellFn();
  if (!fn) throw new Error(`no shell (${method})`);
  const answer = (await fn(method, input)) as { ok: boolean; value?: unknown; error?: { message?: string } };
  if (answer && answer.ok) return answer.value as T;
  throw new Error(answer?.error?.message ?? `${method} failed`);
}

/** Prints the current page: the native dialog in Electron, window.print() in a browser. Same print CSS both ways. */
export async function printPage(): Promise<void> {
  if (hasShell()) {
    await callShell('shell:print', {});
    return;
  }
  window.print();
}
