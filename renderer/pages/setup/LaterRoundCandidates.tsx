import { useState, type FormEvent } from 'react';
import type { RoundCandidateView } from '../../../shared/api/round-candidates';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, OkNote, useAction, useLoad } from '../../ui';
import { CandidateFactFields, GenderField, candidateFactsText, factsChange, factsDraftOf, type CandidateFactsDraft } from './CandidateFacts';
import type { Overview } from './overview';

/**
 * Persons who first stand in a later round that has not opened (a write-in person on a supplementary ballot): their
 * gender, ID number (kept only as its person key) and record facts, entered or corrected for that round's record.
 */
export function LaterRoundCandidates({ overview }: { overview: Overview }) {
  const t = useT();
  const api = useApi();
  const prepared = overview.rounds.filter((r) => r.number > 1 && r.status === 'prepared');
  const numbers = prepared.map((r) => r.number).join(',');
  const loaded = useLoad(
    () => Promise.all(prepared.map(async (r) => ({ round: r, candidates: (await api.call('roundCandidates', { round: r.number })).filter((c) => !c.setUp) }))),
    [api, numbers],
  );
  const rounds = (loaded.data ?? []).filter((r) => r.candidates.length > 0);
  if (prepared.length === 0 || (rounds.length === 0 && loaded.error === null)) return null;
  return (
    <section className="ui-card" data-testid="later-round-candidates">
      <h3>{t('candfields.later.title')}</h3>
      <p className="ui-muted">{t('candfields.later.explain')}</p>
      <ErrorNote error={loaded.error} />
      {rounds.map(({ round, candidates }) => (
        <div key={round.number} className="ui-stack">
          <h4>{t('candfields.later.round', { n: round.number, kind: t(`b.roundKind.${round.kind}`) })}</h4>
          {candidates.map((c) => (
            <LaterCandidateForm key={c.id} round={round.number} candidate={c} onSaved={loaded.reload} />
          ))}
        </div>
      ))}
    </section>
  );
}

function LaterCandidateForm({ round, candidate, onSaved }: { round: number; candidate: RoundCandidateView; onSaved(): void }) {
  const t = useT();
  const api = useApi();
  const may = useMayCall()('updateRoundCandidate');
  const [gender, setGender] = useState<'' | 'female' | 'male'>(candidate.gender ?? '');
  const [idNumber, setIdNumber] = useState('');
  const [facts, setFacts] = useState<CandidateFactsDraft>(factsDraftOf(candidate));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const known = candidateFactsText(candidate, t);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const change = {
      ...(gender !== '' && gender !== candidate.gender ? { gender } : {}),
      ...(idNumber.trim() !== '' ? { idNumber: idNumber.trim() } : {}),
      ...factsChange(candidate, facts),
    };
    if (Object.keys(change).length === 0) {
      action.setError(new Error(t('setup.correct.nothing')));
      return;
    }
    const out = await action.run(() => api.call('updateRoundCandidate', { round, id: candidate.id, ...change, ...(reason.trim() !== '' ? { reason } : {}) }));
    if (out) {
      setDone(t('candfields.later.saved', { name: out.name }));
      setIdNumber('');
      setReason('');
      onSaved();
    }
  };
  const testPrefix = `later-${candidate.id}`;
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid={`later-candidate-${candidate.id}`}>
      <p>
        <strong>{candidate.name}</strong> · {candidate.title}
        {known && <span className="ui-muted"> · {known}</span>}
        {candidate.personKey && <span className="ui-muted"> · {t('candfields.later.keyHeld')}</span>}
      </p>
      <div className="ui-grid">
        <GenderField value={gender} onChange={setGender} testId={`${testPrefix}-gender`} />
        <Field label={t('candfields.later.idNumber')}>
          <input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} maxLength={18} autoComplete="off" data-testid={`${testPrefix}-id-number`} />
        </Field>
        <CandidateFactFields value={facts} onChange={setFacts} testPrefix={testPrefix} correcting />
        <Field label={t('candfields.later.reason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid={`${testPrefix}-reason`} />
        </Field>
      </div>
      <ErrorNote error={action.error} />
      <OkNote>{done}</OkNote>
      <button type="submit" disabled={action.busy} {...may}>
        {t('candfields.later.save', { name: candidate.name })}
      </button>
    </form>
  );
}
