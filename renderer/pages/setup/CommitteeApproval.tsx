import { useT } from '../../app/i18n';
import type { CommitteeApproval } from '../../../shared/domain/authority';
import { Field } from '../../ui';

export type Member = { id: number; name: string };
export type ApprovalDraft = { person: string; pin: string };
export const NO_APPROVAL: ApprovalDraft = { person: '', pin: '' };

/** The approval to send: none until a member is chosen (while the election is still being set up nobody has a PIN). */
export function approvalInput(d: ApprovalDraft): { approval?: CommitteeApproval } {
  return d.person === '' ? {} : { approval: { person: Number(d.person), pin: d.pin } };
}

/** A committee decision's approval: which sitting member decides, and their PIN typed at the moment. */
export function CommitteeApprovalFields({
  committee,
  value,
  onChange,
}: {
  committee: Member[];
  value: ApprovalDraft;
  onChange(v: ApprovalDraft): void;
}) {
  const t = useT();
  return (
    <>
      <Field label={t('setup.lists.decidedBy')}>
        <select value={value.person} onChange={(e) => onChange({ person: e.target.value, pin: '' })} data-testid="approval-person">
          <option value="">{t('setup.choose')}</option>
          {committee.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      {value.person !== '' && (
        <Field label={t('setup.approval.pin')}>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={value.pin}
            onChange={(e) => onChange({ ...value, pin: e.target.value })}
            required
            data-testid="approval-pin"
          />
        </Field>
      )}
    </>
  );
}
