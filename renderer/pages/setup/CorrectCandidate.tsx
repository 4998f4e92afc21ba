import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import type { Overview } from './overview';
import { ConfirmRemoval } from './ConfirmRemoval';
import { CandidateFactFields, GenderField, factsChange, factsDraftOf, NO_FACTS, type CandidateFactsDraft } from './CandidateFacts';

/** Correcting or removing a candidate before voting opens, with the reason the audit log keeps. */
export function CorrectCandidate({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const candidates = overview.offices.flatMap((o) => o.candidates.map((c) => ({ ...c, officeTitle: o.title })));
  const [id, setId] = useState('');
  const chosen = candidates.find((c) => c.id === id) ?? null;
  const [name, setName] = useState('');
  const [gender, setGender] = useState<'' | 'female' | 'male'>('');
  const [reason, setReason] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [facts, setFacts] = useState<CandidateFactsDraft>(NO_FACTS);
  const storedFacts = (cid: string) => overview.candidateFacts.find((f) => f.id === cid);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const choose = (next: string) => {
    setId(next);
    const c = candidates.find((x) => x.id === next);
    setName(c?.name ?? '');
    setGender(c?.gender ?? '');
    setIdNumber('');
    setFacts(factsDraftOf(storedFacts(next)));
    setDone(null);
    setConfirming(false);
  };
  const finish = (message: string) => {
    setDone(message);
    setReason('');
    setIdNumber('');
    setId('');
    setConfirming(false);
    onChanged();
  };
  const correct = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const change = {
      ...(name.trim() !== chosen.name ? { name } : {}),
      ...(gender && gender !== chosen.gender ? { gender } : {}),
      ...(idNumber.trim() !== '' ? { idNumber: idNumber.trim() } : {}),
      ...factsChange(storedFacts(chosen.id), facts),
    };
    if (Object.keys(change).length === 0) {
      action.setError(new Error(t('setup.correct.nothing')));
      return;
    }
    if (await action.run(() => api.call('updateCandidate', { id: chosen.id, reason, ...change }))) {
      finish(t('setup.correct.done', { name: name.trim() }));
    }
  };
  const askRemove = () => {
    if (!chosen) return;
    if (!reason.trim()) {
      action.setError(new Error(t('setup.correct.reasonFirst')));
      return;
    }
    action.setError(null);
    setConfirming(true);
  };
  const remove = async () => {
    if (!chosen) return;
    if (await action.run(() => api.call('removeCandidate', { id: chosen.id, reason }))) finish(t('setup.correct.removed', { name: chosen.name }));
    else setConfirming(false);
  };
  if (candidates.length === 0) return null;
  return (
    <form className="ui-card ui-form" onSubmit={correct} data-testid="correct-candidate">
      <h3>{t('setup.correct.title')}</h3>
      <p className="ui-muted">{t('setup.correct.explain')}</p>
      <div className="ui-grid">
        <Field label={t('setup.correct.who')}>
          <select value={id} onChange={(e) => choose(e.target.value)} required>
            <option value="">—</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.officeTitle}：{c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('setup.candidate.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} disabled={!chosen} required />
        </Field>
        <GenderField value={gender} onChange={setGender} disabled={!chosen} />
        <Field label={t('candfields.fix.idNumber')}>
          <input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} disabled={!chosen} maxLength={18} autoComplete="off" data-testid="correct-id-number" />
        </Field>
        <CandidateFactFields value={facts} onChange={setFacts} testPrefix="correct" disabled={!chosen} correcting />
        <Field label={t('setup.correct.reason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} disabled={!chosen} required />
        </Field>
      </div>
      <ErrorNote error={action.error} />
      {done && <OkNote>{done}</OkNote>}
      {confirming && chosen ? (
        <ConfirmRemoval question={t('edits.confirmCandidate', { name: chosen.name })} busy={action.busy} onYes={() => void remove()} onCancel={() => setConfirming(false)} />
      ) : (
        <div className="ui-row">
          <button type="submit" disabled={!chosen || action.busy}>
            {t('setup.correct.save')}
          </button>
          <button type="button" disabled={!chosen || action.busy} onClick={askRemove}>
            {t('setup.correct.remove')}
          </button>
        </div>
      )}
    </form>
  );
}
