import type { CommitteeApproval } from '../../shared/domain/authority';
import { useT } from '../app/i18n';
import { Field } from '../ui';
import { isSittingCommittee, PersonPicker, type PersonView } from '../pages/people';

/** A committee member's approval being typed: who (a sitting member) and their PIN. */
export interface ApprovalDraft {
  person: number | null;
  pin: string;
}

export const NO_APPROVAL: ApprovalDraft = { person: null, pin: '' };

/** The approval to send, once both the member and a PIN are given. */
export function approvalOf(d: ApprovalDraft): CommitteeApproval | undefined {
  return d.person !== null && d.pin !== '' ? { person: d.person, pin: d.pin } : undefined;
}

/** The `approval` field of a decision's input: absent until a member and a PIN are given (an open election has none). */
export function approvalField(d: ApprovalDraft): { approval?: CommitteeApproval } {
  const approval = approvalOf(d);
  return approval ? { approval } : {};
}

/**
 * A decision the committee approves in place: choose the sitting member (arrow keys), Tab to their PIN. The PIN is
 * checked by the backend with the decision; a wrong one or a lockout comes back as the decision's error.
 */
export function CommitteeApprovalFields({
  people,
  value,
  onChange,
  label,
  testId,
  exclude = [],
}: {
  people: PersonView[];
  value: ApprovalDraft;
  onChange(d: ApprovalDraft): void;
  label: string;
  testId: string;
  exclude?: readonly number[];
}) {
  const t = useT();
  const committee = people.filter((p) => isSittingCommittee(p) && !exclude.includes(p.id));
  return (
    <>
      <PersonPicker
        people={committee}
        value={value.person}
        onChange={(person) => onChange({ person, pin: '' })}
        label={label}
        memory={`approver-${testId}`}
        testId={testId}
      />
      <Field label={t('b.approval.pin')}>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={value.pin}
          onChange={(e) => onChange({ ...value, pin: e.target.value })}
          size={8}
          data-testid={`${testId}-pin`}
        />
      </Field>
    </>
  );
}
