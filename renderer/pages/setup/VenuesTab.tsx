import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { MOBILE_BOX_MIN_STAFF } from '../../../shared/domain/venue';
import type { Overview } from './overview';
import { ErrorNote, Field, OkNote, useAction, useLoad } from '../../ui';
import { CorrectOrRemove } from './CorrectOrRemove';

/** Names typed in one field: separated by 、，, or spaces. */
export function splitNames(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Venues (central + polling stations), boxes with mobile-box teams, and issuing desks. */
export function VenuesTab({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const desks = useLoad(() => api.call('listDesks', {}), [api, overview]);
  const venueName = (id: string) => overview.venues.find((v) => v.id === id)?.name ?? id;
  const [edited, setEdited] = useState<string | null>(null);
  const editable = overview.rounds.find((r) => r.number === 1)?.status === 'prepared';
  const done = (message: string) => {
    setEdited(message);
    onChanged();
    desks.reload();
  };
  const venueChoice = (kind: string, value: string) => ({
    label: t('setup.boxes.venue'),
    value,
    options: overview.venues.filter((v) => kind === 'mobile' || v.kind === kind).map((v) => ({ value: v.id, label: v.name })),
  });
  return (
    <div data-testid="setup-venues">
      <section className="ui-card">
        {edited && <OkNote testId="edit-done">{edited}</OkNote>}
        {!editable && <p className="ui-muted" data-testid="edits-locked">{t('edits.locked')}</p>}
        <h2>{t('setup.venues.title')}</h2>
        <table className="ui-table">
          <thead>
            <tr>
              <th>{t('setup.venues.id')}</th>
              <th>{t('setup.venues.name')}</th>
              <th>{t('setup.venues.kind')}</th>
              {editable && <th>{t('edits.open')}</th>}
            </tr>
          </thead>
          <tbody>
            {overview.venues.map((v) => (
              <tr key={v.id}>
                <td>
                  <code className="ui-code">{v.id}</code>
                </td>
                <td>{v.name}</td>
                <td>{t(`setup.venueKind.${v.kind}`)}</td>
                {editable && (
                  <td>
                    <CorrectOrRemove
                      what={t('edits.what', { name: v.name, id: v.id })}
                      name={v.name}
                      testId={`venue-${v.id}`}
                      save={({ name, reason }) => api.call('updateVenue', { id: v.id, name, reason })}
                      remove={(reason) => api.call('removeVenue', { id: v.id, reason })}
                      onDone={done}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('setup.boxes.title')}</h2>
        <table className="ui-table" data-testid="boxes-table">
          <thead>
            <tr>
              <th>{t('setup.venues.id')}</th>
              <th>{t('setup.venues.name')}</th>
              <th>{t('setup.venues.kind')}</th>
              <th>{t('setup.boxes.venue')}</th>
              <th>{t('setup.boxes.staff')}</th>
              {editable && <th>{t('edits.open')}</th>}
            </tr>
          </thead>
          <tbody>
            {overview.boxes.map((b) => (
              <tr key={b.id} data-box={b.id}>
                <td>
                  <code className="ui-code">{b.id}</code>
                </td>
                <td>{b.name}</td>
                <td>{t(`custody.kind.${b.kind}`)}</td>
                <td>{venueName(b.venue)}</td>
                <td>
                  {b.kind === 'mobile' ? (
                    <StaffEditor box={b.id} staff={b.staff} onChanged={onChanged} />
                  ) : (
                    '—'
                  )}
                </td>
                {editable && (
                  <td>
                    <CorrectOrRemove
                      what={t('edits.what', { name: b.name, id: b.id })}
                      name={b.name}
                      choice={venueChoice(b.kind, b.venue)}
                      testId={`box-${b.id}`}
                      save={({ name, choice, reason }) =>
                        api.call('updateBox', { id: b.id, reason, ...(name !== b.name ? { name } : {}), ...(choice !== b.venue ? { venue: choice } : {}) })
                      }
                      remove={(reason) => api.call('removeBox', { id: b.id, reason })}
                      onDone={done}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('setup.desks.title')}</h2>
        <ErrorNote error={desks.error} />
        <ul className="ui-list" data-testid="desks-list">
          {desks.data?.map((d) => (
            <li key={d.id}>
              <strong>{d.name}</strong> <code className="ui-code">{d.id}</code> → {overview.boxes.find((b) => b.id === d.box)?.name ?? d.box}
              {d.implicit && <span className="ui-muted"> {t('setup.desks.implicit')}</span>}
              {editable && !d.implicit && (
                <>
                  {' '}
                  <CorrectOrRemove
                    what={t('edits.what', { name: d.name, id: d.id })}
                    name={d.name}
                    choice={{ label: t('setup.desks.box'), value: d.box, options: overview.boxes.map((b) => ({ value: b.id, label: b.name })) }}
                    testId={`desk-${d.id}`}
                    save={({ name, choice, reason }) =>
                      api.call('updateDesk', { id: d.id, reason, ...(name !== d.name ? { name } : {}), ...(choice !== d.box ? { box: choice } : {}) })
                    }
                    remove={(reason) => api.call('removeDesk', { id: d.id, reason })}
                    onDone={done}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <AddVenue onChanged={onChanged} />
      <AddBox overview={overview} onChanged={onChanged} />
      <AddDesk overview={overview} onChanged={() => desks.reload()} />
    </div>
  );
}

function StaffEditor({ box, staff, onChanged }: { box: string; staff: string[]; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [text, setText] = useState(staff.join('、'));
  const action = useAction();
  const names = splitNames(text);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.call('setBoxStaff', { box, staff: names }))) onChanged();
  };
  return (
    <form onSubmit={submit} className="ui-inline">
      <input value={text} onChange={(e) => setText(e.target.value)} aria-label={t('setup.boxes.staff')} size={18} />
      <button type="submit" disabled={action.busy || names.length < MOBILE_BOX_MIN_STAFF}>
        {t('setup.save')}
      </button>
      {names.length < MOBILE_BOX_MIN_STAFF && <span className="ui-text-warn">{t('setup.boxes.staffMin', { n: MOBILE_BOX_MIN_STAFF })}</span>}
      <ErrorNote error={action.error} />
    </form>
  );
}

function AddVenue({ onChanged }: { onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.call('addVenue', { id, name, kind: 'station' }))) {
      setId('');
      setName('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="add-venue">
      <h3>{t('setup.venues.add')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.venues.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('setup.venues.id')} hint={t('setup.codeHint')}>
          <input value={id} onChange={(e) => setId(e.target.value)} required />
        </Field>
      </div>
      <ErrorNote error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('setup.venues.add')}
      </button>
    </form>
  );
}

function AddBox({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'station' | 'mobile' | 'central'>('mobile');
  const [venue, setVenue] = useState(overview.venues[0]?.id ?? '');
  const [staff, setStaff] = useState('');
  const action = useAction();
  const names = splitNames(staff);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.call('addBox', { id, name, kind, venue, ...(kind === 'mobile' ? { staff: names } : {}) }),
    );
    if (ok) {
      setId('');
      setName('');
      setStaff('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="add-box">
      <h3>{t('setup.boxes.add')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.venues.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('setup.venues.id')} hint={t('setup.codeHint')}>
          <input value={id} onChange={(e) => setId(e.target.value)} required />
        </Field>
        <Field label={t('setup.venues.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="mobile">{t('custody.kind.mobile')}</option>
            <option value="station">{t('custody.kind.station')}</option>
            <option value="central">{t('custody.kind.central')}</option>
          </select>
        </Field>
        <Field label={t('setup.boxes.venue')}>
          <select value={venue} onChange={(e) => setVenue(e.target.value)}>
            {overview.venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'mobile' && (
          <Field label={t('setup.boxes.staff')} hint={t('setup.boxes.staffMin', { n: MOBILE_BOX_MIN_STAFF })}>
            <input value={staff} onChange={(e) => setStaff(e.target.value)} />
          </Field>
        )}
      </div>
      {kind === 'mobile' && names.length > 0 && names.length < MOBILE_BOX_MIN_STAFF && (
        <p className="ui-text-warn">{t('setup.boxes.staffCount', { n: names.length, min: MOBILE_BOX_MIN_STAFF })}</p>
      )}
      <ErrorNote error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('setup.boxes.add')}
      </button>
    </form>
  );
}

function AddDesk({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const api = useApi();
  const t = useT();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [box, setBox] = useState(overview.boxes[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.call('addDesk', { id, name, box }))) {
      setDone(t('setup.desks.added', { name }));
      setId('');
      setName('');
      onChanged();
    }
  };
  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="add-desk">
      <h3>{t('setup.desks.add')}</h3>
      <div className="ui-grid">
        <Field label={t('setup.venues.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('setup.venues.id')} hint={t('setup.codeHint')}>
          <input value={id} onChange={(e) => setId(e.target.value)} required />
        </Field>
        <Field label={t('setup.desks.box')}>
          <select value={box} onChange={(e) => setBox(e.target.value)}>
            {overview.boxes.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorNote error={action.error} />
      {done && <OkNote>{done}</OkNote>}
      <button type="submit" disabled={action.busy}>
        {t('setup.desks.add')}
      </button>
    </form>
  );
}
