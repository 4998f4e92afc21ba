import type { ApiResponse } from '../../../shared/api/envelope';
import type { InvokeEventLike, InvokeListener, IpcMainLike } from '../../../electron/main/bridge';

/**
 * A stand-in for Electron's ipcMain (not our code): handlers by channel, and `invoke` behaving like
 * ipcRenderer.invoke does on the other side — a channel without a handler rejects, one handler per channel.
 */
export class FakeIpcMain implements IpcMainLike<InvokeEventLike> {
  readonly handlers = new Map<string, InvokeListener<InvokeEventLike>>();
  handle(channel: string, listener: InvokeListener<InvokeEventLike>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(frameUrl: string | null, channel: string, ...args: unknown[]): Promise<ApiResponse<unknown>> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    // Electron structured-clones arguments and answers; so does this stand-in.
    const event: InvokeEventLike = { senderFrame: frameUrl === null ? null : { url: frameUrl } };
    return structuredClone(await h(event, ...structuredClone(args)));
  }
}
