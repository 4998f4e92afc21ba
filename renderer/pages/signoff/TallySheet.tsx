import type { z } from 'zod';
import { useT } from '../../app/i18n';
import type { tallySheetView } from '../../../shared/api/results';
import { translator } from '../../../shared/i18n';
import { ruleNoticeIn } from '../rules-message';
import { formatDate, formatDateTime } from '../../../shared/domain/when';
import { SheetQrCode } from './SheetQrCode';

export type TallySheetData = z.infer<typeof tallySheetView>;

/** Groups of four hex digits, so a person can compare a printed hash with the screen. */
function grouped(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** The sheet is the legal paper, always in Chinese: its times too. */
function dateTime(iso: string): string {
  return formatDateTime(iso, 'zh-CN');
}

/**
 * 选举结果报告单: the printed tally sheet of a round, always in Chinese (it is the legal paper), on A4. States every
 * DOMAIN.md §8 field, the station key fingerprint and the audit head hash, and a signature line for every official.
 */
export function TallySheet({ sheet, className = '' }: { sheet: TallySheetData; className?: string }) {
  const t = translator('zh-CN');
  const screenT = useT();
  const titles = new Map(sheet.offices.map((o) => [o.office, o.title]));
  const c = sheet.counts;
  return (
    <article className={`signoff-sheet ${className}`} lang="zh-CN" aria-label={screenT('signoff.sheet.aria')} data-testid="tally-sheet">
      {sheet.election.drill && <div className="signoff-sheet-drill">{t('signoff.sheet.drillMark')}</div>}
      {/* One cell under a header row: printed over several pages, the browser repeats the header on each. */}
      <table className="signoff-sheet-pages">
        <thead className="signoff-sheet-running">
          <tr>
            <td>
              {t('signoff.sheet.title')} · {sheet.election.title} · {t('signoff.sheet.runningRound', { round: sheet.round.number })}
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
      <h1 className="signoff-sheet-title">{t('signoff.sheet.title')}</h1>
      <p className="signoff-sheet-sub">
        {sheet.election.title}
        <br />
        {t('signoff.sheet.sub', {
          community: sheet.election.community,
          date: formatDate(sheet.election.date, 'zh-CN'),
          round: sheet.round.number,
          kind: t(`b.roundKind.${sheet.round.kind}`),
          body: t(`signoff.body.${sheet.election.body}`),
          method: t(`signoff.method.${sheet.election.method}`),
        })}
      </p>

      <table className="signoff-sheet-table signoff-sheet-counts">
        <tbody>
          <tr>
            <th>{t('signoff.sheet.registered')}</th>
            <td data-testid="sheet-registered">{c.registered}</td>
            <th>{t('signoff.sheet.participants')}</th>
            <td>{c.participants}</td>
            <th>{t('signoff.sheet.issued')}</th>
            <td>{c.ballotsIssued}</td>
          </tr>
          <tr>
            <th>{t('signoff.sheet.collected')}</th>
            <td>{c.collected}</td>
            <th>{t('signoff.sheet.valid')}</th>
            <td>{c.valid}</td>
            <th>{t('signoff.sheet.void')}</th>
            <td>{c.void}</td>
          </tr>
          <tr>
            <th>{t('signoff.sheet.spoiled')}</th>
            <td>{c.spoiled}</td>
            <th>{t('signoff.sheet.validity')}</th>
            <td colSpan={3}>
              <strong>{sheet.valid ? t('signoff.sheet.roundValid') : t('signoff.sheet.roundInvalid')}</strong>
              {sheet.problems.map((p) => (
                <div key={p.code + p.message}>
                  {p.severity === 'void' ? t('results.problemVoid') : t('results.problemWarning')}：{ruleNoticeIn(p, 'zh-CN')}
                </div>
              ))}
            </td>
          </tr>
        </tbody>
      </table>

      {sheet.boxes.length > 0 && (
        <table className="signoff-sheet-table">
          <thead>
            <tr>
              <th>{t('signoff.sheet.box')}</th>
              <th>{t('signoff.sheet.boxIssued')}</th>
              <th>{t('signoff.sheet.boxFound')}</th>
              <th>{t('signoff.sheet.boxDiff')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.boxes.map((b) => (
              <tr key={b.box}>
                <td>{b.name}</td>
                <td>{b.issued}</td>
                <td>{b.found ?? '—'}</td>
                <td>{b.difference ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {sheet.offices.map((o) => (
        <section key={o.office} className="signoff-sheet-office">
          <h2>
            {o.title}（{t('results.seats', { seats: o.seats })}，{t('results.threshold', { threshold: o.threshold })}
            {o.voidSections > 0 ? `，${t('results.voidSections', { n: o.voidSections })}` : ''}）
          </h2>
          <table className="signoff-sheet-table">
            <thead>
              <tr>
                <th>{t('results.col.name')}</th>
                <th>{t('results.col.for')}</th>
                <th>{t('results.col.against')}</th>
                <th>{t('results.col.abstain')}</th>
                <th>{t('results.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {o.results.map((p) => (
                <tr key={p.name}>
                  <td>
                    {p.name}
                    {p.candidate === undefined ? `（${t('counting.tally.writeIn')}）` : ''}
                  </td>
                  <td>{p.for}</td>
                  <td>{p.candidate === undefined ? '—' : p.against}</td>
                  <td>{p.candidate === undefined ? '—' : p.abstain}</td>
                  <td>{t(`results.status.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="signoff-sheet-elected" data-testid={`sheet-elected-${o.office}`}>
            {o.elected.length > 0 ? t('results.electedList', { names: o.elected.join('、') }) : t('results.noneElected')}
            {o.vacant > 0 ? `；${t('results.vacant', { n: o.vacant })}` : ''}
          </p>
        </section>
      ))}

      {sheet.acting && <p>{t('results.acting', { name: sheet.acting.name, office: titles.get(sheet.acting.office) ?? sheet.acting.office })}</p>}
      <p>
        <strong>{t('signoff.sheet.nextSteps')}：</strong>
        {sheet.nextSteps.length === 0
          ? sheet.valid
            ? t('results.next.none')
            : t('results.next.invalidRound')
          : sheet.nextSteps
              .map(
                (s) =>
                  `${t(`b.roundKind.${s.kind}`)}（${titles.get(s.office) ?? s.office}，${t('results.next.seats', { seats: s.seats, names: s.names.join('、') })}，${s.required ? t('results.next.required') : t('results.next.optional')}）`,
              )
              .join('；')}
      </p>

      {/* The hashes and the signatures stay together, on the results' page when they fit there, else on the next. */}
      <section className="signoff-sheet-closing">
      <table className="signoff-sheet-table signoff-sheet-proof">
        <tbody>
          <tr>
            <th>{t('signoff.sheet.fingerprint')}</th>
            <td className="ui-mono" data-testid="sheet-fingerprint">
              {sheet.station.fingerprintShort}
              <br />
              <small>{grouped(sheet.station.fingerprint)}</small>
            </td>
            <td rowSpan={3} className="signoff-sheet-qr-cell">
              <SheetQrCode
                qr={{ fingerprint: sheet.station.fingerprint, round: sheet.round.number, resultHash: sheet.resultHash, signedHead: sheet.signedHead }}
                label={t('signoff.sheet.qr')}
              />
              <div className="signoff-sheet-small">{t('signoff.sheet.qr')}</div>
            </td>
          </tr>
          <tr>
            <th>{t('signoff.sheet.signedHead')}</th>
            <td className="ui-mono" data-testid="sheet-audit-head">
              {sheet.signedHead === null
                ? t('signoff.sheet.noSignatureYet')
                : `${t('signoff.sheet.auditCount', { n: sheet.signedHead.count })} ${grouped(sheet.signedHead.hash)}`}
            </td>
          </tr>
          <tr>
            <th>{t('signoff.sheet.resultHash')}</th>
            <td className="ui-mono">{grouped(sheet.resultHash)}</td>
          </tr>
        </tbody>
      </table>

      <h2>{t('signoff.sheet.signatures')}</h2>
      <table className="signoff-sheet-table signoff-sheet-signatures">
        <thead>
          <tr>
            <th>{t('signoff.sheet.role')}</th>
            <th>{t('signoff.sheet.name')}</th>
            <th>{t('signoff.sheet.onScreen')}</th>
            <th>{t('signoff.sheet.handSign')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.officials.map((o) => (
            <tr key={`${o.person}-${o.role}`}>
              <td>{o.roleName.zh}</td>
              <td>{o.name}</td>
              <td>{o.signed ? `${t('signoff.sheet.signedAt', { at: dateTime(o.signed.at) })}${o.signed.current ? '' : t('signoff.sheet.stale')}` : t('signoff.sheet.notSigned')}</td>
              <td className="signoff-sign-line" />
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.revokedSignoffs.length > 0 && (
        <p className="signoff-sheet-small">
          {t('signoff.sheet.revoked')}：
          {sheet.revokedSignoffs.map((r) => `${r.name}（${dateTime(r.revokedAt)}，${r.reason}）`).join('；')}
        </p>
      )}
      <p className="signoff-sheet-small">{t('signoff.sheet.generated', { at: dateTime(sheet.generatedAt) })}</p>
      </section>
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
