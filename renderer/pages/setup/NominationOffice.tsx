import { useState, type FormEvent } from 'react';
import type { NominationKind, OfficeNominations } from '../../../shared/api/nomination';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import { usePeople } from '../people';
import { WithdrawNomination } from './WithdrawNomination';

/** Certificate numbers typed one a line or separated by spaces, commas or 、. */
export function certificateList(text: string): string[] {
  return text.split(/[\s,，、;；]+/).filter((s) => s !== '');
}

/** One office: record nominations, choose the preliminary list, enter the nomination vote, decide an edge tie. */
export function NominationOffice({ office, jointNominators, onChanged }: { office: OfficeNominations; jointNominators: number; onChanged(): void }) {
  const t = useT();
  const names = (ids: readonly number[]) => ids.map((id) => office.nominations.find((n) => n.id === id)?.name ?? String(id)).join('、');
  const o = office.outcome;
  return (
    <div className="ui-stack ui-no-print" data-testid="nomination-office" data-office={office.office}>
      <RecordNomination office={office.office} jointNominators={jointNominators} onChanged={onChanged} />
      <PreliminaryList office={office} onChanged={onChanged} />
      <WithdrawNomination office={office} onChanged={onChanged} />
      <NominationVote office={office} onChanged={onChanged} />
      {o && (
        <section className="ui-card" data-testid="nomination-outcome">
          <p>{o.formal.length > 0 ? t('nomination.outcome', { names: names(o.formal) }) : t('nomination.outcomeNone')}</p>
          {o.short > 0 && <p className="ui-text-warn">{t('nomination.short', { n: o.short })}</p>}
          {o.tieSeats > 0 && (
            <p className={o.tieDecided ? 'ui-muted' : 'ui-text-warn'} data-testid="nomination-tie">
              {o.tieDecided ? t('nomination.tieDecided') : t('nomination.tie', { names: names(o.tied), n: o.tieSeats })}
            </p>
          )}
          {o.tieSeats > 0 && !o.tieDecided && <DecideTie office={office} onChanged={onChanged} />}
        </section>
      )}
    </div>
  );
}

function RecordNomination({ office, jointNominators, onChanged }: { office: string; jointNominators: number; onChanged(): void }) {
  const t = useT();
  const api = useApi();
  const may = useMayCall()('recordNomination');
  const [kind, setKind] = useState<NominationKind>('joint');
  const [nominee, setNominee] = useState('');
  const [nominators, setNominators] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const list = kind === 'joint' ? certificateList(nominators) : [];
    const out = await action.run(() => api.call('recordNomination', { office, kind, nominee, nominators: list }));
    if (out) {
      setDone(t('nomination.recorded', { id: out.id }));
      setNominee('');
      setNominators('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="nomination-record">
      <h4>{t('nomination.record')}</h4>
      <div className="ui-grid">
        <Field label={t('nomination.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as NominationKind)} data-testid="nomination-kind">
            <option value="joint">{t('nomination.kind.joint')}</option>
            <option value="application">{t('nomination.kind.application')}</option>
          </select>
        </Field>
        <Field label={t('nomination.nominee')}>
          <input value={nominee} onChange={(e) => setNominee(e.target.value)} required maxLength={40} inputMode="numeric" data-testid="nomination-nominee" />
        </Field>
      </div>
      {kind === 'joint' && (
        <Field label={t('nomination.nominators', { n: jointNominators })}>
          <textarea rows={3} value={nominators} onChange={(e) => setNominators(e.target.value)} required data-testid="nomination-nominators" />
        </Field>
      )}
      <ErrorNote error={action.error} testId="nomination-record-error" />
      <OkNote testId="nomination-record-ok">{done}</OkNote>
      <button type="submit" disabled={action.busy} {...may} data-testid="nomination-record-submit">
        {t('nomination.recordSubmit')}
      </button>
    </form>
  );
}

function PreliminaryList({ office, onChanged }: { office: OfficeNominations; onChanged(): void }) {
  const t = useT();
  const api = useApi();
  const may = useMayCall()('setPreliminaryList');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(() => new Set(office.nominations.filter((n) => n.preliminary).map((n) => n.id)));
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const toggle = (id: number) => setChosen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const save = async () => {
    setDone(null);
    const out = await action.run(() => api.call('setPreliminaryList', { office: office.office, nominations: [...chosen] }));
    if (out) {
      setDone(t('nomination.preliminarySaved', { n: chosen.size }));
      onChanged();
    }
  };
  return (
    <section className="ui-card" data-testid="nomination-list">
      <h4>{t('nomination.list')}</h4>
      {office.nominations.length === 0 ? (
        <p className="ui-muted">{t('nomination.none')}</p>
      ) : (
        <table className="ui-table">
          <thead>
            <tr>
              <th>{t('nomination.col.preliminary')}</th>
              <th>{t('nomination.col.name')}</th>
              <th>{t('nomination.col.certificate')}</th>
              <th>{t('nomination.col.group')}</th>
              <th>{t('nomination.col.kind')}</th>
              <th>{t('nomination.col.nominators')}</th>
              <th>{t('nomination.col.votes')}</th>
            </tr>
          </thead>
          <tbody>
            {office.nominations.map((n) => (
              <tr key={n.id}>
                <td>
                  <input type="checkbox" checked={chosen.has(n.id)} onChange={() => toggle(n.id)} aria-label={`${t('nomination.col.preliminary')} ${n.name}`} disabled={office.vote !== null} />
                </td>
                <td>{n.name}</td>
                <td>
                  <code>{n.certificate}</code>
                </td>
                <td>{n.group}</td>
                <td>{t(`nomination.kind.${n.kind}`)}</td>
                <td>{n.nominators}</td>
                <td>{n.votes ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {office.nominations.length > 0 && office.vote === null && (
        <button type="button" onClick={() => void save()} disabled={action.busy} {...may} data-testid="nomination-preliminary-save">
          {t('nomination.preliminarySave')}
        </button>
      )}
      <ErrorNote error={action.error} testId="nomination-preliminary-error" />
      <OkNote testId="nomination-preliminary-ok">{done}</OkNote>
    </section>
  );
}

function NominationVote({ office, onChanged }: { office: OfficeNominations; onChanged(): void }) {
  const t = useT();
  const api = useApi();
  const may = useMayCall()('recordNominationVote');
  const standing = office.nominations.filter((n) => n.preliminary);
  const [heldOn, setHeldOn] = useState(office.vote?.heldOn ?? '');
  const [present, setPresent] = useState(office.vote ? String(office.vote.present) : '');
  const [ballots, setBallots] = useState(office.vote ? String(office.vote.ballots) : '');
  const [formalCount, setFormalCount] = useState(String(office.vote?.formalCount ?? office.margin.min));
  const [votes, setVotes] = useState<ReadonlyMap<number, string>>(() => new Map(standing.map((n) => [n.id, n.votes === null ? '' : String(n.votes)])));
  const action = useAction();
  if (standing.length === 0) return <p className="ui-muted">{t('nomination.noPreliminary')}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = await action.run(() =>
      api.call('recordNominationVote', {
        office: office.office,
        heldOn,
        present: Number(present),
        ballots: Number(ballots),
        formalCount: Number(formalCount),
        votes: standing.map((n) => ({ nomination: n.id, votes: Number(votes.get(n.id) ?? '') })),
      }),
    );
    if (out) onChanged();
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="nomination-vote">
      <h4>{t('nomination.vote')}</h4>
      <p className="ui-muted">{t('nomination.voteExplain')}</p>
      <div className="ui-grid">
        <Field label={t('nomination.heldOn')}>
          <input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} required data-testid="nomination-held-on" />
        </Field>
        <Field label={t('nomination.present')}>
          <input type="number" min={0} value={present} onChange={(e) => setPresent(e.target.value)} required data-testid="nomination-present" />
        </Field>
        <Field label={t('nomination.ballots')}>
          <input type="number" min={0} value={ballots} onChange={(e) => setBallots(e.target.value)} required data-testid="nomination-ballots" />
        </Field>
        <Field label={t('nomination.formalCount')}>
          <input type="number" min={1} value={formalCount} onChange={(e) => setFormalCount(e.target.value)} required data-testid="nomination-formal-count" />
        </Field>
        {standing.map((n) => (
          <Field key={n.id} label={t('nomination.votesOf', { name: n.name })}>
            <input type="number" min={0} value={votes.get(n.id) ?? ''} onChange={(e) => setVotes((m) => new Map(m).set(n.id, e.target.value))} required />
          </Field>
        ))}
      </div>
      <ErrorNote error={action.error} testId="nomination-vote-error" />
      <button type="submit" disabled={action.busy} {...may} data-testid="nomination-vote-submit">
        {t('nomination.voteSubmit')}
      </button>
    </form>
  );
}

function DecideTie({ office, onChanged }: { office: OfficeNominations; onChanged(): void }) {
  const t = useT();
  const api = useApi();
  const may = useMayCall()('decideNominationTie');
  const { people } = usePeople();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState(NO_APPROVAL);
  const action = useAction();
  const tied = office.nominations.filter((n) => office.outcome?.tied.includes(n.id));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = await action.run(() => api.call('decideNominationTie', { office: office.office, chosen: [...chosen], reason, ...approvalField(approval) }));
    if (out) onChanged();
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="nomination-tie-form">
      <fieldset className="ui-fieldset">
        {tied.map((n) => (
          <label key={n.id}>
            <input
              type="checkbox"
              checked={chosen.has(n.id)}
              onChange={() => setChosen((s) => (s.has(n.id) ? new Set([...s].filter((x) => x !== n.id)) : new Set([...s, n.id])))}
            />{' '}
            {n.name}
          </label>
        ))}
      </fieldset>
      <div className="ui-grid">
        <Field label={t('nomination.tieReason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} data-testid="nomination-tie-reason" />
        </Field>
        <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('nomination.tieBy')} testId="nomination-tie-approval" />
      </div>
      <ErrorNote error={action.error} testId="nomination-tie-error" />
      <button type="submit" disabled={action.busy} {...may} data-testid="nomination-tie-submit">
        {t('nomination.tieSubmit')}
      </button>
    </form>
  );
}
