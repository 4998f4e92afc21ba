import { useState, type FormEvent } from 'react';
import type { OfficeNominations } from '../../../shared/api/nomination';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';

/** Withdrawing a recorded nomination, with the reason, while the office's preliminary list is not set. */
export function WithdrawNomination({ office, onChanged }: { office: OfficeNominations; onChanged(): void }) {
  const t = useT();
  const api = useApi();
  const may = useMayCall()('withdrawNomination');
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const listSet = office.vote !== null || office.nominations.some((n) => n.preliminary);
  if (office.nominations.length === 0 || listSet) return done ? <OkNote testId="nomination-withdraw-ok">{done}</OkNote> : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = office.nominations.find((n) => String(n.id) === id);
    if (!chosen) return;
    setDone(null);
    if (await action.run(() => api.call('withdrawNomination', { nomination: chosen.id, reason }))) {
      setDone(t('nomination.withdraw.done', { name: chosen.name }));
      setId('');
      setReason('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="nomination-withdraw">
      <h4>{t('nomination.withdraw.title')}</h4>
      <p className="ui-muted">{t('nomination.withdraw.explain')}</p>
      <div className="ui-grid">
        <Field label={t('nomination.withdraw.which')}>
          <select value={id} onChange={(e) => setId(e.target.value)} required data-testid="nomination-withdraw-which">
            <option value="">—</option>
            {office.nominations.map((n) => (
              <option key={n.id} value={String(n.id)}>
                {n.name}（{n.certificate}）
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('nomination.withdraw.reason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} data-testid="nomination-withdraw-reason" />
        </Field>
      </div>
      <ErrorNote error={action.error} testId="nomination-withdraw-error" />
      <OkNote testId="nomination-withdraw-ok">{done}</OkNote>
      <button type="submit" disabled={action.busy} {...may} data-testid="nomination-withdraw-submit">
        {t('nomination.withdraw.submit')}
      </button>
    </form>
  );
}
