import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { printPage } from '../../api/shell';
import type { Overview } from './overview';
import { ErrorNote, Field, OkNote, useAction, useLoad } from '../../ui';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import type { PersonView } from '../people';

/**
 * The lists published before election day: approved proxies and each mobile box's approved voters (names and
 * groups only), printable; and the committee decisions that fill them.
 */
export function ListsTab({ overview }: { overview: Overview }) {
  const api = useApi();
  const t = useT();
  const proxies = useLoad(() => api.call('listProxies', {}), [api]);
  const mobile = useLoad(() => api.call('mobileLists', {}), [api]);
  const people = useLoad(() => api.call('listPeople', {}), [api]);
  const staff = people.data ?? [];
  const reload = () => {
    proxies.reload();
    mobile.reload();
  };
  const e = overview.election!;

  return (
    <div data-testid="setup-lists">
      <div className="ui-actions ui-no-print">
        <button type="button" className="ui-primary" onClick={() => void printPage()} data-testid="lists-print">
          {t('setup.lists.print')}
        </button>
      </div>
      <div>
        <section className="ui-card setup-publish" data-testid="proxy-list">
          <h2>{t('setup.lists.proxyTitle', { title: e.title })}</h2>
          <ErrorNote error={proxies.error} />
          <table className="ui-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('setup.lists.voter')}</th>
                <th>{t('setup.lists.group')}</th>
                <th>{t('setup.lists.trustee')}</th>
                <th>{t('setup.lists.group')}</th>
              </tr>
            </thead>
            <tbody>
              {proxies.data?.map((p, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{p.voter.name}</td>
                  <td>{p.voter.group}</td>
                  <td>{p.trustee.name}</td>
                  <td>{p.trustee.group}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {proxies.data?.length === 0 && <p className="ui-muted">{t('setup.lists.none')}</p>}
        </section>
        {mobile.data?.map((m) => (
          <section key={m.box} className="ui-card setup-publish" data-testid={`mobile-list-${m.box}`}>
            <h2>{t('setup.lists.mobileTitle', { box: m.name })}</h2>
            <p>{t('setup.lists.mobileStaff', { staff: overview.boxes.find((b) => b.id === m.box)?.staff.join('、') ?? '—' })}</p>
            <table className="ui-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('setup.lists.voter')}</th>
                  <th>{t('setup.lists.group')}</th>
                </tr>
              </thead>
              <tbody>
                {m.voters.map((v, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>{v.name}</td>
                    <td>{v.group}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {m.voters.length === 0 && <p className="ui-muted">{t('setup.lists.none')}</p>}
          </section>
        ))}
        <ErrorNote error={mobile.error} />
      </div>
      <div className="ui-no-print">
        <ApproveProxy people={staff} onChanged={reload} />
        <AddToMobile overview={overview} people={staff} onChanged={reload} />
      </div>
    </div>
  );
}

function ApproveProxy({ people: staff, onChanged }: { people: PersonView[]; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [voter, setVoter] = useState('');
  const [trustee, setTrustee] = useState('');
  const [by, setBy] = useState(NO_APPROVAL);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const out = await action.run(() => api.call('approveProxy', { voter, trustee, ...approvalField(by) }));
    if (out) {
      setDone(t('setup.lists.proxyDone', { voter: out.voter.name, trustee: out.trustee.name, holds: out.trusteeHolds, limit: out.proxyLimit }));
      setVoter('');
      setTrustee('');
      setBy(NO_APPROVAL);
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="approve-proxy">
      <h3>{t('setup.lists.approveProxy')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.lists.voterCert')}>
          <input value={voter} onChange={(e) => setVoter(e.target.value)} required inputMode="numeric" />
        </Field>
        <Field label={t('setup.lists.trusteeCert')}>
          <input value={trustee} onChange={(e) => setTrustee(e.target.value)} required inputMode="numeric" />
        </Field>
        <CommitteeApprovalFields people={staff} value={by} onChange={setBy} label={t('setup.lists.decidedBy')} testId="approval-person" />
      </div>
      <ErrorNote error={action.error} />
      {done && <OkNote>{done}</OkNote>}
      <button type="submit" disabled={action.busy}>
        {t('setup.lists.approveProxy')}
      </button>
    </form>
  );
}

function AddToMobile({ overview, people: staff, onChanged }: { overview: Overview; people: PersonView[]; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const mobiles = overview.boxes.filter((b) => b.kind === 'mobile');
  const [certificate, setCertificate] = useState('');
  const [box, setBox] = useState(mobiles[0]?.id ?? '');
  const [by, setBy] = useState(NO_APPROVAL);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  if (mobiles.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const out = await action.run(() =>
      api.call('reassignVoter', { certificate, to: { mobileBox: box }, ...approvalField(by), reason }),
    );
    if (out) {
      setDone(t('setup.lists.mobileDone', { from: out.from.name, to: out.to.name }));
      setCertificate('');
      setBy(NO_APPROVAL);
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="add-to-mobile">
      <h3>{t('setup.lists.addMobile')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.lists.voterCert')}>
          <input value={certificate} onChange={(e) => setCertificate(e.target.value)} required inputMode="numeric" />
        </Field>
        <Field label={t('custody.kind.mobile')}>
          <select value={box} onChange={(e) => setBox(e.target.value)}>
            {mobiles.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <CommitteeApprovalFields people={staff} value={by} onChange={setBy} label={t('setup.lists.decidedBy')} testId="approval-person" />
        <Field label={t('setup.lists.reason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
      </div>
      <ErrorNote error={action.error} />
      {done && <OkNote>{done}</OkNote>}
      <button type="submit" disabled={action.busy}>
        {t('setup.lists.addMobile')}
      </button>
    </form>
  );
}
