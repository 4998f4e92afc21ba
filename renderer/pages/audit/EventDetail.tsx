import { useLang, useWhen } from '../../app/i18n';
import type { AuditEventView } from './AuditScreen';
import { subjectText } from './subject-text';

/** One audit record in full: what the list row shortens, its details and the two hashes linking it into the chain. */
export function EventDetail({ event: e, meaning }: { event: AuditEventView; meaning: string }) {
  const { t } = useLang();
  const when = useWhen();
  const details = Object.entries(e.detail);
  return (
    <div className="audit-detail" data-testid="audit-detail">
      <h3>{t('audit.event', { seq: e.seq })}</h3>
      <dl>
        <dt>{t('audit.col.what')}</dt>
        <dd>{meaning}</dd>
        <dt>{t('audit.col.at')}</dt>
        <dd>{when.dateTime(e.at)}</dd>
        <dt>{t('audit.col.actor')}</dt>
        <dd>{e.actor ?? t('audit.none')}</dd>
        <dt>{t('audit.outcome')}</dt>
        <dd>{e.outcome === 'refused' ? t('audit.outcomeRefused') : t('audit.outcomeOk')}</dd>
        <dt>{t('audit.col.subject')}</dt>
        <dd>
          {subjectText(t, e)}
          {e.about && e.subject !== null && <code className="audit-subject-ref"> {e.subject}</code>}
        </dd>
        <dt>{t('audit.type')}</dt>
        <dd className="ui-mono">{e.type}</dd>
        <dt>{t('audit.detail')}</dt>
        <dd>
          {details.length === 0 ? (
            t('audit.noDetail')
          ) : (
            <ul className="audit-detail-list">
              {details.map(([k, v]) => (
                <li key={k}>
                  <span className="ui-mono">{k}</span>: {typeof v === 'string' ? v : JSON.stringify(v)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('audit.prevHash')}</dt>
        <dd className="ui-mono">{e.prevHash}</dd>
        <dt>{t('audit.hash')}</dt>
        <dd className="ui-mono">{e.hash}</dd>
      </dl>
    </div>
  );
}
