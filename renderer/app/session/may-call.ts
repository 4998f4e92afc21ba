import { useCallback } from 'react';
import { METHOD_ACCESS, rolesMayCall } from '../../../shared/api/access';
import type { MethodName } from '../../../shared/api/contract';
import { STAFF_ROLE_NAMES, type StaffRole } from '../../../shared/domain/authority';
import type { Lang } from '../../../shared/i18n';
import { useLang } from '../i18n';
import { useSession } from './session-context';

/** Extra props for a button that calls a method: nothing when the person may, else disabled with the reason. */
export interface MayCallProps {
  disabled?: true;
  title?: string;
  'data-refused'?: 'sign-in' | 'role';
}
const ALLOWED: MayCallProps = {};

export function roleNames(roles: readonly StaffRole[], lang: Lang): string {
  return roles.map((r) => STAFF_ROLE_NAMES[r][lang === 'en' ? 'en' : 'zh']).join(lang === 'en' ? ', ' : '、');
}

/**
 * Whether the signed-in person may call a method (shared/api/access.ts, the list the backend enforces), as props
 * to spread on the button after its own: `<button disabled={busy} {...may('ruleDoubtful')}>`. While the election is
 * open (being set up) everything is allowed, as in the backend.
 */
export function useMayCall(): (method: MethodName) => MayCallProps {
  const { authority, session } = useSession();
  const { t, lang } = useLang();
  return useCallback(
    (method): MayCallProps => {
      const access = METHOD_ACCESS[method];
      if (authority !== 'established' || access === 'anyone') return ALLOWED;
      if (session === null) return { disabled: true, title: t('session.signInFirst'), 'data-refused': 'sign-in' };
      if (rolesMayCall(access, session.roles)) return ALLOWED;
      const allowed = access as readonly StaffRole[];
      return { disabled: true, title: t('session.onlyFor', { roles: roleNames(allowed, lang) }), 'data-refused': 'role' };
    },
    [authority, session, t, lang],
  );
}
