import { useState, type FormEvent } from 'react';
import type { ElectionOverview } from '../../../shared/api/setup';
import { REMOVAL_REASONS, type RemovalReason } from '../../../shared/domain/roll-life';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL, type ApprovalDraft } from '../../widgets/CommitteeApproval';
import { usePlaceName, type ListedVoter } from '../../widgets/VoterSearch';
import { usePeople } from '../people';
import { correctionOf, EMPTY_DRAFT, VoterFieldsInputs, type VoterDraft } from './VoterFieldsInputs';

/**
 * Additions, removals and corrections of the roll until round 1 opens: each a committee decision (a member's PIN),
 * audited by the backend with the values before and after. Removal and correction act on the voter chosen above.
 */

/** The member approving and, where asked, the reason: the part every roll decision shares. */
function DecisionFields({ approval, onApproval, reason, onReason, testId }: {
  approval: ApprovalDraft;
  onApproval(d: ApprovalDraft): void;
  reason?: string;
  onReason?(r: string): void;
  testId: string;
}) {
  const t = useT();
  const { people } = usePeople();
  return (
    <>
      {onReason && (
        <Field label={t('roll.f.reason')}>
          <input value={reason} onChange={(e) => onReason(e.target.value)} required maxLength={500} data-testid={`${testId}-reason`} />
        </Field>
      )}
      <CommitteeApprovalFields people={people} value={approval} onChange={onApproval} label={t('roll.f.decidedBy')} testId={`${testId}-approval`} />
    </>
  );
}

/**
 * What every roll decision form keeps: the approving member, the reason, the last success and the action. `decide`
 * sends the call with the approval, and on success shows `doneText` of the answer and clears the form.
 */
function useDecisionForm(onChanged: () => void) {
  const [approval, setApproval] = useState(NO_APPROVAL);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const decide = async <T,>(call: (approval: ReturnType<typeof approvalField>) => Promise<T>, doneText: (out: T) => string, reset: () => void) => {
    setDone(null);
    const out = await action.run(() => call(approvalField(approval)));
    if (out) {
      setDone(doneText(out));
      setReason('');
      setApproval(NO_APPROVAL);
      reset();
      onChanged();
    }
  };
  return { approval, setApproval, reason, setReason, done, action, decide };
}

export function AddVoterForm({ overview, onChanged }: { overview: ElectionOverview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall()('addVoter');
  const placeName = usePlaceName();
  const [draft, setDraft] = useState<VoterDraft>(EMPTY_DRAFT);
  const [station, setStation] = useState('');
  const { approval, setApproval, reason, setReason, done, action, decide } = useDecisionForm(onChanged);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const category = draft.category;
    if (!category) return;
    const voter = { ...correctionOf(draft), name: draft.name, idNumber: draft.idNumber, group: draft.group, category, ...(station ? { station } : {}) };
    await decide((a) => api.call('addVoter', { voter, reason, ...a }), (out) => t('roll.add.done', out), () => setDraft(EMPTY_DRAFT));
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="roll-add">
      <div className="ui-grid">
        <VoterFieldsInputs value={draft} onChange={setDraft} required party={overview.election?.body === 'party'} testId="roll-add" />
        <Field label={t('roll.f.station')}>
          <select value={station} onChange={(e) => setStation(e.target.value)} data-testid="roll-add-station">
            {overview.venues.map((v) => (
              <option key={v.id} value={v.kind === 'central' ? '' : v.id}>
                {v.name}
              </option>
            ))}
            {overview.boxes
              .filter((b) => b.kind === 'mobile')
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {placeName({ kind: 'mobile-box', name: b.name })}
                </option>
              ))}
          </select>
        </Field>
        <DecisionFields approval={approval} onApproval={setApproval} reason={reason} onReason={setReason} testId="roll-add" />
      </div>
      <ErrorNote error={action.error} testId="roll-add-error" />
      {done && <OkNote testId="roll-add-done">{done}</OkNote>}
      <button type="submit" disabled={action.busy} {...may} data-testid="roll-add-submit">
        {t('roll.add.submit')}
      </button>
    </form>
  );
}

export function RemoveVoterForm({ voter, onChanged }: { voter: ListedVoter | null; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall()('removeVoter');
  const [why, setWhy] = useState<RemovalReason>('deceased');
  const [note, setNote] = useState('');
  const { approval, setApproval, done, action, decide } = useDecisionForm(onChanged);
  if (!voter) return <p className="ui-muted">{t('roll.chooseVoter')}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const removal = { reason: why, ...(note.trim() ? { note: note.trim() } : {}) };
    await decide((a) => api.call('removeVoter', { certificate: voter.certificate, removal, ...a }), (out) => t('roll.remove.done', out), () => setNote(''));
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="roll-remove">
      <p data-testid="roll-remove-who">{t('roll.remove.who', voter)}</p>
      <div className="ui-grid">
        <Field label={t('roll.remove.reason')}>
          <select value={why} onChange={(e) => setWhy(e.target.value as RemovalReason)} data-testid="roll-remove-reason">
            {REMOVAL_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`roll.reason.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('roll.remove.note')}>
          <input value={note} onChange={(e) => setNote(e.target.value)} required={why === 'other'} maxLength={500} data-testid="roll-remove-note" />
        </Field>
        <DecisionFields approval={approval} onApproval={setApproval} testId="roll-remove" />
      </div>
      <ErrorNote error={action.error} testId="roll-remove-error" />
      {done && <OkNote testId="roll-remove-done">{done}</OkNote>}
      <button type="submit" disabled={action.busy || voter.removed === true} {...may} data-testid="roll-remove-submit">
        {t('roll.remove.submit')}
      </button>
    </form>
  );
}

export function CorrectVoterForm({ voter, party, onChanged }: { voter: ListedVoter | null; party: boolean; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall()('correctVoter');
  const [draft, setDraft] = useState<VoterDraft>(EMPTY_DRAFT);
  const { approval, setApproval, reason, setReason, done, action, decide } = useDecisionForm(onChanged);
  if (!voter) return <p className="ui-muted">{t('roll.chooseVoter')}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const change = correctionOf(draft);
    await decide((a) => api.call('correctVoter', { certificate: voter.certificate, change, reason, ...a }), (out) => t('roll.correct.done', out), () => setDraft(EMPTY_DRAFT));
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="roll-correct">
      <p>{t('roll.correct.who', voter)}</p>
      <div className="ui-grid">
        <VoterFieldsInputs value={draft} onChange={setDraft} required={false} party={party} testId="roll-correct" />
        <DecisionFields approval={approval} onApproval={setApproval} reason={reason} onReason={setReason} testId="roll-correct" />
      </div>
      <ErrorNote error={action.error} testId="roll-correct-error" />
      {done && <OkNote testId="roll-correct-done">{done}</OkNote>}
      <button type="submit" disabled={action.busy || voter.removed === true} {...may} data-testid="roll-correct-submit">
        {t('roll.correct.submit')}
      </button>
    </form>
  );
}

export { DecisionFields };

/** Undoing the removal of the voter chosen above (撤销除名), a committee decision with its reason, until round 1 opens. */
export function ReinstateVoterForm({ voter, onChanged }: { voter: ListedVoter; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall()('reinstateVoter');
  const { approval, setApproval, reason, setReason, done, action, decide } = useDecisionForm(onChanged);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await decide((a) => api.call('reinstateVoter', { certificate: voter.certificate, reason, ...a }), (out) => t('edits.reinstate.done', out), () => undefined);
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="roll-reinstate">
      <h4>{t('edits.reinstate.title')}</h4>
      <p className="ui-muted">{t('edits.reinstate.explain')}</p>
      <p>{t('edits.reinstate.whoLine', voter)}</p>
      <div className="ui-grid">
        <DecisionFields approval={approval} onApproval={setApproval} reason={reason} onReason={setReason} testId="roll-reinstate" />
      </div>
      <ErrorNote error={action.error} testId="roll-reinstate-error" />
      {done && <OkNote testId="roll-reinstate-done">{done}</OkNote>}
      <button type="submit" disabled={action.busy} {...may} data-testid="roll-reinstate-submit">
        {t('edits.reinstate.submit')}
      </button>
    </form>
  );
}
