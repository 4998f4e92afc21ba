import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorNote, useAction } from '../../ui';
import { usePeople } from '../people';
import { approvalOf, CommitteeApprovalFields, NO_APPROVAL, type ApprovalDraft } from '../../widgets/CommitteeApproval';
import { useMayCall } from '../../app/session/may-call';

/**
 * Reopening a round's count: kept apart at the bottom, in red, and confirmed in a dialog, because it revokes every
 * signature. A committee member approves with their PIN (two for a sealed round) and the reason is recorded.
 */
export function ReopenRound({
  round,
  signedCount,
  status,
  onReopened,
}: {
  round: number;
  signedCount: number;
  status: string;
  onReopened(revoked: number): void | Promise<void>;
}) {
  const may = useMayCall();
  const t = useT();
  const api = useApi();
  const { people } = usePeople();
  const [reason, setReason] = useState('');
  const [first, setFirst] = useState<ApprovalDraft>(NO_APPROVAL);
  const [second, setSecond] = useState<ApprovalDraft>(NO_APPROVAL);
  const sealed = status === 'sealed';
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (confirming && !d.open) d.showModal();
    if (!confirming && d.open) d.close();
  }, [confirming]);
  if (status !== 'counted' && status !== 'signed' && !sealed) return null;
  // Nothing is frozen before the first signature: a wrong ballot is corrected on the Counting screen directly.
  if (signedCount === 0 && status === 'counted') {
    return (
      <p className="ui-muted ui-no-print" data-testid="reopen-not-needed">
        {t('signoff.reopen.notNeeded')} <a href={hrefFor('counting')}>{t('signoff.reopen.toCounting')}</a>
      </p>
    );
  }
  const approvals = [first, ...(sealed ? [second] : [])].map(approvalOf);
  const ask = () => {
    if (first.person === null) return action.setError(t('signoff.reopen.whoFirst'));
    if (approvals.some((a) => a === undefined)) return action.setError(t('counting.approval.pinFirst'));
    if (reason.trim() === '') return action.setError(t('signoff.reopen.reasonFirst'));
    action.setError(null);
    setConfirming(true);
  };
  const reopen = async () => {
    setConfirming(false);
    const given = approvals.filter((a) => a !== undefined);
    const r = await action.run(() => api.call('reopenCount', { round, reason: reason.trim(), approvals: given }));
    setFirst((a) => ({ ...a, pin: '' }));
    setSecond((a) => ({ ...a, pin: '' }));
    if (r) {
      setReason('');
      await onReopened(r.revoked.length);
    }
  };
  return (
    <section className="ui-card signoff-danger-zone ui-no-print" data-testid="reopen">
      <h3>{t('signoff.reopen.title')}</h3>
      <p>{t('signoff.reopen.explain', { n: signedCount })}</p>
      <div className="ui-row">
        <CommitteeApprovalFields people={people} value={first} onChange={setFirst} label={t('signoff.reopen.by')} testId="reopen-by" />
        {sealed && (
          <CommitteeApprovalFields
            people={people}
            value={second}
            onChange={setSecond}
            label={t('signoff.reopen.second')}
            testId="reopen-second"
            exclude={first.person === null ? [] : [first.person]}
          />
        )}
        <label className="ui-field ui-grow">
          <span>{t('signoff.reopen.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reopen-reason" />
        </label>
        <button type="button" className="danger" onClick={ask} disabled={action.busy} {...may('reopenCount')} data-testid="reopen-ask">
          {t('signoff.reopen.button')}
        </button>
      </div>
      <ErrorNote error={action.error} testId="reopen-error" />
      <dialog ref={dialog} className="signoff-confirm" onClose={() => setConfirming(false)} data-testid="reopen-confirm">
        <h3>{t('signoff.reopen.confirmTitle')}</h3>
        <p>{t('signoff.reopen.confirmText', { n: signedCount, reason: reason.trim() })}</p>
        <div className="ui-row">
          <button type="button" onClick={() => setConfirming(false)} autoFocus data-testid="reopen-cancel">
            {t('b.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => void reopen()} data-testid="reopen-yes">
            {t('signoff.reopen.yes')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
