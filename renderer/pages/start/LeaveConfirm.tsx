import { useState, type FormEvent } from 'react';
import { useT } from '../../app/i18n';
import { CommitteeApprovalFields, NO_APPROVAL, approvalOf, type ApprovalDraft } from '../../widgets/CommitteeApproval';
import { usePeople } from '../people';
import type { LeaveConfirmation, OpenRound } from './switch-file';

/**
 * The open file still has voting or counting under way: the rounds are named, and a committee member confirms the
 * switch with their PIN (the backend checks it and records the switch in both files).
 */
export function LeaveConfirm({ open, target, busy, onConfirm }: { open: OpenRound[]; target: string; busy: boolean; onConfirm(l: LeaveConfirmation): void }) {
  const t = useT();
  const { people } = usePeople();
  const [approval, setApproval] = useState<ApprovalDraft>(NO_APPROVAL);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = approvalOf(approval);
    if (a) onConfirm({ approval: a, rounds: open.map((o) => o.round) });
    setApproval((d) => ({ ...d, pin: '' }));
  };
  return (
    <form className="ui-stack start-leave" onSubmit={submit} aria-label={t('files.leaveTitle')}>
      <strong>{t('files.leaveTitle')}</strong>
      <ul>
        {open.map((o) => (
          <li key={o.round}>{t(o.status === 'voting' ? 'files.leaveVoting' : 'files.leaveCounting', { round: o.round })}</li>
        ))}
      </ul>
      <p>{t('files.leaveHint', { name: target })}</p>
      <div className="ui-row">
        <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('files.leaveBy')} testId="leave-approver" />
        <button type="submit" className="danger" disabled={busy || approvalOf(approval) === undefined}>
          {t('files.leaveConfirm')}
        </button>
      </div>
    </form>
  );
}
