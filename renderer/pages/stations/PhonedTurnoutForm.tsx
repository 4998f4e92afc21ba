import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import type { StationsOverviewView } from '../../../shared/api/stations';
import { ErrorNote, Field, OkNote, useAction, useLoad } from '../../ui';
import { approvalOf, CommitteeApprovalFields, NO_APPROVAL } from '../../widgets/CommitteeApproval';

/** The local time typed ("2026-05-16T10:30") as an ISO moment with this laptop's offset. */
function isoWithOffset(local: string): string {
  const d = new Date(local);
  const off = -d.getTimezoneOffset();
  const p = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${off >= 0 ? '+' : '-'}${p(off / 60)}:${p(off % 60)}`;
}

/** A turnout figure phoned in from a station before its return (provisional; a committee PIN confirms it). */
export function PhonedTurnoutForm({ stations }: { stations: StationsOverviewView['stations'] }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall();
  const action = useAction();
  const people = useLoad(() => api.call('listPeople', {}), [api]);
  const [station, setStation] = useState(stations[0]?.station ?? '');
  const [round, setRound] = useState('1');
  const [count, setCount] = useState('');
  const [at, setAt] = useState('');
  const [by, setBy] = useState(NO_APPROVAL);
  const [done, setDone] = useState<string | null>(null);
  if (!may('recordPhonedTurnout') || stations.length === 0) return null;
  const approval = approvalOf(by);
  const ready = station !== '' && /^\d+$/.test(count) && /^\d+$/.test(round) && at !== '' && approval !== undefined;
  const go = async () => {
    if (!ready) return;
    setDone(null);
    const r = await action.run(() =>
      api.call('recordPhonedTurnout', { station, round: Number(round), count: Number(count), phonedAt: isoWithOffset(at), approvals: [approval] }),
    );
    if (r) {
      setDone(t('phoned.done', { name: r.name, count: r.count, extra: r.extra }));
      setBy(NO_APPROVAL);
    }
  };
  return (
    <section className="ui-card" data-testid="stations-phoned">
      <h3>{t('phoned.title')}</h3>
      <p className="ui-muted">{t('phoned.hint')}</p>
      <div className="ui-row">
        <Field label={t('phoned.station')}>
          <select value={station} onChange={(e) => setStation(e.target.value)} data-testid="phoned-station">
            {stations.map((s) => (
              <option key={s.station} value={s.station}>{`${s.name} (${s.station})`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('phoned.round')}>
          <input value={round} onChange={(e) => setRound(e.target.value)} inputMode="numeric" size={3} data-testid="phoned-round" />
        </Field>
        <Field label={t('phoned.count')}>
          <input value={count} onChange={(e) => setCount(e.target.value)} inputMode="numeric" size={6} data-testid="phoned-count" />
        </Field>
        <Field label={t('phoned.at')}>
          <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} data-testid="phoned-at" />
        </Field>
      </div>
      <div className="ui-row">
        <CommitteeApprovalFields people={people.data ?? []} value={by} onChange={setBy} label={t('phoned.by')} testId="phoned-by" />
        <button type="button" onClick={() => void go()} disabled={action.busy || !ready} data-testid="phoned-go">
          {t('phoned.go')}
        </button>
      </div>
      {done && <OkNote>{done}</OkNote>}
      <ErrorNote error={action.error} />
    </section>
  );
}
