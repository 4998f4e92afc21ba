import { createClient, pickTransport, type StationClient } from './client';

export { ClientError, isClientError, type ClientErrorCode } from './client';

/**
 * The client type every screen sees. When shared/api/contract.ts exists this becomes
 * `StationClient<typeof contract>` (one line here), and every `api.call` is checked against the contract.
 */
export type AppClient = StationClient;

/** Chooses the transport (Electron bridge or loopback HTTP) once, at start-up. */
export function startClient(win: Window = window): AppClient {
  return createClient(pickTransport(win));
}
