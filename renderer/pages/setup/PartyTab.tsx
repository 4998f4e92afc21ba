import { useState, type FormEvent } from 'react';
import type { ExcusalView } from '../../../shared/api/party';
import { EXCUSAL_REASONS, type ExcusalReason } from '../../../shared/domain/party';
import { formatDate } from '../../../shared/domain/when';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, Loading, OkNote, useAction, useLoad } from '../../ui';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import { usePeople } from '../people';

/**
 * The Party members' meeting: the registered count explained (members − probationary − excused), the 4/5 it asks
 * for, and the members excused from it with reason, approvals and a committee member's PIN, until round 1 opens.
 */
export function PartyTab() {
  const api = useApi();
  const { t } = useLang();
  const meeting = useLoad(() => api.call('partyMeeting', {}), [api]);
  const m = meeting.data;
  if (!m) {
    return (
      <div className="ui-stack">
        <ErrorNote error={meeting.error} />
        {meeting.loading && <Loading />}
      </div>
    );
  }
  return (
    <div className="ui-stack" data-testid="setup-party">
      <section className="ui-card">
        <h2>{t('party.title')}</h2>
        {!m.applies ? (
          <p className="ui-muted" data-testid="party-not-applies">{t('party.notApplies')}</p>
        ) : m.members === 0 ? (
          <p className="ui-text-warn">{t('party.noRoll')}</p>
        ) : (
          <>
            <p className="ui-big" data-testid="party-sum">{t('party.sum', m)}</p>
            <p data-testid="party-needed">{t('party.needed', { needed: m.needed })}</p>
          </>
        )}
        <p className="ui-muted">{t('party.probationaryNote')}</p>
        {m.probationaryMembers.length > 0 && (
          <details>
            <summary>{t('party.probationaryList', { n: m.probationaryMembers.length })}</summary>
            <ul className="setup-party-list" data-testid="party-probationary">
              {m.probationaryMembers.map((p) => (
                <li key={p.certificate}>
                  {p.name} <code className="ui-code">{p.certificate}</code> {p.group}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {m.applies && (
        <section className="ui-card">
          <h2>{t('party.excused.title')}</h2>
          <p className="ui-muted">{t('party.excused.explain')}</p>
          <ExcusalTable excusals={m.excusals} open={m.open} onChanged={meeting.reload} />
          {m.open ? <ExcuseForm onChanged={meeting.reload} /> : <p className="ui-text-warn">{t('party.excused.closed')}</p>}
        </section>
      )}
    </div>
  );
}

function ExcusalTable({ excusals, open, onChanged }: { excusals: ExcusalView[]; open: boolean; onChanged(): void }) {
  const { t, lang } = useLang();
  const [undoing, setUndoing] = useState<number | null>(null);
  if (excusals.length === 0) return <p data-testid="party-excused-none">{t('party.excused.none')}</p>;
  return (
    <>
      <table className="ui-table" data-testid="party-excusals">
        <thead>
          <tr>
            <th>{t('party.col.member')}</th>
            <th>{t('party.col.reason')}</th>
            <th>{t('party.col.town')}</th>
            <th>{t('party.col.meeting')}</th>
            <th>{t('party.col.decidedBy')}</th>
            <th>{t('party.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {excusals.map((x) => (
            <tr key={x.id} data-excusal={x.id} data-undone={x.undone !== null}>
              <td>
                {x.name} <code className="ui-code">{x.certificate}</code> {x.group}
              </td>
              <td>
                {t(`party.reason.${x.reason}`)}
                {x.note && <div className="ui-muted">{x.note}</div>}
              </td>
              <td>
                {x.townApprovedBy}
                <div className="ui-muted">{formatDate(x.townApprovedOn, lang)}</div>
              </td>
              <td>{formatDate(x.meetingApprovedOn, lang)}</td>
              <td>{x.decidedBy.join(lang === 'en' ? ', ' : '、')}</td>
              <td>
                {x.undone ? t('party.state.undone', { reason: x.undone.reason }) : t('party.state.inForce')}
                {!x.undone && open && (
                  <button type="button" onClick={() => setUndoing(x.id)} data-testid={`party-undo-${x.id}`}>
                    {t('party.undo')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {undoing !== null && (
        <UndoForm
          id={undoing}
          onDone={() => {
            setUndoing(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function UndoForm({ id, onDone }: { id: number; onDone(): void }) {
  const api = useApi();
  const { t } = useLang();
  const may = useMayCall()('undoExcusal');
  const { people } = usePeople();
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState(NO_APPROVAL);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = await action.run(() => api.call('undoExcusal', { id, reason, ...approvalField(approval) }));
    if (out) onDone();
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="party-undo">
      <div className="ui-grid">
        <Field label={t('party.f.undoReason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} data-testid="party-undo-reason" />
        </Field>
        <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('party.f.decidedBy')} testId="party-undo-approval" />
      </div>
      <ErrorNote error={action.error} testId="party-undo-error" />
      <button type="submit" disabled={action.busy} {...may} data-testid="party-undo-submit">
        {t('party.undo.submit')}
      </button>
    </form>
  );
}

const EMPTY = { certificate: '', reason: 'illness' as ExcusalReason, note: '', townApprovedBy: '', townApprovedOn: '', meetingApprovedOn: '' };

function ExcuseForm({ onChanged }: { onChanged(): void }) {
  const api = useApi();
  const { t } = useLang();
  const may = useMayCall()('excuseMember');
  const { people } = usePeople();
  const [draft, setDraft] = useState(EMPTY);
  const [approval, setApproval] = useState(NO_APPROVAL);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const { note, ...rest } = draft;
    const out = await action.run(() => api.call('excuseMember', { ...rest, ...(note.trim() ? { note } : {}), ...approvalField(approval) }));
    if (out) {
      setDone(t('party.done', out));
      setDraft(EMPTY);
      setApproval(NO_APPROVAL);
      onChanged();
    }
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="party-excuse">
      <div className="ui-grid">
        <Field label={t('party.f.certificate')}>
          <input value={draft.certificate} onChange={set('certificate')} required inputMode="numeric" maxLength={40} size={10} data-testid="party-excuse-certificate" />
        </Field>
        <Field label={t('party.f.reason')}>
          <select value={draft.reason} onChange={set('reason')} data-testid="party-excuse-reason">
            {EXCUSAL_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`party.reason.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('party.f.note')}>
          <input value={draft.note} onChange={set('note')} maxLength={500} data-testid="party-excuse-note" />
        </Field>
        <Field label={t('party.f.townBy')}>
          <input value={draft.townApprovedBy} onChange={set('townApprovedBy')} required maxLength={200} data-testid="party-excuse-town" />
        </Field>
        <Field label={t('party.f.townOn')}>
          <input type="date" value={draft.townApprovedOn} onChange={set('townApprovedOn')} required data-testid="party-excuse-town-on" />
        </Field>
        <Field label={t('party.f.meetingOn')}>
          <input type="date" value={draft.meetingApprovedOn} onChange={set('meetingApprovedOn')} required data-testid="party-excuse-meeting-on" />
        </Field>
        <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('party.f.decidedBy')} testId="party-excuse-approval" />
      </div>
      <ErrorNote error={action.error} testId="party-excuse-error" />
      {done && <OkNote testId="party-excuse-done">{done}</OkNote>}
      <button type="submit" className="ui-primary" disabled={action.busy} {...may} data-testid="party-excuse-submit">
        {t('party.submit')}
      </button>
    </form>
  );
}
