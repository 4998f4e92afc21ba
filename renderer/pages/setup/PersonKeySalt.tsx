import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import type { Overview } from './overview';

/**
 * The town's salt for the candidates' person keys, typed twice (a typo would key every person differently from the
 * other communities' files, silently). The salt is never shown back, only whether it is set.
 */
export function PersonKeySalt({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [salt, setSalt] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const action = useAction();
  const set = overview.election?.personKeySaltSet === true;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setMismatch(salt !== again);
    if (salt !== again) return;
    const answer = await action.run(() => api.call('setPersonKeySalt', { salt }));
    if (answer) {
      setDone(answer.changed ? t('candfields.salt.saved') : t('candfields.salt.unchanged'));
      setSalt('');
      setAgain('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="person-key-salt">
      <h3>{t('candfields.salt.title')}</h3>
      <p className="ui-muted">{t('candfields.salt.explain')}</p>
      <p data-testid="person-key-salt-state">{set ? t('candfields.salt.set') : t('candfields.salt.notSet')}</p>
      <div className="ui-grid">
        <Field label={t('candfields.salt.value')}>
          <input type="password" autoComplete="off" value={salt} onChange={(e) => setSalt(e.target.value)} required data-testid="person-key-salt-value" />
        </Field>
        <Field label={t('candfields.salt.again')}>
          <input type="password" autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} required data-testid="person-key-salt-again" />
        </Field>
      </div>
      <ErrorNote error={mismatch ? t('candfields.salt.mismatch') : null} testId="salt-mismatch" />
      <ErrorNote error={action.error} />
      {done && <OkNote>{done}</OkNote>}
      <button type="submit" disabled={action.busy} data-testid="person-key-salt-save">
        {t('candfields.salt.save')}
      </button>
    </form>
  );
}
