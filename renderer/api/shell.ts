import type { ShellContract } from '../../shared/api/shell';
import { t } from '../../shared/i18n';
import { bridgeFunction, createClient, electronTransport, type StationClient } from './client';

/**
 * The client of the shell contract (shared/api/shell.ts): dialogs, saving, printing, menus. Built like the election
 * client, over the preload's `station.shell`. Browser mode has no shell: `startShellClient` answers null and the
 * screens keep their own fallbacks (<input type=file>, downloads, window.print()).
 */
export type ShellClient = StationClient<ShellContract>;

export function startShellClient(win: Window = window): ShellClient | null {
  const send = bridgeFunction(win, 'shell');
  return send ? createClient<ShellContract>(electronTransport(send)) : null;
}

/** The shell of this page, or null in browser mode (asked once: the preload runs before the page). */
let current: ShellClient | null | undefined;
export function shellClient(): ShellClient | null {
  if (current === undefined) current = startShellClient(window);
  return current;
}

export function hasShell(): boolean {
  return shellClient() !== null;
}

/** Prints the current page: the native dialog in Electron, window.print() in a browser. Same print CSS both ways. */
export async function printPage(): Promise<void> {
  const shell = shellClient();
  if (shell) await shell.call('shell:print', {});
  else window.print();
}

/** For actions only offered when `hasShell()`: the shell, or a clear error when there is none. */
export function requireShell(): ShellClient {
  const shell = shellClient();
  if (!shell) throw new Error(t('shell.absent'));
  return shell;
}
