import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { OFFICIAL_ROLES, RELATION_KINDS, type OfficialRole } from '../../../shared/domain/people';
import type { Overview } from './overview';
import { ErrorNote, Field, OkNote, useAction, useLoad } from '../../ui';
import { PersonEdit } from './PersonEdit';

/** Committee members, officials with roles and PINs, and declared relatives of candidates. */
export function PeopleTab({ overview }: { overview: Overview }) {
  const api = useApi();
  const t = useT();
  // Read again when someone signs in here: the first committee PIN makes the lists need a sign-in.
  const signedIn = useSession().session?.person ?? null;
  const people = useLoad(() => api.call('listPeople', {}), [api, signedIn]);
  const relatives = useLoad(() => api.call('listRelatives', {}), [api, signedIn]);
  const list = people.data ?? [];
  const editable = overview.rounds.find((r) => r.number === 1)?.status === 'prepared';
  const [edited, setEdited] = useState<string | null>(null);
  const done = (message: string) => {
    setEdited(message);
    people.reload();
  };
  return (
    <div data-testid="setup-people">
      <section className="ui-card">
        <h2>{t('setup.people.title')}</h2>
        {edited && <OkNote testId="edit-done">{edited}</OkNote>}
        <ErrorNote error={people.error} />
        <table className="ui-table" data-testid="people-table">
          <thead>
            <tr>
              <th>{t('setup.people.name')}</th>
              <th>{t('setup.people.committee')}</th>
              <th>{t('setup.people.roles')}</th>
              <th>{t('setup.people.pin')}</th>
              <th>{t('setup.people.conflicts')}</th>
              {editable && <th>{t('edits.open')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id} data-person={p.name}>
                <td>{p.name}</td>
                <td>
                  {p.committee
                    ? `${t(`setup.position.${p.committee.position}`)}${p.committee.left ? ` ${t('setup.people.left')}` : ''}`
                    : '—'}
                </td>
                <td>
                  {p.roles
                    .map((r) => `${t(`setup.role.${r.role}`)}${r.venue ? `（${overview.venues.find((v) => v.id === r.venue)?.name ?? r.venue}）` : ''}`)
                    .join('、') || '—'}
                </td>
                <td data-testid="pin-state">{p.pinSet ? t('setup.people.pinSet') : t('setup.people.pinMissing')}</td>
                <td className="ui-text-warn">{p.conflicts.join('；')}</td>
                {editable && (
                  <td>
                    <PersonEdit person={p} overview={overview} onDone={done} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SetPin people={list} onChanged={people.reload} />
      <AddCommittee onChanged={people.reload} />
      <AddOfficial overview={overview} onChanged={people.reload} />
      <RelativesList relatives={relatives.data} error={relatives.error} />
      <DeclareRelative
        overview={overview}
        onChanged={() => {
          people.reload();
          relatives.reload();
        }}
      />
    </div>
  );
}

type Relative = { candidate: string; relative: string; relation: (typeof RELATION_KINDS)[number] };

/** The declared close relatives, so the committee sees who may not serve and why (not only as conflicts above). */
function RelativesList({ relatives, error }: { relatives: Relative[] | null; error: unknown }) {
  const t = useT();
  return (
    <section className="ui-card" data-testid="relatives">
      <h3>{t('setup.relatives.title')}</h3>
      <ErrorNote error={error} />
      {relatives && relatives.length === 0 && <p className="ui-muted">{t('setup.relatives.none')}</p>}
      {relatives && relatives.length > 0 && (
        <table className="ui-table" data-testid="relatives-table">
          <thead>
            <tr>
              <th>{t('setup.relative.candidate')}</th>
              <th>{t('setup.relatives.relative')}</th>
              <th>{t('setup.relative.kind')}</th>
            </tr>
          </thead>
          <tbody>
            {relatives.map((r) => (
              <tr key={`${r.candidate}|${r.relative}|${r.relation}`} data-relative={r.relative}>
                <td>{r.candidate}</td>
                <td>{r.relative}</td>
                <td>{t(`setup.relation.${r.relation}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Person = { id: number; name: string; pinSet: boolean; committee: { left: boolean } | null };

/**
 * How a PIN may be set (the rule is the backend's, services/people.ts setPin): a first PIN is typed by the person
 * while a committee member is signed in, who is named as witness (or, before any committee PIN exists, a committee
 * member's own first one); a change needs the current PIN; a committee member may reset another person's PIN.
 */
type PinWay = { way: 'first'; witness: string | null } | { way: 'change' } | { way: 'reset'; by: string } | { way: 'blocked' };

function pinWay(person: Person, mode: 'change' | 'reset', who: { open: boolean; committee: { id: number; name: string } | null }): PinWay {
  if (!person.pinSet) {
    if (who.committee) return { way: 'first', witness: who.committee.name };
    return who.open && person.committee && !person.committee.left ? { way: 'first', witness: null } : { way: 'blocked' };
  }
  if (mode === 'reset' && who.committee && who.committee.id !== person.id) return { way: 'reset', by: who.committee.name };
  return { way: 'change' };
}

function SetPin({ people, onChanged }: { people: Person[]; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  // The sign-in as it stands now (a person signed in over this page changes it), not as it was when the tab opened.
  const session = useSession();
  const [person, setPerson] = useState('');
  const [mode, setMode] = useState<'change' | 'reset'>('change');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [current, setCurrent] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const chosen = people.find((p) => String(p.id) === person);
  const me = session.session;
  const who = {
    open: session.authority === 'open',
    committee: me && me.roles.includes('committee') ? { id: me.person, name: me.name } : null,
  };
  const way = chosen ? pinWay(chosen, mode, who) : null;
  const mismatch = again !== '' && pin !== again;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!chosen || !way || way.way === 'blocked' || mismatch || pin === '') return;
    const ok = await action.run(() => api.call('setPin', { person: chosen.id, pin, ...(way.way === 'change' ? { currentPin: current } : {}) }));
    // The PIN is never kept or shown: the fields are emptied whatever the answer.
    setPin('');
    setAgain('');
    setCurrent('');
    if (ok) {
      setDone(t('setup.pin.done', { name: chosen.name }));
      onChanged();
      // A first committee PIN establishes the election's authority: from now on it asks for sign-in.
      session.refresh();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} aria-label={t('setup.pin.title')} data-testid="set-pin">
      <h3>{t('setup.pin.title')}</h3>
      <p className="ui-muted">{t('setup.pin.hint')}</p>
      <div className="ui-grid">
        <Field label={t('setup.people.name')}>
          <select value={person} onChange={(e) => setPerson(e.target.value)} required data-testid="pin-person">
            <option value="">{t('setup.choose')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.pinSet ? ` ✓` : ''}
              </option>
            ))}
          </select>
        </Field>
        {chosen?.pinSet && who.committee && who.committee.id !== chosen.id && (
          <Field label={t('setup.pin.mode')}>
            <select value={mode} onChange={(e) => setMode(e.target.value as 'change' | 'reset')} data-testid="pin-mode">
              <option value="change">{t('setup.pin.modeChange')}</option>
              <option value="reset">{t('setup.pin.modeReset')}</option>
            </select>
          </Field>
        )}
        {way?.way === 'change' && (
          <Field label={t('setup.pin.current')}>
            <input type="password" inputMode="numeric" autoComplete="off" value={current} onChange={(e) => setCurrent(e.target.value)} required data-testid="pin-current" />
          </Field>
        )}
        <Field label={t('setup.pin.new')}>
          <input type="password" inputMode="numeric" autoComplete="off" pattern="\d{6,12}" value={pin} onChange={(e) => setPin(e.target.value)} required data-testid="pin-1" />
        </Field>
        <Field label={t('setup.pin.again')}>
          <input type="password" inputMode="numeric" autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} required data-testid="pin-2" />
        </Field>
      </div>
      {chosen && way && (
        <p className={way.way === 'blocked' ? 'ui-text-warn' : 'ui-muted'} data-testid="pin-way">
          {way.way === 'first' && way.witness !== null && t('setup.pin.witness', { name: chosen.name, witness: way.witness })}
          {way.way === 'first' && way.witness === null && t('setup.pin.firstCommittee', { name: chosen.name })}
          {way.way === 'blocked' && t('setup.pin.needCommittee', { name: chosen.name })}
          {way.way === 'change' && t('setup.pin.changeOwn', { name: chosen.name })}
          {way.way === 'reset' && t('setup.pin.resetBy', { name: chosen.name, witness: way.by })}
        </p>
      )}
      {mismatch && <p className="ui-text-warn" role="alert">{t('setup.pin.mismatch')}</p>}
      <ErrorNote error={action.error} />
      {done && <OkNote>{done}</OkNote>}
      <button type="submit" disabled={action.busy || mismatch || way?.way === 'blocked'} data-testid="pin-submit">
        {t('setup.pin.submit')}
      </button>
    </form>
  );
}

function AddCommittee({ onChanged }: { onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [name, setName] = useState('');
  const [position, setPosition] = useState<'chair' | 'vice-chair' | 'member'>('member');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.call('addCommitteeMember', { name, position }))) {
      setName('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="add-committee">
      <h3>{t('setup.committee.add')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.people.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('setup.committee.position')}>
          <select value={position} onChange={(e) => setPosition(e.target.value as typeof position)}>
            {(['chair', 'vice-chair', 'member'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`setup.position.${p}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorNote error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('setup.committee.add')}
      </button>
    </form>
  );
}

function AddOfficial({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<OfficialRole[]>([]);
  const [venue, setVenue] = useState('');
  const action = useAction();
  const toggle = (r: OfficialRole) => setRoles((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.call('addOfficial', { name, roles, ...(venue ? { venue } : {}) }))) {
      setName('');
      setRoles([]);
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="add-official">
      <h3>{t('setup.official.add')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.people.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('setup.official.venue')}>
          <select value={venue} onChange={(e) => setVenue(e.target.value)}>
            <option value="">{t('setup.official.anyVenue')}</option>
            {overview.venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="ui-fieldset">
        <legend>{t('setup.people.roles')}</legend>
        {OFFICIAL_ROLES.map((r) => (
          <label key={r} className="ui-check">
            <input type="checkbox" checked={roles.includes(r)} onChange={() => toggle(r)} />
            {t(`setup.role.${r}`)}
          </label>
        ))}
      </fieldset>
      <ErrorNote error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('setup.official.add')}
      </button>
    </form>
  );
}

function DeclareRelative({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const candidates = [...new Set(overview.offices.flatMap((o) => o.candidates.map((c) => c.name)))];
  const [name, setName] = useState('');
  const [candidate, setCandidate] = useState(candidates[0] ?? '');
  const [kind, setKind] = useState<(typeof RELATION_KINDS)[number]>('spouse');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (await action.run(() => api.call('declareRelative', { name, candidate, kind }))) {
      setDone(t('setup.relative.done', { name, candidate }));
      setName('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="declare-relative">
      <h3>{t('setup.relative.title')}</h3>
      <p className="ui-muted">{t('setup.relative.hint')}</p>
      <div className="ui-grid">
        <Field label={t('setup.people.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('setup.relative.candidate')}>
          <select value={candidate} onChange={(e) => setCandidate(e.target.value)}>
            {candidates.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('setup.relative.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {RELATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`setup.relation.${k}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorNote error={action.error} />
      {done && <OkNote>{done}</OkNote>}
      <button type="submit" disabled={action.busy}>
        {t('setup.relative.submit')}
      </button>
    </form>
  );
}
