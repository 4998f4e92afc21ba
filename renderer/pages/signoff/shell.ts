/**
 * The Electron shell (window.station.shell) when present; in browser mode there is none and the screens fall back
 * to window.print() and paths typed by the user.
 */
interface ShellBridge {
  shell(method: string, input: unknown): Promise<unknown>;
}

export function hasShell(): boolean {
  const s = (window as unknown as { station?: Partial<ShellBridge> }).station;
  return typeof s?.shell === 'function';
}

/** Calls a shell method; returns its value or throws with the shell's message. */
export async function shell<T>(method: string, input: unknown): Promise<T> {
  const s = (window as unknown as { station: ShellBridge }).station;
  const answer = (await s.shell(method, input)) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (answer && typeof answer === 'object' && 'ok' in answer) {
    if (answer.ok) return answer.value;
    throw new Error(answer.error.message);
  }
  throw new Error(`shell ${method}: no answer`);
}

export type ShellWrite = { canceled: true } | { canceled: false; path: string; bytes: number; sha256: string };

/** Prints the page: the system dialog in Electron, window.print() in the browser. */
export async function printPage(): Promise<void> {
  if (hasShell()) await shell('shell:print', {});
  else window.print();
}
