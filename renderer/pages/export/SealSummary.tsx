import { useT, useWhen } from '../../app/i18n';
import type { SealSummaryView } from '../../../shared/api/seal';
import { roundLabel } from '../rounds';
import { MissingSignoffs } from './MissingSignoffs';

/** Groups of four upper-case hex digits, as printed on the tally sheet. */
export function grouped(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** What a verified sealed file holds: station fingerprint, audit head, and per round validity and who was elected. */
export function SealSummary({ summary, titles }: { summary: SealSummaryView; titles?: ReadonlyMap<string, string> }) {
  const t = useT();
  const when = useWhen();
  return (
    <div data-testid="seal-summary">
      <p>
        {t('export.summary.title', { title: summary.electionTitle })} · {t('export.summary.sealedAt', { at: when.dateTime(summary.sealedAt) })}
      </p>
      <p>
        {t('export.fingerprint')}{t('b.sep.label')}<strong className="ui-mono" data-testid="summary-fingerprint">{summary.fingerprint.short}</strong>
      </p>
      <p data-testid="summary-sequence">
        {t('export.summary.sequence', { n: summary.sequence })}
        {' · '}
        {summary.supersedes === null ? (
          t('export.summary.first')
        ) : (
          <>
            {t('export.summary.supersedes')}{t('b.sep.label')}<span className="ui-mono" data-testid="summary-supersedes">{grouped(summary.supersedes)}</span>
          </>
        )}
      </p>
      {summary.override === null ? (
        <p className="ui-text-good" data-testid="summary-signoffs-complete">
          {t('export.summary.complete')}
        </p>
      ) : (
        <div className="ui-card ui-card-bad" data-testid="summary-override">
          <strong>{t('export.summary.override', { names: summary.override.approvers.join('、'), reason: summary.override.reason })}</strong>
          <div>{t('export.summary.missing')}{t('b.sep.label')}</div>
          <MissingSignoffs missing={summary.override.missing} />
        </div>
      )}
      <p>
        {t('export.summary.auditHead', { n: summary.auditHead.count })}{t('b.sep.label')}<span className="ui-mono" data-testid="summary-audit-head">{grouped(summary.auditHead.hash)}</span>
      </p>
      <table className="ui-table ui-table-rows">
        <thead>
          <tr>
            <th>{t('export.summary.round')}</th>
            <th>{t('export.summary.valid')}</th>
            <th>{t('export.summary.ballots')}</th>
            <th>{t('export.summary.elected')}</th>
            <th>{t('export.summary.signoffs')}</th>
            <th>{t('export.summary.paperCheck')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.rounds.map((r) => (
            <tr key={r.number} data-testid={`summary-round-${r.number}`}>
              <td>{roundLabel(t, r)}</td>
              <td>{r.valid ? t('results.valid') : t('results.invalid')}</td>
              <td className="ui-num">{r.ballots}</td>
              <td>
                {r.elected.map((e) => (
                  <div key={e.office}>
                    {titles?.get(e.office) ?? e.office}{t('b.sep.label')}{e.names.join(t('b.sep.list')) || '—'}
                    {e.vacant > 0 && ` (${t('results.vacant', { n: e.vacant })})`}
                  </div>
                ))}
              </td>
              <td className="ui-num">
                {r.signoffs}
                {r.revokedSignoffs > 0 && <small> {t('export.summary.revoked', { n: r.revokedSignoffs })}</small>}
              </td>
              <td className="ui-mono" data-testid={`summary-paper-${r.number}`}>
                <div>
                  {t('export.summary.resultHash')}{t('b.sep.label')}{grouped(r.resultHash)}
                </div>
                <div>
                  {t('export.summary.signedHead')}{t('b.sep.label')}
                  {r.signedHead === null ? t('export.summary.noSignedHead') : `${t('export.summary.entries', { n: r.signedHead.count })} ${grouped(r.signedHead.hash)}`}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
