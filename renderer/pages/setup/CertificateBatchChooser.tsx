import { useT } from '../../app/i18n';
import type { Translate } from '../../../shared/i18n';
import type { OutputOf } from '../../../shared/api/envelope';
import type { CertificatesContract } from '../../../shared/api/certificates';
import { Field } from '../../ui';
import type { BatchDraft } from './certificate-batch';

type Choices = OutputOf<CertificatesContract, 'certificateBatches'>;

const KINDS = [
  ['all', 'setup.cert.kind.all'],
  ['group', 'setup.cert.kind.group'],
  ['venue', 'setup.cert.kind.venue'],
  ['mobile-box', 'setup.cert.kind.mobileBox'],
  ['range', 'setup.cert.kind.range'],
  ['household', 'setup.cert.kind.household'],
] as const;

/** The list to pick from for a group, venue or mobile-box batch (each entry with its number of voters). */
function pickerFor(kind: BatchDraft['kind'], choices: Choices | null, t: Translate) {
  const entry = (value: string, name: string, n: number) => ({ value, label: t('setup.cert.choice', { name, n }) });
  switch (kind) {
    case 'group':
      return { field: 'group', label: t('setup.cert.group'), empty: t('setup.cert.allGroups'), options: (choices?.groups ?? []).map((g) => entry(g.group, g.group, g.voters)) } as const;
    case 'venue':
      return { field: 'venue', label: t('setup.cert.venue'), empty: '', options: (choices?.venues ?? []).map((v) => entry(v.id, v.name, v.voters)) } as const;
    case 'mobile-box':
      return { field: 'box', label: t('setup.cert.box'), empty: '', options: (choices?.mobileBoxes ?? []).map((b) => entry(b.id, b.name, b.voters)) } as const;
    default:
      return null;
  }
}

function ChoiceField(props: {
  label: string;
  value: string;
  empty: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  testId: string;
}) {
  return (
    <Field label={props.label}>
      <select value={props.value} onChange={(ev) => props.onChange(ev.target.value)} data-testid={props.testId}>
        <option value="">{props.empty}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * Which certificates to print: everyone, a residents' group, a venue's or a mobile box's voters, a number range, or
 * one household by its number (offered when the roll names households).
 */
export function CertificateBatchChooser({ choices, draft, onChange }: { choices: Choices | null; draft: BatchDraft; onChange(d: BatchDraft): void }) {
  const t = useT();
  const set = (patch: Partial<BatchDraft>) => onChange({ ...draft, ...patch });
  const picker = pickerFor(draft.kind, choices, t);
  return (
    <div className="ui-grid">
      <Field label={t('setup.cert.batch')}>
        <select value={draft.kind} onChange={(ev) => set({ kind: ev.target.value as BatchDraft['kind'] })} data-testid="cert-kind">
          {KINDS.filter(([kind]) => kind !== 'household' || (choices?.households ?? 0) > 0).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {t(label)}
            </option>
          ))}
        </select>
      </Field>
      {picker && (
        <ChoiceField
          label={picker.label}
          value={draft[picker.field]}
          empty={picker.empty}
          options={picker.options}
          onChange={(value) => set({ [picker.field]: value })}
          testId={`cert-${picker.field}`}
        />
      )}
      {draft.kind === 'range' && (
        <>
          <Field label={t('setup.cert.from')}>
            <input value={draft.from} placeholder={choices?.first ?? ''} inputMode="numeric" maxLength={20} onChange={(ev) => set({ from: ev.target.value })} data-testid="cert-from" />
          </Field>
          <Field label={t('setup.cert.to')}>
            <input value={draft.to} placeholder={choices?.last ?? ''} inputMode="numeric" maxLength={20} onChange={(ev) => set({ to: ev.target.value })} data-testid="cert-to" />
          </Field>
        </>
      )}
      {draft.kind === 'household' && (
        <Field label={t('setup.cert.householdNo')}>
          <input value={draft.household ?? ''} maxLength={40} autoComplete="off" onChange={(ev) => set({ household: ev.target.value })} data-testid="cert-household" />
        </Field>
      )}
    </div>
  );
}
