import { randomBytes } from 'node:crypto';
import type { StaffRole } from '../../../shared/domain/authority';

/** One signed-in window: who, in which role (all they hold when null), and when it last acted. */
export interface Session {
  token: string;
  person: number;
  onlyRole: StaffRole | null;
  idleMinutes: number;
  signedInAt: Date;
  lastSeenMs: number;
}

/**
 * The sessions of one open election file, in memory: a restart or another file ends them all, and a session that
 * has been idle longer than its idle time is gone the next time it is used.
 */
export class SessionStore {
  private readonly byToken = new Map<string, Session>();

  open(person: number, onlyRole: StaffRole | null, idleMinutes: number, now: Date): Session {
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      person,
      onlyRole,
      idleMinutes,
      signedInAt: now,
      lastSeenMs: now.getTime(),
    };
    this.byToken.set(session.token, session);
    return session;
  }

  /** The live session for the token, its idle clock restarted; undefined when unknown, ended or idle too long. */
  use(token: string, now: Date): Session | undefined {
    const s = this.byToken.get(token);
    if (!s) return undefined;
    if (now.getTime() - s.lastSeenMs > s.idleMinutes * 60_000) {
      this.byToken.delete(token);
      return undefined;
    }
    s.lastSeenMs = Math.max(s.lastSeenMs, now.getTime());
    return s;
  }

  close(token: string): Session | undefined {
    const s = this.byToken.get(token);
    this.byToken.delete(token);
    return s;
  }
}
