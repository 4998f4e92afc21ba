import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResponse } from '../../shared/api/envelope';
import type { StationBridge } from '../../shared/api/shell';
import { CALL_CHANNEL, SHELL_CHANNEL } from '../main/channels';

/**
 * The page's whole view of Electron: `window.station` (StationBridge, shared/api/shell.ts), two functions that each
 * resolve to an ApiResponse envelope, exactly as the loopback HTTP transport answers. The page never sees ipcRenderer
 * or the event.
 */
const station: StationBridge = Object.freeze({
  call: (method: string, input: unknown): Promise<ApiResponse<unknown>> => ipcRenderer.invoke(CALL_CHANNEL, method, input),
  shell: (method: string, input: unknown): Promise<ApiResponse<unknown>> => ipcRenderer.invoke(SHELL_CHANNEL, method, input),
});

contextBridge.exposeInMainWorld('station', station);
