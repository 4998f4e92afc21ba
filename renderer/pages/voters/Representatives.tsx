import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ErrorText } from '../../../shared/api/error-text';
import type { RepresentativeView } from '../../../shared/api/representatives';
import type { MessageKey } from '../../../shared/i18n';
import { isClientError } from '../../api';
import { base64ToBytes, bytesToBase64 } from '../../api/base64';
import { hasShell, printPage, requireShell } from '../../api/shell';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, Loading, OkNote, useAction, useLoad } from '../../ui';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import type { ListedVoter } from '../../widgets/VoterSearch';
import { usePeople } from '../people';

type RowError = ErrorText & { line: number };

/**
 * The representatives list of an election by residents' representatives (居民代表): the minimum for the household
 * count, the voter chosen above listed or taken off, a file imported, the list per residents' group and its A4
 * print. Every change is a committee decision until round 1 opens.
 */
export function Representatives({ voter, title, reloadKey }: { voter: ListedVoter | null; title: string; reloadKey: number }) {
  const api = useApi();
  const t = useT();
  const mayCall = useMayCall();
  const { people } = usePeople();
  const [group, setGroup] = useState('');
  const [changes, setChanges] = useState(0);
  const status = useLoad(() => api.call('representativesStatus', {}), [api, reloadKey, changes]);
  const list = useLoad(() => api.call('listRepresentatives', group ? { group } : {}), [api, reloadKey, changes, group]);
  const [households, setHouseholds] = useState('');
  const [approval, setApproval] = useState(NO_APPROVAL);
  const [done, setDone] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[] | null>(null);
  const action = useAction();
  const said = (x: ErrorText) => (t as (k: MessageKey, p?: object) => string)(x.key as MessageKey, x.params);

  const decide = async <T,>(call: () => Promise<T>, doneText: (out: T) => string) => {
    setDone(null);
    setRowErrors(null);
    const out = await action.run(call);
    if (out) {
      setDone(doneText(out));
      setApproval(NO_APPROVAL);
      setChanges((n) => n + 1);
    }
  };
  const saveHouseholds = (e: FormEvent) => {
    e.preventDefault();
    void decide(() => api.call('setHouseholdCount', { households: Number(households), ...approvalField(approval) }), (o) => t('reps.householdsSaved', o));
  };
  const change = (method: 'addRepresentative' | 'removeRepresentative') =>
    voter &&
    void decide(() => api.call(method, { certificate: voter.certificate, ...approvalField(approval) }), (o) =>
      t(method === 'addRepresentative' ? 'reps.added' : 'reps.removed', o));
  const importBytes = (name: string, bytes: Uint8Array) =>
    decide(async () => {
      try {
        return await api.call('importRepresentatives', { contentBase64: bytesToBase64(bytes), fileName: name, ...approvalField(approval) });
      } catch (err) {
        const details = isClientError(err) ? (err.details as { errors?: RowError[] } | undefined) : undefined;
        if (details?.errors) setRowErrors(details.errors);
        throw err;
      }
    }, (o) => t('reps.imported', { rows: o.rows, added: o.added, already: o.alreadyListed }));
  const chooseInShell = async () => {
    const opened = await action.run(() =>
      requireShell().call('shell:openFile', { title: t('reps.importChoose'), filters: [{ name: 'CSV / XLSX', extensions: ['csv', 'xlsx'] }], read: true }),
    );
    if (opened && !opened.canceled && opened.contentBase64) await importBytes(opened.name, base64ToBytes(opened.contentBase64));
  };

  const s = status.data;
  if (!s) return <section className="ui-card">{status.loading ? <Loading /> : <ErrorNote error={status.error} />}</section>;
  const check =
    s.minimum === null
      ? { cls: 'ui-text-warn', text: t('reps.noHouseholds') }
      : { cls: s.ok ? 'ui-text-good' : 'ui-text-bad', text: t(s.ok ? 'reps.ok' : 'reps.low', { households: s.households ?? 0, minimum: s.minimum, n: s.count }) };
  return (
    <section className="ui-card voters-reps" data-testid="reps">
      <div className="ui-no-print ui-stack">
        <h3>{t('reps.title')}</h3>
        <p className="ui-muted">{t('reps.intro')}</p>
        <p data-testid="reps-count">{t('reps.count', { n: s.count })}</p>
        <p className={check.cls} data-testid="reps-check">{check.text}</p>
        {!s.open && <p className="ui-text-warn">{t('reps.locked')}</p>}
        <form className="ui-form" onSubmit={saveHouseholds}>
          <div className="ui-grid">
            <Field label={t('reps.households')}>
              <input type="number" min={1} value={households} onChange={(e) => setHouseholds(e.target.value)} placeholder={s.households === null ? '' : String(s.households)} data-testid="reps-households" />
            </Field>
            <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('reps.decidedBy')} testId="reps-approval" />
          </div>
          <div className="ui-actions">
            <button type="submit" disabled={action.busy || households === ''} {...mayCall('setHouseholdCount')} data-testid="reps-households-save">
              {t('reps.householdsSave')}
            </button>
          </div>
        </form>
        {s.open && (
          <>
            <p data-testid="reps-chosen">{voter ? t('reps.chosen', voter) : t('reps.chooseFirst')}</p>
            <div className="ui-actions">
              <button type="button" disabled={action.busy || !voter} {...mayCall('addRepresentative')} onClick={() => change('addRepresentative')} data-testid="reps-add">
                {t('reps.add')}
              </button>
              <button type="button" disabled={action.busy || !voter} {...mayCall('removeRepresentative')} onClick={() => change('removeRepresentative')} data-testid="reps-remove">
                {t('reps.remove')}
              </button>
            </div>
            <Field label={t('reps.import')}>
              {hasShell() ? (
                <button type="button" disabled={action.busy} {...mayCall('importRepresentatives')} onClick={() => void chooseInShell()}>
                  {t('reps.importChoose')}
                </button>
              ) : (
                <input type="file" accept=".csv,.xlsx,text/csv" disabled={action.busy} onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void file.arrayBuffer().then((b) => importBytes(file.name, new Uint8Array(b)));
                }} data-testid="reps-file" />
              )}
            </Field>
          </>
        )}
        <ErrorNote error={action.error} testId="reps-error" />
        {rowErrors && (
          <ul className="ui-text-bad" role="alert" data-testid="reps-row-errors">
            {rowErrors.map((r, i) => (
              <li key={i}>{t('reps.rowError', { line: r.line, what: said(r) })}</li>
            ))}
          </ul>
        )}
        {done && <OkNote testId="reps-done">{done}</OkNote>}
        <Field label={t('reps.group')}>
          <select value={group} onChange={(e) => setGroup(e.target.value)} data-testid="reps-group">
            <option value="">{t('reps.allGroups')}</option>
            {s.groups.map((g) => (
              <option key={g.group} value={g.group}>
                {t('reps.perGroup', { group: g.group, reps: g.representatives, voters: g.voters })}
              </option>
            ))}
          </select>
        </Field>
        {list.data && list.data.length === 0 && <p className="ui-muted">{t('reps.none')}</p>}
        {list.data && list.data.length > 0 && <RepresentativesTable reps={list.data} testId="reps-list" withSource />}
      </div>
      <PrintRepresentatives group={group} title={title} />
    </section>
  );
}

function RepresentativesTable({ reps, testId, withSource = false }: { reps: RepresentativeView[]; testId: string; withSource?: boolean }) {
  const t = useT();
  return (
    <table className="ui-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('reps.col.no')}</th>
          <th>{t('reps.col.name')}</th>
          <th>{t('reps.col.gender')}</th>
          <th>{t('reps.col.group')}</th>
          <th>{t('reps.col.certificate')}</th>
          {withSource && <th>{t('reps.col.source')}</th>}
        </tr>
      </thead>
      <tbody>
        {reps.map((r, i) => (
          <tr key={r.certificate}>
            <td>{i + 1}</td>
            <td>{r.name}</td>
            <td>{t(r.gender === 'male' ? 'reps.gender.male' : 'reps.gender.female')}</td>
            <td>{r.group}</td>
            <td>{r.certificate}</td>
            {withSource && <td>{t(r.source === 'import' ? 'reps.source.import' : 'reps.source.screen')}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The list as posted: A4 pages, one residents' group per page (the group chosen, or every group with representatives). */
function PrintRepresentatives({ group, title }: { group: string; title: string }) {
  const api = useApi();
  const t = useT();
  const [pages, setPages] = useState<{ group: string; reps: RepresentativeView[] }[] | null>(null);
  const action = useAction();
  const print = () =>
    action.run(async () => {
      const all = await api.call('listRepresentatives', group ? { group } : {});
      const byGroup = new Map<string, RepresentativeView[]>();
      for (const r of all) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
      flushSync(() => setPages([...byGroup].map(([g, reps]) => ({ group: g, reps }))));
      await printPage();
    });
  return (
    <>
      <div className="ui-actions ui-no-print">
        <button type="button" onClick={() => void print()} disabled={action.busy} data-testid="reps-print">
          {t('reps.print')}
        </button>
      </div>
      <ErrorNote error={action.error} />
      {pages && (
        <div className="ui-print-only" data-testid="reps-print-lists">
          {pages.map((p) => (
            <section key={p.group} className="voters-print voters-pub" data-testid="reps-print-list">
              <h2>{t('reps.printHeading', { title, group: p.group })}</h2>
              <RepresentativesTable reps={p.reps} testId="reps-print-table" />
              <p>{t('reps.printCount', { n: p.reps.length })}</p>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
