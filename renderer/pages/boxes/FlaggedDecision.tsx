import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, Field, useAction } from '../../ui';
import { useMayCall } from '../../app/session/may-call';

/**
 * The committee's decision on a box whose seal check was flagged: who decided (each typing their PIN), why, open it
 * or set it aside.
 */
export function FlaggedDecision({
  box,
  round,
  committee,
  onDecided,
}: {
  box: string;
  round: number;
  committee: { id: number; name: string }[];
  onDecided(): void;
}) {
  const may = useMayCall();
  const api = useApi();
  const t = useT();
  const [members, setMembers] = useState<number[]>([]);
  const [pins, setPins] = useState<ReadonlyMap<number, string>>(new Map());
  const [note, setNote] = useState('');
  const action = useAction();
  const toggle = (id: number) => setMembers((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id]));
  const decide = async (decision: 'open' | 'set-aside') => {
    const approvals = members.map((person) => ({ person, pin: pins.get(person) ?? '' }));
    if (await action.run(() => api.call('decideFlaggedBox', { box, round, decision, ...(approvals.length > 0 ? { approvals } : {}), note }))) onDecided();
  };
  return (
    <fieldset className="ui-fieldset boxes-decide" data-testid="flagged-decision">
      <legend>{t('boxes.decideTitle')}</legend>
      <div className="boxes-checks">
        {committee.map((m) => (
          <span key={m.id} className="boxes-approver">
            <label className="ui-check">
              <input type="checkbox" checked={members.includes(m.id)} onChange={() => toggle(m.id)} />
              {m.name}
            </label>
            {members.includes(m.id) && (
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                aria-label={t('boxes.decidePin', { name: m.name })}
                placeholder={t('boxes.decidePin', { name: m.name })}
                value={pins.get(m.id) ?? ''}
                onChange={(e) => setPins((p) => new Map(p).set(m.id, e.target.value))}
                data-testid={`decision-pin-${m.id}`}
              />
            )}
          </span>
        ))}
      </div>
      <Field label={t('boxes.decideNote')}>
        <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="decision-note" />
      </Field>
      <div className="ui-actions">
        <button type="button" onClick={() => void decide('open')} disabled={action.busy} {...may('decideFlaggedBox')} data-testid="decide-open">
          {t('boxes.decide.open')}
        </button>
        <button type="button" className="danger" onClick={() => void decide('set-aside')} disabled={action.busy} {...may('decideFlaggedBox')} data-testid="decide-set-aside">
          {t('boxes.decide.setAside')}
        </button>
      </div>
      <ErrorNote error={action.error} />
    </fieldset>
  );
}
