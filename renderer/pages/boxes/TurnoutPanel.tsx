import { useLang } from '../../app/i18n';
import type { TurnoutView } from '../../../shared/api/issuance';
import { ErrorNote } from '../../ui';

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

/** Turnout per venue and mobile box and overall, ballots issued per desk, and whether the quorum is met (and how many are still needed). */
export function TurnoutPanel({ turnout, error }: { turnout: TurnoutView | null; error: unknown }) {
  const { t, lang } = useLang();
  if (!turnout) return <ErrorNote error={error} />;
  const q = turnout.quorum;
  return (
    <section className="ui-card" data-testid="turnout">
      <h3>{t('boxes.turnout')}</h3>
      <div className="boxes-turnout-head">
        <p className="ui-big" data-testid="turnout-total">
          {t('boxes.participants', { n: turnout.participants, registered: turnout.registered, pct: percent(turnout.participants, turnout.registered) })}
        </p>
        <p className={q.met ? 'boxes-quorum boxes-quorum-met' : 'boxes-quorum boxes-quorum-short'} data-testid="quorum" data-met={q.met}>
          {q.met
            ? t('boxes.quorumMet', { needed: q.needed })
            : t('boxes.quorumShort', { more: Math.max(0, q.needed - turnout.participants), needed: q.needed })}
          <small>{lang === 'en' ? q.rule.en : q.rule.zh}</small>
        </p>
      </div>
      {turnout.party && (
        <p className="ui-muted" data-testid="turnout-party">
          {t('party.turnout.registered', { registered: turnout.registered, ...turnout.party })}
        </p>
      )}
      {turnout.provisional.stations.length > 0 && (
        <p className="ui-text-warn" data-testid="turnout-provisional" data-met={turnout.provisional.quorumMet}>
          {t('phoned.provisional', {
            n: turnout.provisional.participants,
            pct: percent(turnout.provisional.participants, turnout.registered),
            quorum: t(turnout.provisional.quorumMet ? 'phoned.quorumMet' : 'phoned.quorumShort'),
            stations: turnout.provisional.stations.map((s) => `${s.name} ${s.count}（${s.phonedAt.slice(11, 16)}）`).join('、'),
          })}
        </p>
      )}
      <p className="ui-muted">{t('boxes.proxyAssisted', { proxy: turnout.proxyBallots, assisted: turnout.assisted })}</p>
      <table className="ui-table">
        <thead>
          <tr>
            <th>{t('boxes.where')}</th>
            <th>{t('boxes.assigned')}</th>
            <th>{t('boxes.issued')}</th>
            <th>{t('boxes.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {turnout.byVenue.map((v) => (
            <tr key={`v-${v.venue}`}>
              <td>{v.name}</td>
              <td>{v.assigned}</td>
              <td>{v.issued}</td>
              <td>{percent(v.issued, v.assigned)}</td>
            </tr>
          ))}
          {turnout.byMobileBox.map((b) => (
            <tr key={`m-${b.box}`}>
              <td>{b.name}</td>
              <td>{b.assigned}</td>
              <td>{b.issued}</td>
              <td>{percent(b.issued, b.assigned)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('boxes.byDesk')}</h4>
      <table className="ui-table" data-testid="turnout-desks">
        <thead>
          <tr>
            <th>{t('boxes.desk')}</th>
            <th>{t('boxes.deskBox')}</th>
            <th>{t('boxes.issued')}</th>
            <th>{t('boxes.deskShare')}</th>
          </tr>
        </thead>
        <tbody>
          {turnout.byDesk.map((d) => {
            const box = turnout.boxes.find((b) => b.box === d.box);
            return (
              <tr key={d.desk} data-desk={d.desk}>
                <td>
                  {d.name} <code className="ui-code">{d.desk}</code>
                </td>
                <td>{box?.boxName ?? d.box}</td>
                <td data-testid="desk-issued">{d.issued}</td>
                <td>{percent(d.issued, box?.issued ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
