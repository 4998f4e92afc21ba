import { SESSION_FIELD } from '../../shared/api/resend';

/**
 * This window's sign-in: the session token signIn gave, kept in sessionStorage (each window or tab has its own, and a
 * reload keeps it). The client sends it with every call; listeners hear when it is set or ends.
 */
export const SESSION_STORAGE_KEY = 'station.session';

type Listener = (token: string | null) => void;

export interface SessionHolder {
  get(): string | null;
  set(token: string | null): void;
  subscribe(listener: Listener): () => void;
  /** The backend asked for a sign-in this window does not hold: listeners hear null again, to ask who is in. */
  required(): void;
}

export function sessionHolder(storage: Storage | null): SessionHolder {
  let memory: string | null = null;
  try {
    memory = storage?.getItem(SESSION_STORAGE_KEY) ?? null;
  } catch {
    memory = null;
  }
  const listeners = new Set<Listener>();
  return {
    get: () => memory,
    set(token) {
      if (token === memory) return;
      memory = token;
      try {
        if (token === null) storage?.removeItem(SESSION_STORAGE_KEY);
        else storage?.setItem(SESSION_STORAGE_KEY, token);
      } catch {
        /* storage disabled: the session lasts until the page is reloaded */
      }
      for (const l of listeners) l(token);
    },
    required() {
      for (const l of listeners) l(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The input as sent: with this window's session beside it, when signed in. */
export function withSession(input: unknown, token: string | null): unknown {
  if (token === null || input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  return { ...input, [SESSION_FIELD]: token };
}

function reasonOf(details: unknown): unknown {
  return details !== null && typeof details === 'object' ? (details as { reason?: unknown }).reason : undefined;
}

/** The backend said the session is over (signed out elsewhere, idle too long, restarted). */
export function sessionEnded(details: unknown): boolean {
  return reasonOf(details) === 'session-ended';
}

/** The backend asks for a sign-in (the election now asks for one, and this window has none). */
export function signInRequired(details: unknown): boolean {
  return reasonOf(details) === 'sign-in-required';
}
