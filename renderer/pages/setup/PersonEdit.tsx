import type { PersonView } from '../../../shared/api/people';
import { COMMITTEE_POSITIONS } from '../../../shared/domain/people';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { CorrectOrRemove } from './CorrectOrRemove';
import type { Overview } from './overview';

/**
 * A committee member's or official's correction before voting opens: the name and the committee position (a
 * member) or the venue of their roles (an official); removal takes an entry made by mistake off the list.
 */
export function PersonEdit({ person, overview, onDone }: { person: PersonView; overview: Overview; onDone(message: string): void }) {
  const api = useApi();
  const t = useT();
  const member = person.committee !== null;
  if (!member && person.roles.length === 0) return null;
  const ANY = '';
  const choice = member
    ? {
        label: t('edits.person.position'),
        value: person.committee!.position,
        options: COMMITTEE_POSITIONS.map((p) => ({ value: p, label: t(`setup.position.${p}`) })),
      }
    : {
        label: t('edits.person.venue'),
        value: person.roles[0]?.venue ?? ANY,
        options: [{ value: ANY, label: t('edits.person.anyVenue') }, ...overview.venues.map((v) => ({ value: v.id, label: v.name }))],
      };
  return (
    <CorrectOrRemove
      what={person.name}
      name={person.name}
      choice={choice}
      testId={`person-${person.id}`}
      save={({ name, choice: value, reason }) => {
        const change = member
          ? value !== person.committee!.position ? { position: value as (typeof COMMITTEE_POSITIONS)[number] } : {}
          : value !== choice.value ? { venue: value === ANY ? null : value } : {};
        return api.call('updatePerson', { person: person.id, reason, ...(name !== person.name ? { name } : {}), ...change });
      }}
      remove={(reason) => api.call(member ? 'removeCommitteeMember' : 'removeOfficial', { person: person.id, reason })}
      onDone={onDone}
    />
  );
}
