import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { OutputOf } from '../../../shared/api/envelope';
import type { Contract } from '../../../shared/api/contract';
import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { printPage } from '../../api/shell';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import { approvalField, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import type { ListedVoter } from '../../widgets/VoterSearch';
import { DecisionFields } from './RollChangeForms';

export type RollStatusView = OutputOf<Contract, 'rollStatus'>;

/** The warnings the committee sees on the roll: the 30% check, the publication date, missing proofs, open objections. */
export function RollWarnings({ status }: { status: RollStatusView }) {
  const t = useT();
  const when = useWhen();
  const s = status.share;
  const share = !s.applies
    ? { cls: 'ui-muted', text: t('roll.share.notApplies') }
    : s.eligible === null
      ? { cls: 'ui-text-warn', text: t('roll.share.noEligible') }
      : { cls: s.ok ? 'ui-text-good' : 'ui-text-bad', text: t(s.ok ? 'roll.share.ok' : 'roll.share.low', { registered: s.registered, eligible: s.eligible, percent: s.percent ?? 0 }) };
  const p = status.publication;
  return (
    <div className="voters-warnings" data-testid="roll-warnings">
      <p>{t('roll.counts', status)}</p>
      <p className={share.cls} data-testid="roll-share">{share.text}</p>
      {p === null ? (
        <p className="ui-text-warn" data-testid="roll-publication">{t('roll.pub.none', { latest: when.date(status.latestPublication) })}</p>
      ) : (
        <p data-testid="roll-publication">
          {t('roll.pub.done', { date: when.date(p.publishedOn), until: when.date(p.filingUntil) })}
          {p.late && <span className="ui-text-bad"> {t('roll.pub.late', { latest: when.date(p.latest) })}</span>}
        </p>
      )}
      {status.incomersWithoutProof > 0 && <p className="ui-text-warn">{t('roll.proofMissing', { n: status.incomersWithoutProof })}</p>}
      {status.objections.open > 0 && (
        <p className={status.objections.overdue > 0 ? 'ui-text-bad' : 'ui-text-warn'}>{t('roll.objectionsOpen', status.objections)}</p>
      )}
      {!status.open && <p className="ui-text-warn">{t('roll.locked')}</p>}
    </div>
  );
}

/** The committee enters the eligible count and marks the roll published; the roll prints per group for posting. */
export function RollChecks({ status, title, onChanged }: { status: RollStatusView; title: string; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const when = useWhen();
  const mayCall = useMayCall();
  const [eligible, setEligible] = useState(status.share.applies && status.share.eligible !== null ? String(status.share.eligible) : '');
  const [publishedOn, setPublishedOn] = useState(status.publication?.publishedOn ?? status.today);
  const [approval, setApproval] = useState(NO_APPROVAL);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const saveEligible = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const out = await action.run(() => api.call('setEligibleCount', { eligible: Number(eligible), ...approvalField(approval) }));
    if (out) {
      setDone(t('roll.eligibleSaved', { n: out.eligible }));
      onChanged();
    }
  };
  const publish = async () => {
    setDone(null);
    const out = await action.run(() => api.call('publishRoll', { publishedOn, ...approvalField(approval) }));
    if (out) {
      setDone(t('roll.pub.saved', { date: when.date(out.publishedOn) }));
      onChanged();
    }
  };
  return (
    <div className="ui-stack">
      <form className="ui-form" onSubmit={saveEligible} data-testid="roll-checks">
        <div className="ui-grid">
          {status.share.applies && (
            <Field label={t('roll.eligible')}>
              <input type="number" min={1} value={eligible} onChange={(e) => setEligible(e.target.value)} data-testid="roll-eligible" />
            </Field>
          )}
          <Field label={t('roll.pub.date')}>
            <input type="date" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} data-testid="roll-published-on" />
          </Field>
          <DecisionFields approval={approval} onApproval={setApproval} testId="roll-checks" />
        </div>
        <ErrorNote error={action.error} testId="roll-checks-error" />
        {done && <OkNote testId="roll-checks-done">{done}</OkNote>}
        <div className="ui-actions">
          {status.share.applies && (
            <button type="submit" disabled={action.busy || eligible === ''} {...mayCall('setEligibleCount')} data-testid="roll-eligible-save">
              {t('roll.eligibleSave')}
            </button>
          )}
          <button type="button" onClick={() => void publish()} disabled={action.busy || publishedOn === ''} {...mayCall('publishRoll')} data-testid="roll-publish">
            {t('roll.pub.mark')}
          </button>
        </div>
      </form>
      <PublicationPrint status={status} title={title} />
    </div>
  );
}

const PRINT_PAGE = 1000;

/** The roll as posted: A4 lists per residents' group with the publication date and the objection deadline. */
function PublicationPrint({ status, title }: { status: RollStatusView; title: string }) {
  const api = useApi();
  const t = useT();
  const when = useWhen();
  const [group, setGroup] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const [lists, setLists] = useState<{ group: string; voters: ListedVoter[] }[] | null>(null);
  const action = useAction();
  const loadGroups = () => void action.run(async () => setGroups((await api.call('rollGroups', {})).map((g) => g.group)));
  const print = () =>
    action.run(async () => {
      const wanted = group ? [group] : (await api.call('rollGroups', {})).map((g) => g.group);
      const out: { group: string; voters: ListedVoter[] }[] = [];
      for (const g of wanted) {
        const all: ListedVoter[] = [];
        for (let total = Infinity; all.length < total; ) {
          const page = await api.call('listVoters', { group: g, offset: all.length, limit: PRINT_PAGE });
          total = page.total;
          all.push(...page.voters);
          if (page.voters.length === 0) break;
        }
        out.push({ group: g, voters: all.filter((v) => !v.removed) });
      }
      flushSync(() => setLists(out));
      await printPage();
    });
  const p = status.publication;
  const footer = p ? t('roll.pub.footer', { date: when.date(p.publishedOn), until: when.date(p.filingUntil) }) : t('roll.pub.notYet');
  return (
    <div className="ui-actions">
      <Field label={t('roll.pub.group')}>
        <select value={group} onFocus={groups.length === 0 ? loadGroups : undefined} onChange={(e) => setGroup(e.target.value)} data-testid="roll-pub-group">
          <option value="">{t('roll.pub.allGroups')}</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </Field>
      <button type="button" onClick={() => void print()} disabled={action.busy} data-testid="roll-pub-print">
        {t('roll.pub.print')}
      </button>
      <ErrorNote error={action.error} />
      {lists && (
        <div className="ui-print-only" data-testid="roll-pub-lists">
          {lists.map((l) => (
            <section key={l.group} className="voters-print voters-pub" data-testid="roll-pub-list">
              <h2>{t('roll.pub.heading', { title, group: l.group })}</h2>
              <p>{footer}</p>
              <table className="ui-table">
                <thead>
                  <tr>
                    <th>{t('voters.col.no')}</th>
                    <th>{t('vsearch.col.name')}</th>
                    <th>{t('roll.col.gender')}</th>
                    <th>{t('vsearch.col.certificate')}</th>
                    {l.voters.some((v) => v.household !== undefined) && <th>{t('roll.col.household')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {l.voters.map((v, i) => (
                    <tr key={v.certificate}>
                      <td>{i + 1}</td>
                      <td>{v.name}</td>
                      <td>{v.gender === 'male' ? t('roll.gender.male') : t('roll.gender.female')}</td>
                      <td>{v.certificate}</td>
                      {l.voters.some((x) => x.household !== undefined) && <td>{v.household ?? ''}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>{t('roll.pub.count', { n: l.voters.length })}</p>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
