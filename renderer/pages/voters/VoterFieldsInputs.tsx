import type { VoterCorrection } from '../../../shared/api/roll-life';
import { CATEGORY_IDS, type RegistrationCategory } from '../../../shared/domain/roll';
import { useT } from '../../app/i18n';
import { Field } from '../../ui';

/** The fields the committee types for a voter added or corrected; empty text fields mean "not given". */
export interface VoterDraft {
  name: string;
  idNumber: string;
  group: string;
  category: RegistrationCategory | '';
  address: string;
  proofNote: string;
  household: string;
  /** A Party meeting's member: '' keeps (or, for a new member, means a full member). */
  partyStatus: '' | 'member' | 'probationary';
}

export const EMPTY_DRAFT: VoterDraft = { name: '', idNumber: '', group: '', category: '', address: '', proofNote: '', household: '', partyStatus: '' };

/** Only what was typed: a correction changes just these fields. */
export function correctionOf(d: VoterDraft): VoterCorrection {
  const out: VoterCorrection = {};
  if (d.name.trim()) out.name = d.name.trim();
  if (d.idNumber.trim()) out.idNumber = d.idNumber.trim();
  if (d.group.trim()) out.group = d.group.trim();
  if (d.category) out.category = d.category;
  if (d.address.trim()) out.address = d.address.trim();
  if (d.proofNote.trim()) out.proofNote = d.proofNote.trim();
  if (d.household.trim()) out.household = d.household.trim();
  if (d.partyStatus) out.probationary = d.partyStatus === 'probationary';
  return out;
}

export function VoterFieldsInputs({
  value,
  onChange,
  required,
  party = false,
  testId,
}: {
  value: VoterDraft;
  onChange(d: VoterDraft): void;
  /** A new voter: name, ID, group and category are required; a correction leaves them all optional. */
  required: boolean;
  /** A Party members' meeting: a member may be marked probationary (预备党员). */
  party?: boolean;
  testId: string;
}) {
  const t = useT();
  const set = (k: keyof VoterDraft) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  const hint = required ? undefined : t('roll.f.unchanged');
  return (
    <>
      <Field label={t('roll.f.name')} hint={hint}>
        <input value={value.name} onChange={set('name')} required={required} maxLength={64} data-testid={`${testId}-name`} />
      </Field>
      <Field label={t('roll.f.idNumber')} hint={hint}>
        <input value={value.idNumber} onChange={set('idNumber')} required={required} maxLength={40} autoComplete="off" data-testid={`${testId}-id`} />
      </Field>
      <Field label={t('roll.f.group')} hint={hint}>
        <input value={value.group} onChange={set('group')} required={required} maxLength={64} data-testid={`${testId}-group`} />
      </Field>
      <Field label={t('roll.f.category')}>
        <select value={value.category} onChange={set('category')} required={required} data-testid={`${testId}-category`}>
          <option value="">{required ? t('setup.choose') : t('roll.f.keep')}</option>
          {CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {t(`roll.cat.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('roll.f.address')} hint={hint}>
        <input value={value.address} onChange={set('address')} maxLength={200} data-testid={`${testId}-address`} />
      </Field>
      <Field label={t('roll.f.proof')} hint={hint}>
        <input
          value={value.proofNote}
          onChange={set('proofNote')}
          required={required && value.category === 'incomer'}
          maxLength={500}
          data-testid={`${testId}-proof`}
        />
      </Field>
      <Field label={t('roll.f.household')} hint={hint}>
        <input value={value.household} onChange={set('household')} maxLength={40} autoComplete="off" data-testid={`${testId}-household`} />
      </Field>
      {party && (
        <Field label={t('roll.f.partyStatus')}>
          <select value={value.partyStatus} onChange={set('partyStatus')} data-testid={`${testId}-party-status`}>
            <option value="">{required ? t('roll.f.partyMember') : t('roll.f.keep')}</option>
            {!required && <option value="member">{t('roll.f.partyMember')}</option>}
            <option value="probationary">{t('roll.f.probationary')}</option>
          </select>
        </Field>
      )}
    </>
  );
}
