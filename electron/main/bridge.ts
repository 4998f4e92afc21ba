import { dispatch, type Authorize } from '../../shared/api/dispatch';
import type { ApiResponse, ContractShape, Implementation } from '../../shared/api/envelope';
import { isAppUrl } from './app-origin';
import { CALL_CHANNEL, SHELL_CHANNEL } from './channels';

/**
 * The IPC bridge, kept free of any runtime import of electron so it runs (and is tested) under plain Node:
 * the caller passes Electron's ipcMain, or anything with the same `handle`.
 */

/** The part of Electron's IpcMainInvokeEvent the bridge reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}
export type InvokeListener<E> = (event: E, ...args: unknown[]) => Promise<ApiResponse<unknown>>;
export interface IpcMainLike<E extends InvokeEventLike> {
  handle(channel: string, listener: InvokeListener<E>): void;
  removeHandler(channel: string): void;
}

export interface BridgeOptions<E extends InvokeEventLike, C extends ContractShape, S extends ContractShape> {
  election: {
    contract: C;
    /** Asked on every call: the implementation can change when another election file is opened. */
    impl: () => Implementation<C>;
    /** Asked on every call before the input is read: may the caller call this method at all (shared/api/access.ts). */
    authorize?: () => Authorize;
  };
  shell: {
    contract: S;
    /** Built per call, for the window that asked (printing prints that window). */
    impl: (event: E) => Implementation<S>;
  };
  /** Whether the calling frame may use the bridge; default: only pages of the app itself (app://station/…). */
  isTrustedUrl?: (url: string) => boolean;
  /** Unexpected exceptions (bugs) go here for the log; the page only gets a generic message. */
  onInternal?: (err: unknown, method: string) => void;
}

export function refusedSender(url: string | undefined): ApiResponse<never> {
  return {
    ok: false,
    error: {
      code: 'refused',
      message: `调用被拒绝:来源不是本程序的页面 / call refused: the sender is not the app's own page (${url ?? 'no frame'})`,
    },
  };
}

/**
 * Handles exactly the two bridge channels and returns a function that removes them again. Every call is checked
 * (sender frame's URL, method known, input valid by the contract), run, its output checked, and answered with an
 * ApiResponse; nothing throws across IPC.
 */
export function installBridge<E extends InvokeEventLike, C extends ContractShape, S extends ContractShape>(
  ipc: IpcMainLike<E>,
  opts: BridgeOptions<E, C, S>,
): () => void {
  const trusted = opts.isTrustedUrl ?? isAppUrl;
  const onInternal = opts.onInternal ?? (() => {});
  const senderUrl = (event: E): string | undefined => event.senderFrame?.url;

  ipc.handle(CALL_CHANNEL, async (event, method, input) => {
    const url = senderUrl(event);
    if (url === undefined || !trusted(url)) return refusedSender(url);
    return dispatch(opts.election.contract, opts.election.impl(), method, input, onInternal, opts.election.authorize?.());
  });
  ipc.handle(SHELL_CHANNEL, async (event, method, input) => {
    const url = senderUrl(event);
    if (url === undefined || !trusted(url)) return refusedSender(url);
    return dispatch(opts.shell.contract, opts.shell.impl(event), method, input, onInternal);
  });
  return () => {
    ipc.removeHandler(CALL_CHANNEL);
    ipc.removeHandler(SHELL_CHANNEL);
  };
}
