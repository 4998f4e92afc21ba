import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import type { MissingSignoffView } from '../../../shared/api/seal';
import type { CommitteeApproval } from '../../../shared/domain/authority';
import { useLoad } from '../../ui';
import { MissingSignoffs } from './MissingSignoffs';

export interface SealOverride {
  reason: string;
  approvals: CommitteeApproval[];
}

/**
 * Sealing was refused for missing sign-offs: the list of what is missing, and the committee's override — a written
 * reason and two committee members, each choosing themself and typing their PIN.
 */
export function OverrideForm({ missing, busy, onOverride }: { missing: MissingSignoffView[]; busy: boolean; onOverride(o: SealOverride): void }) {
  const t = useT();
  const api = useApi();
  const people = useLoad(() => api.call('listPeople', {}), [api]);
  const members = (people.data ?? []).filter((p) => p.committee !== null && !p.committee.left);
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState<[string, string]>(['', '']);
  const [pins, setPins] = useState<[string, string]>(['', '']);
  const ready = reason.trim() !== '' && chosen.every((c) => c !== '') && chosen[0] !== chosen[1] && pins.every((p) => p !== '');
  const submit = () => {
    if (!ready) return;
    onOverride({ reason: reason.trim(), approvals: [0, 1].map((i) => ({ person: Number(chosen[i]), pin: pins[i]! })) });
    setPins(['', '']);
  };
  return (
    <div className="ui-card ui-card-bad" data-testid="seal-missing">
      <h3>{t('export.missing.title')}</h3>
      <MissingSignoffs missing={missing} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="seal-override"
      >
        <h4>{t('export.override.title')}</h4>
        <p className="ui-muted">{t('export.override.explain')}</p>
        <label className="ui-field">
          <span>{t('export.override.reason')}</span>
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="override-reason" />
        </label>
        {[0, 1].map((i) => (
          <div className="ui-row" key={i}>
            <label className="ui-field">
              <span>{t('export.override.member', { n: i + 1 })}</span>
              <select
                value={chosen[i]}
                onChange={(e) => setChosen((c) => (i === 0 ? [e.target.value, c[1]] : [c[0], e.target.value]))}
                data-testid={`override-member-${i + 1}`}
              >
                <option value="">{t('export.override.choose')}</option>
                {members.map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="ui-field">
              <span>{t('export.override.pin')}</span>
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={pins[i]}
                onChange={(e) => setPins((p) => (i === 0 ? [e.target.value, p[1]] : [p[0], e.target.value]))}
                data-testid={`override-pin-${i + 1}`}
              />
            </label>
          </div>
        ))}
        <div className="ui-row">
          <button type="submit" className="ui-primary" disabled={busy || !ready} data-testid="override-go">
            {t('export.override.go')}
          </button>
        </div>
      </form>
    </div>
  );
}
