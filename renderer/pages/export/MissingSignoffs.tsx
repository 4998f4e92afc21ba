import { useT } from '../../app/i18n';
import type { MissingSignoffView } from '../../../shared/api/seal';
import type { OfficialRole } from '../../../shared/domain/people';

/** Missing sign-offs, round by round: a name with its role, or a role nobody holds. */
export function MissingSignoffs({ missing }: { missing: readonly MissingSignoffView[] }) {
  const t = useT();
  // Sealing requires scrutineers, callers and counters only: official roles, each with a name in the set-up table.
  const role = (m: MissingSignoffView) => t(`setup.role.${m.role as OfficialRole}`);
  const rounds = [...new Set(missing.map((m) => m.round))];
  return (
    <ul data-testid="missing-signoffs">
      {rounds.map((n) => (
        <li key={n}>
          {t('export.missing.round', { n })}{t('b.sep.label')}
          {missing
            .filter((m) => m.round === n)
            .map((m) => (m.name === null ? t('export.missing.nobody', { role: role(m) }) : `${m.name}（${role(m)}）`))
            .join('、')}
        </li>
      ))}
    </ul>
  );
}
