import { useT } from '../../app/i18n';
import type { OfficeResult } from '../../../shared/record';

/** One office: seats, threshold, every person's votes and status, elected, vacancies, ties. */
export function OfficeResultCard({ office, title }: { office: OfficeResult; title: string }) {
  const t = useT();
  const tied = office.results.filter((p) => p.status === 'tied');
  return (
    <section className="ui-card results-office" data-testid={`office-${office.office}`}>
      <h3>
        {title} <small>{t('results.seats', { seats: office.seats })}</small>
      </h3>
      <p className="ui-muted">
        {t('results.threshold', { threshold: office.threshold })}
        {office.voidSections > 0 && ` · ${t('results.voidSections', { n: office.voidSections })}`}
      </p>
      <p className="results-elected" data-testid={`elected-${office.office}`}>
        {office.elected.length > 0 ? t('results.electedList', { names: office.elected.join(t('b.sep.list')) }) : t('results.noneElected')}
        {office.vacant > 0 && <strong className="ui-text-warn"> · {t('results.vacant', { n: office.vacant })}</strong>}
      </p>
      {tied.length > 0 && <p className="ui-text-warn">{t('results.tied', { names: tied.map((p) => p.name).join(t('b.sep.list')) })}</p>}
      <table className="ui-table ui-table-rows">
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
          {office.results.map((p) => (
            <tr key={p.name} className={`results-person-${p.status}`}>
              <td>
                {p.name}
                {p.candidate === undefined && <small className="ui-muted">{t('b.paren', { text: t('counting.tally.writeIn') })}</small>}
              </td>
              <td className="ui-num">{p.for}</td>
              <td className="ui-num">{p.candidate === undefined ? '—' : p.against}</td>
              <td className="ui-num">{p.candidate === undefined ? '—' : p.abstain}</td>
              <td>
                {t(`results.status.${p.status}`)}
                {p.status === 'not-elected' && p.for < office.threshold && <small className="ui-muted"> {t('results.belowThreshold')}</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
