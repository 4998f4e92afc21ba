/**
 * The only two IPC channels between the page and the main process. The preload invokes nothing else and the main
 * process handles nothing else.
 *   station:call   (method, input) → ApiResponse   the election contract (shared/api/contract.ts), same as over HTTP
 *   station:shell  (method, input) → ApiResponse   the shell contract (shared/api/shell.ts): dialogs, printing, menus
 */
export const CALL_CHANNEL = 'station:call';
export const SHELL_CHANNEL = 'station:shell';
export const BRIDGE_CHANNELS = [CALL_CHANNEL, SHELL_CHANNEL] as const;
