import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorNote, Field, Loading, useLoad } from '../../ui';
import { AnnouncementPaper, ElectionCertificates } from './AnnouncementPapers';
import { PrintBar } from './PrintBar';

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

type Paper = 'announcement' | 'certificates';

/** After the vote: the results announcement (选举结果公告) and the certificates of election (当选证书), printed on A4. */
export function AnnouncementScreen() {
  const t = useT();
  const when = useWhen();
  const api = useApi();
  const loaded = useLoad(() => api.call('resultAnnouncement', {}), [api]);
  const [postedOn, setPostedOn] = useState(today);
  const [paper, setPaper] = useState<Paper>('announcement');
  const view = loaded.data;
  if (loaded.loading && !view) return <Loading />;
  const elected = view ? view.offices.reduce((n, o) => n + o.elected.length, 0) : 0;
  const drill = view?.election.drill ? '-演练' : '';
  return (
    <section className="ui-screen" data-testid="announcement-screen">
      <div className="ui-head ui-no-print">
        <h2>{t('announce.title')}</h2>
        <a href={hrefFor('signoff')}>{t('announce.back')}</a>
      </div>
      <div className="ui-no-print">
        <ErrorNote error={loaded.error} testId="announcement-error" />
        <p className="ui-muted">{t('announce.explain')}</p>
      </div>
      {view && view.rounds.length === 0 && <p className="ui-lead">{t('announce.nothing')}</p>}
      {view && view.rounds.length > 0 && (
        <>
          <div className="signoff-grid ui-no-print">
            <div className="ui-card">
              {view.outstanding > 0 && (
                <p className="ui-text-warn" data-testid="announcement-not-final">
                  {t('announce.notFinal', { n: view.outstanding })}
                </p>
              )}
              {/* The browser draws the date field in its own locale (not the page's lang); the date is also said in the screen's language. */}
              <Field label={t('announce.postedOn')} hint={when.date(postedOn)}>
                <input type="date" value={postedOn} required onChange={(e) => setPostedOn(e.target.value || today())} data-testid="announce-posted-on" />
              </Field>
              <fieldset className="ui-fieldset">
                <legend>{t('announce.show')}</legend>
                {(['announcement', 'certificates'] as const).map((p) => (
                  <label key={p}>
                    <input type="radio" name="paper" checked={paper === p} onChange={() => setPaper(p)} /> {t(`announce.show.${p}`)}
                  </label>
                ))}
              </fieldset>
              {paper === 'certificates' && (
                <p className="ui-muted" data-testid="certificate-count">
                  {elected === 0 ? t('announce.noneElected') : t('announce.certCount', { n: elected })}
                </p>
              )}
            </div>
            <PrintBar
              fileName={paper === 'announcement' ? `选举结果公告${drill}.pdf` : `当选证书${drill}.pdf`}
              title={t('announce.print.title')}
              explain={t('announce.print.explain')}
            />
          </div>
          <div className="signoff-sheet-frame">
            {paper === 'announcement' ? <AnnouncementPaper view={view} postedOn={postedOn} /> : <ElectionCertificates view={view} postedOn={postedOn} />}
          </div>
        </>
      )}
    </section>
  );
}
