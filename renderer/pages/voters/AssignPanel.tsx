import { useState, type FormEvent } from 'react';
import type { AssignmentView } from '../../../shared/api/issuance';
import type { ElectionOverview } from '../../../shared/api/setup';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, OkNote, useAction, useLoad } from '../../ui';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import { usePlaceName, type ListedVoter } from '../../widgets/VoterSearch';
import { usePeople } from '../people';

/**
 * Where voters vote, before round 1 opens: a whole residents' group to a venue in one step, or the voter chosen in
 * the search moved by a committee decision (a member's PIN and a reason). Both are audited by the backend.
 */
export function AssignPanel({
  overview,
  voter,
  reloadKey,
  onChanged,
}: {
  overview: ElectionOverview;
  voter: ListedVoter | null;
  reloadKey: number;
  /** After a change; a voter moved one by one comes with their new place. */
  onChanged(moved?: AssignmentView): void;
}) {
  const t = useT();
  const round1 = overview.rounds.find((r) => r.number === 1);
  const closed = round1 !== undefined && round1.status !== 'prepared';
  return (
    <section className="ui-card ui-no-print" data-testid="assign-panel">
      <h3>{t('voters.assignTitle')}</h3>
      {closed ? (
        <p className="ui-text-warn" data-testid="assign-closed">
          {t('voters.assignClosed')}
        </p>
      ) : (
        <div className="voters-assign">
          <AssignGroup overview={overview} reloadKey={reloadKey} onChanged={onChanged} />
          <MoveVoter overview={overview} voter={voter} onChanged={onChanged} />
        </div>
      )}
    </section>
  );
}

function AssignGroup({ overview, reloadKey, onChanged }: { overview: ElectionOverview; reloadKey: number; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall()('assignGroup');
  const placeName = usePlaceName();
  const groups = useLoad(() => api.call('rollGroups', {}), [api, reloadKey]);
  const [group, setGroup] = useState('');
  const [venue, setVenue] = useState(overview.venues[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const out = await action.run(() => api.call('assignGroup', { group, venue }));
    if (out) {
      const name = overview.venues.find((v) => v.id === venue)?.name ?? venue;
      setDone(t('voters.groupDone', { group, n: out.moved, venue: name }));
      onChanged();
    }
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="assign-group">
      <h4>{t('voters.byGroup')}</h4>
      <Field label={t('vsearch.group')}>
        <select value={group} onChange={(e) => setGroup(e.target.value)} required data-testid="assign-group-group">
          <option value="">{t('setup.choose')}</option>
          {groups.data?.map((g) => (
            <option key={g.group} value={g.group}>
              {t('voters.groupOption', { group: g.group, n: g.voters, where: g.assignments.map(placeName).join('、') })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('voters.toVenue')}>
        <select value={venue} onChange={(e) => setVenue(e.target.value)} data-testid="assign-group-venue">
          {overview.venues.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </Field>
      <ErrorNote error={action.error ?? groups.error} testId="assign-group-error" />
      {done && <OkNote testId="assign-group-done">{done}</OkNote>}
      <button type="submit" disabled={action.busy} {...may} data-testid="assign-group-submit">
        {t('voters.assignGroup')}
      </button>
    </form>
  );
}

function MoveVoter({ overview, voter, onChanged }: { overview: ElectionOverview; voter: ListedVoter | null; onChanged(moved: AssignmentView): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall()('reassignVoter');
  const placeName = usePlaceName();
  const { people } = usePeople();
  const mobiles = overview.boxes.filter((b) => b.kind === 'mobile');
  const [to, setTo] = useState(overview.venues[0] ? `venue:${overview.venues[0].id}` : '');
  const [by, setBy] = useState(NO_APPROVAL);
  const [reason, setReason] = useState('');
  const [wholeHousehold, setWholeHousehold] = useState(true);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  // A household election keeps a household at one place (the backend refuses a split): offer to move it whole.
  const household = overview.election?.method === 'household' ? (voter?.household ?? null) : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!voter) return;
    setDone(null);
    const target = to.startsWith('box:') ? { mobileBox: to.slice(4) } : { venue: to.slice(6) };
    const whole = household !== null && wholeHousehold;
    const out = await action.run(() =>
      api.call('reassignVoter', { certificate: voter.certificate, to: target, ...approvalField(by), reason, ...(whole ? { wholeHousehold: true } : {}) }),
    );
    if (out) {
      setDone(
        whole && household !== null
          ? t('voters.movedHousehold', { name: voter.name, household, n: out.moved ?? 1, to: placeName(out.to) })
          : t('voters.moved', { name: voter.name, from: placeName(out.from), to: placeName(out.to) }),
      );
      setBy(NO_APPROVAL);
      setReason('');
      onChanged(out.to);
    }
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="move-voter">
      <h4>{t('voters.oneVoter')}</h4>
      {voter ? (
        <p data-testid="move-voter-who">
          {t('voters.moving', { name: voter.name, certificate: voter.certificate, place: placeName(voter.assignment) })}
        </p>
      ) : (
        <p className="ui-muted">{t('voters.chooseFirst')}</p>
      )}
      <div className="ui-grid">
        <Field label={t('voters.moveTo')}>
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="move-voter-to">
            {overview.venues.map((v) => (
              <option key={v.id} value={`venue:${v.id}`}>
                {v.name}
              </option>
            ))}
            {mobiles.map((b) => (
              <option key={b.id} value={`box:${b.id}`}>
                {placeName({ kind: 'mobile-box', name: b.name })}
              </option>
            ))}
          </select>
        </Field>
        <CommitteeApprovalFields people={people} value={by} onChange={setBy} label={t('voters.decidedBy')} testId="move-approval" />
        <Field label={t('voters.reason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} data-testid="move-voter-reason" />
        </Field>
      </div>
      {household !== null && (
        <label className="ui-check">
          <input type="checkbox" checked={wholeHousehold} onChange={(e) => setWholeHousehold(e.target.checked)} data-testid="move-voter-household" />
          {t('voters.wholeHousehold', { household })}
        </label>
      )}
      <ErrorNote error={action.error} testId="move-voter-error" />
      {done && <OkNote testId="move-voter-done">{done}</OkNote>}
      <button type="submit" disabled={action.busy || !voter} {...may} data-testid="move-voter-submit">
        {t('voters.move')}
      </button>
    </form>
  );
}
