import { useState, type FormEvent } from 'react';
import type { NominationOverview } from '../../../shared/api/nomination';
import type { ElectionOverview } from '../../../shared/api/setup';
import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import { usePeople } from '../people';
import { PrintBar } from '../signoff/PrintBar';

/** The formal candidates of each office with a nomination vote, in surname stroke order (the overview's order). */
function formalOffices(n: NominationOverview) {
  return n.offices
    .filter((o) => o.outcome !== null)
    .map((o) => ({ ...o, formal: o.nominations.filter((x) => o.outcome!.formal.includes(x.id)) }));
}

/** The formal list on A4 with its posting date, and the committee's confirmation that makes it the candidates. */
export function FormalList({ overview, nominations, onConfirmed }: { overview: ElectionOverview; nominations: NominationOverview; onConfirmed(): void }) {
  const t = useT();
  const when = useWhen();
  const api = useApi();
  const may = useMayCall()('confirmFormalList');
  const { people } = usePeople();
  const [publishedOn, setPublishedOn] = useState(nominations.formalList.publishedOn ?? nominations.formalList.latest);
  const [approval, setApproval] = useState(NO_APPROVAL);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const offices = formalOffices(nominations);
  const election = overview.election!;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const out = await action.run(() => api.call('confirmFormalList', { publishedOn, ...approvalField(approval) }));
    if (out) {
      setDone(t('nomination.confirmed', { n: out.candidates, offices: out.offices }));
      setApproval(NO_APPROVAL);
      onConfirmed();
    }
  };
  return (
    <section className="ui-stack" data-testid="formal-list">
      <form className="ui-card ui-form ui-no-print" onSubmit={submit} data-testid="formal-list-confirm">
        <h3>{t('nomination.formal')}</h3>
        {nominations.formalList.publishedOn && <p className="ui-muted">{t('nomination.confirmedOn', { date: when.date(nominations.formalList.publishedOn) })}</p>}
        <div className="ui-grid">
          <Field label={t('nomination.publishedOn')} hint={t('nomination.latest', { date: when.date(nominations.formalList.latest) })}>
            <input type="date" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} required data-testid="formal-published-on" />
          </Field>
          <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('nomination.confirmBy')} testId="formal-approval" />
        </div>
        <ErrorNote error={action.error} testId="formal-confirm-error" />
        <OkNote testId="formal-confirm-ok">{done}</OkNote>
        <button type="submit" className="ui-primary" disabled={action.busy} {...may} data-testid="formal-confirm">
          {t('nomination.confirm')}
        </button>
      </form>
      <div className="ui-no-print">
        <PrintBar fileName={`正式候选人名单${election.drill ? '-演练' : ''}.pdf`} title={t('nomination.print.title')} explain={t('nomination.print.explain')} />
      </div>
      <div className="signoff-sheet-frame">
        <article className="signoff-sheet setup-formal-paper" data-testid="formal-paper">
          <h1 className="signoff-sheet-title">{t('nomination.paper.title', { title: election.title })}</h1>
          <p className="setup-formal-order">{t('nomination.paper.order')}</p>
          {offices.length === 0 && <p>{t('nomination.paper.empty')}</p>}
          {offices.map((o) => (
            <section key={o.office} className="setup-formal-office">
              <h2>{t('nomination.paper.office', { title: o.title, seats: o.seats, n: o.formal.length })}</h2>
              <p className="setup-formal-names" data-testid="formal-names">
                {o.formal.map((x) => (
                  <span key={x.id}>{x.name}</span>
                ))}
              </p>
            </section>
          ))}
          <footer className="setup-formal-sign">
            <p>{t('nomination.paper.committee', { community: election.community })}</p>
            <p data-testid="formal-paper-date">{when.date(publishedOn)}</p>
          </footer>
        </article>
      </div>
    </section>
  );
}
