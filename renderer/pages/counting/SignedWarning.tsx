import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, useAction } from '../../ui';
import type { SignoffView } from '../../../shared/api/results';
import { OFFICIAL_ROLE_NAMES } from '../../../shared/domain/people';
import { approvalOf, CommitteeApprovalFields, NO_APPROVAL, type ApprovalDraft } from '../../widgets/CommitteeApproval';
import type { PersonView } from '../people';

/**
 * Before a ballot of a signed round is corrected: the count must be reopened first, which revokes every signature in
 * force, so the signers are named and the committee member signed in is asked to confirm (Enter) or cancel (Esc)
 * after approving with a PIN and a reason. Anyone else, and any sealed round (two approvals), is sent to the sign-off
 * page where reopening lives.
 */
export function SignedWarning({
  round,
  sealed,
  signed,
  people,
  onReopened,
}: {
  round: number;
  sealed: boolean;
  signed: readonly SignoffView[];
  people: PersonView[];
  onReopened(): void;
}) {
  const { t, lang } = useLang();
  const api = useApi();
  const may = useMayCall();
  const [approval, setApproval] = useState<ApprovalDraft>(NO_APPROVAL);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const names = signed
    .map((s) => t('counting.signed.signer', { name: s.name, role: s.role === 'committee-chair' ? t('counting.signed.chair') : OFFICIAL_ROLE_NAMES[s.role][lang === 'en' ? 'en' : 'zh'] }))
    .join(t('counting.signed.sep'));
  const inline = !sealed && may('reopenCount').title === undefined;

  const ask = () => {
    if (approvalOf(approval) === undefined) return action.setError(t('counting.approval.pinFirst'));
    if (reason.trim() === '') return action.setError(t('signoff.reopen.reasonFirst'));
    action.setError(null);
    setConfirming(true);
  };
  const reopen = async () => {
    setConfirming(false);
    const given = approvalOf(approval);
    const r = await action.run(() => api.call('reopenCount', { round, reason: reason.trim(), approvals: given ? [given] : [] }));
    setApproval((a) => ({ ...a, pin: '' }));
    if (r) onReopened();
  };

  return (
    <section className="counting-signed" data-testid="correction-signed">
      <p className="ui-text-warn" data-testid="correction-signed-names">
        {t('counting.signed.warning', { n: signed.length, names })}
      </p>
      {!inline ? (
        <p>
          {t('counting.signed.elsewhere')} <a href={hrefFor('signoff')}>{t('counting.signed.toSignoff')}</a>
        </p>
      ) : confirming ? (
        <div
          className="counting-signed-confirm"
          role="alertdialog"
          aria-label={t('counting.signed.confirm', { names })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setConfirming(false);
            }
          }}
          data-testid="correction-signed-confirm"
        >
          <p>{t('counting.signed.confirm', { names })}</p>
          <div className="ui-row">
            <button type="button" className="danger" autoFocus onClick={() => void reopen()} data-testid="correction-signed-yes">
              {t('counting.signed.yes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} data-testid="correction-signed-cancel">
              {t('b.cancel')}
            </button>
          </div>
          <p className="ui-muted">{t('desk.confirm.keys')}</p>
        </div>
      ) : (
        <div className="ui-row">
          <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('signoff.reopen.by')} testId="correction-signed-by" />
          <Field label={t('signoff.reopen.reason')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="correction-signed-reason" />
          </Field>
          <button type="button" className="danger" onClick={ask} disabled={action.busy} data-testid="correction-signed-ask">
            {t('counting.signed.ask')}
          </button>
        </div>
      )}
      <ErrorNote error={action.error} testId="correction-signed-error" />
    </section>
  );
}
