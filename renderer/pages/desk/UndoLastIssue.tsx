import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, Field, useAction } from '../../ui';
import { usePeople } from '../people';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL, type ApprovalDraft } from '../../widgets/CommitteeApproval';
import type { LastIssued } from '../../widgets/CertificateInput';
import { DeskPanel } from './DeskPanel';

/**
 * Undoing this desk's last issue (a wrong voter, a double scan): a committee member chooses themself and types their
 * PIN, a reason is required, and the backend undoes only the desk's last issuance while its box is open. When this
 * computer does not know the last issue (after a reload), the certificate number is typed.
 */
export function UndoLastIssue({
  round,
  desk,
  last,
  onUndone,
  onClose,
}: {
  round: number;
  desk: string;
  last: LastIssued | null;
  onUndone(voter: LastIssued): void;
  onClose(): void;
}) {
  const t = useT();
  const api = useApi();
  const { people } = usePeople();
  const [approval, setApproval] = useState<ApprovalDraft>(NO_APPROVAL);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const action = useAction();
  const certificate = last?.certificate ?? typed.trim();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (certificate === '') return action.setError(t('deskundo.certificateFirst'));
    if (approval.person === null || approval.pin === '') return action.setError(t('deskundo.approvalFirst'));
    if (reason.trim() === '') return action.setError(t('deskundo.reasonFirst'));
    const out = await action.run(() => api.call('undoLastIssue', { round, desk, certificate, reason: reason.trim(), ...approvalField(approval) }));
    setApproval((a) => ({ ...a, pin: '' }));
    if (out) onUndone({ certificate: out.certificate, name: out.voter.name });
  };

  return (
    <DeskPanel title={t('deskundo.title')} hint={t('deskundo.hint')} className="desk-undo" testId="desk-undo-panel" onClose={onClose}>
      <form className="ui-stack" onSubmit={(e) => void submit(e)}>
        {last ? (
          <p className="desk-undo-last" data-testid="desk-undo-last">
            {t('deskundo.last', { name: last.name, number: last.certificate })}
          </p>
        ) : (
          <Field label={t('deskundo.certificate')} hint={t('deskundo.certificateHint')}>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="numeric" maxLength={40} data-testid="desk-undo-certificate" />
          </Field>
        )}
        <div className="ui-row">
          <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('deskundo.by')} testId="desk-undo-approver" />
          <Field label={t('deskundo.reason')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="desk-undo-reason" />
          </Field>
          <button type="submit" className="danger" disabled={action.busy} data-testid="desk-undo-submit">
            {t('deskundo.submit')}
          </button>
        </div>
      </form>
      <ErrorNote error={action.error} testId="desk-undo-error" />
    </DeskPanel>
  );
}
