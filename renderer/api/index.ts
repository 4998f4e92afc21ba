import type { Contract } from '../../shared/api/contract';
import { createClient, pickTransport, type StationClient } from './client';

export { ClientError, isClientError, type ClientErrorCode } from './client';

/** The client every screen sees: `api.call(method, input)` is checked against shared/api/contract.ts. */
export type AppClient = StationClient<Contract>;

/** Chooses the transport (Electron bridge or loopback HTTP) once, at start-up. */
export function startClient(win: Window = window): AppClient {
  return createClient<Contract>(pickTransport(win));
}
