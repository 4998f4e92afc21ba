import { useT } from '../../app/i18n';
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
] as const;

/** Which certificates to print: everyone, a residents' group, a venue's or a mobile box's voters, or a number range. */
export function CertificateBatchChooser({ choices, draft, onChange }: { choices: Choices | null; draft: BatchDraft; onChange(d: BatchDraft): void }) {
  const t = useT();
  const set = (patch: Partial<BatchDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="ui-grid">
      <Field label={t('setup.cert.batch')}>
        <select value={draft.kind} onChange={(ev) => set({ kind: ev.target.value as BatchDraft['kind'] })} data-testid="cert-kind">
          {KINDS.map(([kind, label]) => (
            <option key={kind} value={kind}>
              {t(label)}
            </option>
          ))}
        </select>
      </Field>
      {draft.kind === 'group' && (
        <Field label={t('setup.cert.group')}>
          <select value={draft.group} onChange={(ev) => set({ group: ev.target.value })} data-testid="cert-group">
            <option value="">{t('setup.cert.allGroups')}</option>
            {choices?.groups.map((g) => (
              <option key={g.group} value={g.group}>
                {t('setup.cert.choice', { name: g.group, n: g.voters })}
              </option>
            ))}
          </select>
        </Field>
      )}
      {draft.kind === 'venue' && (
        <Field label={t('setup.cert.venue')}>
          <select value={draft.venue} onChange={(ev) => set({ venue: ev.target.value })} data-testid="cert-venue">
            <option value="" />
            {choices?.venues.map((v) => (
              <option key={v.id} value={v.id}>
                {t('setup.cert.choice', { name: v.name, n: v.voters })}
              </option>
            ))}
          </select>
        </Field>
      )}
      {draft.kind === 'mobile-box' && (
        <Field label={t('setup.cert.box')}>
          <select value={draft.box} onChange={(ev) => set({ box: ev.target.value })} data-testid="cert-box">
            <option value="" />
            {choices?.mobileBoxes.map((b) => (
              <option key={b.id} value={b.id}>
                {t('setup.cert.choice', { name: b.name, n: b.voters })}
              </option>
            ))}
          </select>
        </Field>
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
    </div>
  );
}
