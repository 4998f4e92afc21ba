import { useEffect } from 'react';
import { useSession } from './session-context';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Signs the window out after the session's idle time with no keyboard or pointer input here (the backend ends an
 * idle session too; this makes the screen say so at once instead of at the next call).
 */
export function useIdleSignOut(): void {
  const { session, endIdle } = useSession();
  const idleMs = session === null ? null : session.idleMinutes * 60_000;
  const signedInAt = session?.signedInAt;
  useEffect(() => {
    if (idleMs === null) return;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const left = last + idleMs - Date.now();
      if (left <= 0) endIdle();
      else timer = setTimeout(check, Math.min(left, 30_000));
    };
    const seen = () => {
      last = Date.now();
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, seen, { capture: true, passive: true });
    timer = setTimeout(check, Math.min(idleMs, 30_000));
    return () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, seen, { capture: true });
    };
  }, [idleMs, endIdle, signedInAt]);
}
