import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionView } from '../../../shared/api/session';
import { windowSession } from '../../api';
import type { SessionHolder } from '../../api/session-token';
import { useApi } from '../api-context';

/**
 * This window's sign-in as the screens see it: whether the election asks for sign-in at all ('open' while it is
 * being set up), who is signed in, and the sign-in overlay (opened to switch person, or when a session ended).
 */
export type Authority = 'open' | 'established';
/**
 * Why the sign-in overlay is up: switching person; the session ended (idle here, or the backend said so); or the
 * election has just come to ask for sign-in (its first committee PIN was set) and this window has none.
 */
export type OverlayCause = 'switch' | 'idle' | 'ended' | 'required';

export interface SignInRequest {
  person: number;
  pin: string;
  role?: SessionView['roles'][number];
  idleMinutes: number;
}

export interface SessionState {
  /** null until whoAmI first answers. */
  authority: Authority | null;
  session: SessionView | null;
  overlay: OverlayCause | null;
  signIn(request: SignInRequest): Promise<SessionView>;
  signOut(): Promise<void>;
  /** Opens the sign-in overlay over the current page to switch person. */
  openSwitch(): void;
  closeOverlay(): void;
  /** The page saw no input for the session's idle time: sign out here and say so. */
  endIdle(): void;
  /** Asks the backend again (after set-up steps that may establish authority). */
  refresh(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children, holder = windowSession() }: { children: ReactNode; holder?: SessionHolder }) {
  const api = useApi();
  const [authority, setAuthority] = useState<Authority | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [overlay, setOverlay] = useState<OverlayCause | null>(null);
  const seq = useRef(0);
  const signingIn = useRef(false);
  const held = useRef<SessionView | null>(null);
  held.current = session;

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    api.call('whoAmI', {}).then(
      (who) => {
        if (mine !== seq.current) return;
        setAuthority(who.authority);
        setSession(who.session);
        if (who.session === null && holder.get() !== null) holder.set(null);
      },
      () => {
        // No answer: taken as open, so the screens ask and show the backend's own failure (it enforces sign-in anyway).
        if (mine === seq.current) setAuthority((a) => a ?? 'open');
      },
    );
  }, [api, holder]);

  useEffect(() => refresh(), [refresh]);

  // The client forgets a session the backend has ended; the overlay says so calmly over the page.
  useEffect(
    () =>
      holder.subscribe((token) => {
        if (token !== null || signingIn.current) return;
        const cause = held.current !== null ? 'ended' : 'required';
        setOverlay((o) => o ?? cause);
        setSession(null);
        refresh();
      }),
    [holder, refresh],
  );

  /**
   * Ends this window's session at the backend (a switch leaves no second session behind) and holds `token` instead,
   * without the listener above taking it for a session the backend ended.
   */
  const replaceSession = useCallback(
    async (token: string | null) => {
      signingIn.current = true;
      try {
        if (holder.get() !== null) await api.call('signOut', {}).catch(() => undefined);
        holder.set(token);
      } finally {
        signingIn.current = false;
      }
    },
    [api, holder],
  );

  const signIn = useCallback(
    async (request: SignInRequest) => {
      const { token, ...view } = await api.call('signIn', request);
      await replaceSession(token);
      ++seq.current;
      setSession(view);
      setAuthority('established');
      setOverlay(null);
      return view;
    },
    [api, replaceSession],
  );

  const signOut = useCallback(async () => {
    await replaceSession(null);
    setSession(null);
    setOverlay(null);
    refresh();
  }, [replaceSession, refresh]);

  const endIdle = useCallback(() => {
    void signOut().then(() => setOverlay('idle'));
  }, [signOut]);

  const value = useMemo<SessionState>(
    () => ({
      authority,
      session,
      overlay,
      signIn,
      signOut,
      openSwitch: () => setOverlay('switch'),
      closeOverlay: () => setOverlay(null),
      endIdle,
      refresh,
    }),
    [authority, session, overlay, signIn, signOut, endIdle, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

const OUTSIDE: SessionState = {
  authority: 'open',
  session: null,
  overlay: null,
  signIn: () => Promise.reject(new Error('useSession outside <SessionProvider>')),
  signOut: async () => {},
  openSwitch: () => {},
  closeOverlay: () => {},
  endIdle: () => {},
  refresh: () => {},
};

/** The window's sign-in; outside a provider (gallery, widget tests) the election is taken as open. */
export function useSession(): SessionState {
  return useContext(SessionContext) ?? OUTSIDE;
}
