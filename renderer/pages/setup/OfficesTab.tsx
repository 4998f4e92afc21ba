import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import type { Overview } from './overview';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import { Warnings } from './Warnings';
import { CorrectCandidate } from './CorrectCandidate';
import { CandidateFactFields, GenderField, candidateFactsInput, candidateFactsText, NO_FACTS, type CandidateFactsDraft } from './CandidateFacts';
import { PersonKeySalt } from './PersonKeySalt';
import { LaterRoundCandidates } from './LaterRoundCandidates';

/** Offices with their candidates in surname stroke order (as the backend returns them), margin warnings, and adding both. */
export function OfficesTab({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const t = useT();
  const facts = new Map(overview.candidateFacts.map((f) => [f.id, f]));
  return (
    <div data-testid="setup-offices">
      <Warnings warnings={overview.warnings} />
      <section className="ui-card">
        <h2>{t('setup.offices.title')}</h2>
        <p className="ui-muted">{t('setup.offices.strokeOrder')}</p>
        {overview.offices.map((o) => (
          <div key={o.id} className="setup-office" data-office={o.id}>
            <h3>
              {o.title}{' '}
              <small>
                {t('setup.offices.seats', { seats: o.seats })}
                {o.womenOnly ? ` · ${t('setup.office.womenOnly')}` : ''}
                {` · ${t('setup.offices.candidates', { n: o.candidates.length })}`}
              </small>
            </h3>
            <ol className="setup-candidates" data-testid={`candidates-${o.id}`}>
              {o.candidates.map((c) => (
                <li key={c.id}>
                  {c.name}
                  {c.gender && <span className="ui-muted"> （{t(`setup.gender.${c.gender}`)}）</span>}
                  {candidateFactsText(facts.get(c.id), t) && <span className="ui-muted setup-candidate-facts"> {candidateFactsText(facts.get(c.id), t)}</span>}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
      <AddCandidate overview={overview} onChanged={onChanged} />
      <PersonKeySalt overview={overview} onChanged={onChanged} />
      <CorrectCandidate overview={overview} onChanged={onChanged} />
      <LaterRoundCandidates overview={overview} />
      <AddOffice overview={overview} onChanged={onChanged} />
    </div>
  );
}

function AddCandidate({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [name, setName] = useState('');
  const [gender, setGender] = useState<'' | 'female' | 'male'>('');
  const [office, setOffice] = useState(overview.offices[0]?.id ?? '');
  const [idNumber, setIdNumber] = useState('');
  const [facts, setFacts] = useState<CandidateFactsDraft>(NO_FACTS);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const ok = await action.run(() =>
      api.call('addCandidate', { name, office, ...(gender ? { gender } : {}), ...(idNumber ? { idNumber } : {}), ...candidateFactsInput(facts) }),
    );
    if (ok) {
      setDone(t('setup.candidate.added', { name }));
      setName('');
      setIdNumber('');
      setFacts(NO_FACTS);
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="add-candidate">
      <h3>{t('setup.candidate.add')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.candidate.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="candidate-name" />
        </Field>
        <GenderField value={gender} onChange={setGender} testId="candidate-gender" />
        <Field label={t('setup.candidate.office')}>
          <select value={office} onChange={(e) => setOffice(e.target.value)} data-testid="candidate-office">
            {overview.offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('setup.idNumberOptional')}>
          <input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} inputMode="numeric" />
        </Field>
        <CandidateFactFields value={facts} onChange={setFacts} />
      </div>
      <ErrorNote error={action.error} />
      {done && <OkNote>{done}</OkNote>}
      <button type="submit" className="ui-primary" disabled={action.busy} data-testid="candidate-submit">
        {t('setup.candidate.add')}
      </button>
    </form>
  );
}

function AddOffice({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [seats, setSeats] = useState(1);
  const [womenOnly, setWomenOnly] = useState(false);
  const action = useAction();
  const nextRank = overview.offices.reduce((n, o) => Math.max(n, o.rank), 0) + 1;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => api.call('addOffice', { id, title, rank: nextRank, seats, womenOnly }));
    if (ok) {
      setId('');
      setTitle('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="add-office">
      <h3>{t('setup.office.add')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.office.title')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </Field>
        <Field label={t('setup.office.id')} hint={t('setup.codeHint')}>
          <input value={id} onChange={(e) => setId(e.target.value)} required />
        </Field>
        <Field label={t('setup.office.seats')}>
          <input type="number" min={1} value={seats} onChange={(e) => setSeats(Number(e.target.value))} className="ui-input-short" />
        </Field>
      </div>
      <label className="ui-check">
        <input type="checkbox" checked={womenOnly} onChange={(e) => setWomenOnly(e.target.checked)} />
        {t('setup.office.womenOnly')}
      </label>
      <ErrorNote error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('setup.office.add')}
      </button>
    </form>
  );
}
