import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useElection } from '../../app/election-context';
import { useT, useWhen } from '../../app/i18n';
import { METHODS_BY_BODY, type ElectionDefinitionInput } from '../../../shared/domain/election';
import { resolveProfile, type RuleProfilePartial } from '../../../shared/rules/profile';
import { ErrorNote, Field, useAction } from '../../ui';
import { RulesEditor } from './rules';

type Body = 'residents' | 'party' | 'supervisory';
interface OfficeRow {
  id: string;
  title: string;
  seats: number;
  womenOnly: boolean;
}

const DEFAULT_OFFICES: Record<Body, OfficeRow[]> = {
  residents: [
    { id: 'chair', title: '主任', seats: 1, womenOnly: false },
    { id: 'vice', title: '副主任', seats: 1, womenOnly: false },
    { id: 'member', title: '委员', seats: 3, womenOnly: false },
  ],
  party: [
    { id: 'secretary', title: '书记', seats: 1, womenOnly: false },
    { id: 'deputy', title: '副书记', seats: 1, womenOnly: false },
    { id: 'member', title: '委员', seats: 3, womenOnly: false },
  ],
  supervisory: [
    { id: 'chair', title: '主任', seats: 1, womenOnly: false },
    { id: 'member', title: '委员', seats: 2, womenOnly: false },
  ],
};

/**
 * Creating the election: a short form (title, community, body, method, date, drill, rules, offices, central venue)
 * or the definition JSON file `station init --election` reads. Candidates, venues and people follow on the Setup page.
 */
export function CreateElection({ onCreated }: { onCreated(): void }) {
  const api = useApi();
  const t = useT();
  const when = useWhen();
  const { setElection } = useElection();
  const [title, setTitle] = useState('');
  const [community, setCommunity] = useState('');
  const [body, setBody] = useState<Body>('residents');
  const [method, setMethod] = useState<string>('direct');
  const [date, setDate] = useState(todayIso());
  const [drill, setDrill] = useState(false);
  const [rules, setRules] = useState<RuleProfilePartial>({});
  const [offices, setOffices] = useState<OfficeRow[]>(DEFAULT_OFFICES.residents);
  const [centralName, setCentralName] = useState('');
  const action = useAction();

  const methods = METHODS_BY_BODY[body] as readonly string[];
  const totalSeats = offices.reduce((n, o) => n + (o.seats > 0 ? o.seats : 0), 0);
  const defaults = useMemo(
    () => resolveProfile({ body, method: (methods.includes(method) ? method : methods[0]) as 'direct' }, {}, totalSeats),
    [body, method, methods, totalSeats],
  );

  const changeBody = (next: Body) => {
    setBody(next);
    setMethod(METHODS_BY_BODY[next][0]);
    setOffices(DEFAULT_OFFICES[next]);
  };

  const create = async (definition: ElectionDefinitionInput) => {
    const done = await action.run(() => api.call('createElection', definition));
    if (done) {
      setElection({ title: definition.title.trim(), drill: definition.drill === true });
      onCreated();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create({
      title,
      community,
      body,
      method: method as ElectionDefinitionInput['method'],
      date,
      drill,
      rules,
      registered: { source: 'roll' },
      offices: offices.map((o, i) => ({ id: o.id, title: o.title, rank: i + 1, seats: o.seats, womenOnly: o.womenOnly })),
      venues: [{ id: 'central', name: centralName || community || t('setup.create.centralDefault'), kind: 'central' }],
      boxes: [{ id: 'C1', name: t('setup.create.centralBox'), kind: 'central', venue: 'central' }],
    });
  };

  const fromFile = async (file: File | undefined) => {
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      await action.run(() => Promise.reject(new Error(t('setup.create.badJson', { file: file.name, reason: String(err) }))));
      return;
    }
    await create(parsed as ElectionDefinitionInput);
  };

  const setOffice = (i: number, patch: Partial<OfficeRow>) =>
    setOffices((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className="ui-card" data-testid="create-election">
      <h2>{t('setup.create.title')}</h2>
      <form onSubmit={submit} className="ui-form">
        <div className="ui-grid">
          <Field label={t('setup.create.electionTitle')}>
            <input value={title} onChange={(e) => setTitle(e.target.value)} required data-testid="create-title" />
          </Field>
          <Field label={t('setup.create.community')}>
            <input value={community} onChange={(e) => setCommunity(e.target.value)} required data-testid="create-community" />
          </Field>
          <Field label={t('setup.create.body')}>
            <select value={body} onChange={(e) => changeBody(e.target.value as Body)} data-testid="create-body">
              {(['residents', 'party', 'supervisory'] as const).map((b) => (
                <option key={b} value={b}>
                  {t(`setup.body.${b}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('setup.create.method')}>
            <select value={method} onChange={(e) => setMethod(e.target.value)} data-testid="create-method">
              {methods.map((m) => (
                <option key={m} value={m}>
                  {t(`setup.method.${m as 'direct'}`)}
                </option>
              ))}
            </select>
          </Field>
          {/* The browser draws the date field in its own locale; the date is also said in the screen's language. */}
          <Field label={t('setup.create.date')} hint={date ? when.date(date) : undefined}>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required data-testid="create-date" />
          </Field>
          <Field label={t('setup.create.centralName')} hint={t('setup.create.centralHint')}>
            <input value={centralName} onChange={(e) => setCentralName(e.target.value)} data-testid="create-central" />
          </Field>
        </div>
        <label className="ui-check">
          <input type="checkbox" checked={drill} onChange={(e) => setDrill(e.target.checked)} data-testid="create-drill" />
          {t('setup.create.drill')}
        </label>
        <fieldset className="ui-fieldset">
          <legend>{t('setup.create.offices')}</legend>
          <table className="ui-table">
            <thead>
              <tr>
                <th>{t('setup.office.rank')}</th>
                <th>{t('setup.office.title')}</th>
                <th>{t('setup.office.id')}</th>
                <th>{t('setup.office.seats')}</th>
                <th>{t('setup.office.womenOnly')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {offices.map((o, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>
                    <input value={o.title} onChange={(e) => setOffice(i, { title: e.target.value })} aria-label={t('setup.office.title')} />
                  </td>
                  <td>
                    <input value={o.id} onChange={(e) => setOffice(i, { id: e.target.value })} aria-label={t('setup.office.id')} size={10} />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={1}
                      value={o.seats}
                      onChange={(e) => setOffice(i, { seats: Number(e.target.value) })}
                      aria-label={t('setup.office.seats')}
                      className="ui-input-short"
                    />
                  </td>
                  <td>
                    <input type="checkbox" checked={o.womenOnly} onChange={(e) => setOffice(i, { womenOnly: e.target.checked })} aria-label={t('setup.office.womenOnly')} />
                  </td>
                  <td>
                    <button type="button" onClick={() => setOffices((rows) => rows.filter((_, j) => j !== i))} disabled={offices.length === 1}>
                      {t('setup.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => setOffices((rows) => [...rows, { id: `office${rows.length + 1}`, title: '', seats: 1, womenOnly: false }])}>
            {t('setup.create.addOffice')}
          </button>
        </fieldset>
        <RulesEditor given={rules} defaults={defaults} onChange={setRules} />
        <ErrorNote error={action.error} testId="create-error" />
        <div className="ui-actions">
          <button type="submit" className="ui-primary" disabled={action.busy} data-testid="create-submit">
            {t('setup.create.submit')}
          </button>
        </div>
      </form>
      <div className="setup-or">
        <Field label={t('setup.create.fromFile')}>
          <input type="file" accept=".json,application/json" onChange={(e) => void fromFile(e.target.files?.[0])} data-testid="create-file" />
          <span className="ui-field-hint">{t('setup.create.fromFileHint')}</span>
        </Field>
      </div>
    </section>
  );
}

/** Today in the form the date fields use (local time). */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
