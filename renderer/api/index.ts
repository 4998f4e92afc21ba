import type { Contract } from '../../shared/api/contract';
import { createClient, pickTransport, type StationClient } from './client';
import { sessionHolder, type SessionHolder } from './session-token';

export { ClientError, isClientError, type ClientErrorCode } from './client';

/** The client every screen sees: `api.call(method, input)` is checked against shared/api/contract.ts. */
export type AppClient = StationClient<Contract>;

/** Chooses the transport (Electron bridge or loopback HTTP) once, at start-up. */
export function startClient(win: Window = window, session: SessionHolder = windowSession(win)): AppClient {
  return createClient<Contract>(pickTransport(win), { session });
}

let holder: SessionHolder | null = null;

/** This window's one sign-in holder (renderer/api/session-token.ts). */
export function windowSession(win: Window = window): SessionHolder {
  if (holder === null) {
    let storage: Storage | null = null;
    try {
      storage = win.sessionStorage;
    } catch {
      storage = null;
    }
    holder = sessionHolder(storage);
  }
  return holder;
}
