import type { ApiResponse } from '../../shared/api/envelope';

/**
 * The type of `window.station` as the preload exposes it in Electron (absent in browser mode). For the renderer's
 * client: `import type { StationBridge } from '../electron/preload/station-bridge'`.
 */
export interface StationBridge {
  call(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  shell(method: string, input: unknown): Promise<ApiResponse<unknown>>;
}
