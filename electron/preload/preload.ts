import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, SHELL_CHANNEL } from '../main/channels';

/**
 * The page's whole view of Electron: `window.station`, two functions that each resolve to an ApiResponse envelope
 * ({ ok: true, value } | { ok: false, error: { code, message, path? } }), exactly as the loopback HTTP transport answers.
 *   station.call(method, input)   the election contract
 *   station.shell(method, input)  the shell contract (electron/main/shell-contract.ts)
 * Only the method name and the input cross; the page never sees ipcRenderer or the event.
 */
const station = Object.freeze({
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(CALL_CHANNEL, method, input),
  shell: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(SHELL_CHANNEL, method, input),
});

contextBridge.exposeInMainWorld('station', station);
