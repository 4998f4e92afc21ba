import { useT } from '../i18n';
import { useSession } from './session-context';

/** While the election is being set up nobody signs in; this says how that ends (the first committee PIN). */
export function OpenModeHint() {
  const t = useT();
  const { authority } = useSession();
  if (authority !== 'open') return null;
  return (
    <p className="ui-card ui-muted" role="note" data-testid="open-mode-hint">
      {t('session.openHint')}
    </p>
  );
}
