import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import { useSession, type OverlayCause } from './session-context';
import { SignInForm } from './SignInForm';

const CAUSE_TEXT = {
  switch: 'signin.cause.switch',
  idle: 'signin.cause.idle',
  ended: 'signin.cause.ended',
  required: 'signin.cause.required',
} as const satisfies Record<OverlayCause, string>;

/**
 * The sign-in form over the current page (a modal <dialog>): to switch person, or after a session ended. The page
 * underneath stays as it was, so after signing in the person carries on where the screen stood.
 */
export function SignInOverlay() {
  const t = useT();
  const { overlay, closeOverlay } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (overlay !== null && !d.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    }
    if (overlay === null && d.open) {
      d.close();
      // Back to where the person was, once the page is no longer inert (the field takes typing again at once).
      const el = returnTo.current;
      returnTo.current = null;
      if (el?.isConnected) setTimeout(() => {
        el.blur();
        el.focus();
      }, 0);
    }
  }, [overlay]);
  return (
    <dialog ref={ref} className="signin-overlay" aria-labelledby="signin-title" onClose={closeOverlay} data-testid="signin-overlay" data-cause={overlay ?? ''}>
      {overlay !== null && (
        <>
          <p className={overlay === 'switch' ? 'ui-lead' : 'ui-lead signin-calm'} role="status" data-testid="signin-cause">
            {t(CAUSE_TEXT[overlay])}
          </p>
          <SignInForm onCancel={closeOverlay} />
        </>
      )}
    </dialog>
  );
}
