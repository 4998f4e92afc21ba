import type { AnnouncementView } from '../../../shared/api/announcement';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/domain/when';

const zh = translator('zh-CN');
const paperDate = (isoDate: string): string => formatDate(isoDate, 'zh-CN');

function Issuer({ view, postedOn }: { view: AnnouncementView; postedOn: string }) {
  return (
    <div className="signoff-paper-issuer">
      <p>{zh('announce.paper.issuer', { community: view.election.community })}</p>
      <p>{zh('announce.paper.date', { date: paperDate(postedOn) })}</p>
      <p className="signoff-paper-seal">{zh('announce.paper.seal')}</p>
    </div>
  );
}

/** 选举结果公告: one A4 page, always in Chinese, from the stored results; it names the result hashes it was made from. */
export function AnnouncementPaper({ view, postedOn }: { view: AnnouncementView; postedOn: string }) {
  const body = zh(`signoff.body.${view.election.body}`);
  return (
    <article className="signoff-sheet signoff-paper" lang="zh-CN" data-testid="announcement-paper">
      {view.election.drill && <div className="signoff-sheet-drill">{zh('announce.paper.drill')}</div>}
      <h1 className="signoff-sheet-title">{zh('announce.paper.title')}</h1>
      <p className="signoff-paper-lead">
        {zh('announce.paper.lead', { community: view.election.community, date: paperDate(view.election.date), body })}
      </p>
      {view.rounds.map((r) => (
        <p key={r.number}>
          {zh('announce.paper.round', {
            round: r.number,
            kind: zh(`b.roundKind.${r.kind}`),
            registered: r.registered,
            participants: r.participants,
            valid: zh(r.valid ? 'announce.paper.roundValid' : 'announce.paper.roundInvalid'),
          })}
        </p>
      ))}
      {view.offices.map((o) => (
        <section key={o.office} className="signoff-paper-office">
          <h2>{zh('announce.paper.office', { title: o.title, seats: o.seats })}</h2>
          <p className="signoff-sheet-elected">
            {o.elected.map((p, i) => (
              <span key={`${p.name}-${p.round}`}>
                {i > 0 && '、'}
                {zh('announce.paper.person', { name: p.name, votes: p.votes })}
                {p.round > 1 && zh('announce.paper.laterRound', { round: p.round })}
              </span>
            ))}
            {o.vacant > 0 && <span>{o.elected.length > 0 ? '；' : ''}{zh('announce.paper.vacant', { n: o.vacant })}</span>}
          </p>
        </section>
      ))}
      {view.acting && <p>{zh('announce.paper.acting', { name: view.acting.name })}</p>}
      {view.outstanding > 0 && <p>{zh('announce.paper.notFinal')}</p>}
      <Issuer view={view} postedOn={postedOn} />
      <p className="signoff-sheet-small signoff-paper-hashes">
        {zh('announce.paper.hashes', { list: view.rounds.map((r) => `#${r.number} ${r.resultHash.slice(0, 16)}`).join('；') })}
      </p>
    </article>
  );
}

/** 当选证书: one A4 page per elected person, numbered in office rank order, always in Chinese. */
export function ElectionCertificates({ view, postedOn }: { view: AnnouncementView; postedOn: string }) {
  const body = zh(`signoff.body.${view.election.body}`);
  const people = view.offices.flatMap((o) => o.elected.map((p) => ({ ...p, office: o.title })));
  return (
    <>
      {people.map((p, i) => (
        <article key={`${p.office}-${p.name}`} className="signoff-sheet signoff-paper signoff-certificate" lang="zh-CN" data-testid="election-certificate">
          {view.election.drill && <div className="signoff-sheet-drill">{zh('announce.paper.drill')}</div>}
          <h1 className="signoff-sheet-title signoff-certificate-title">{zh('announce.cert.title')}</h1>
          <p className="signoff-certificate-to">{zh('announce.cert.to', { name: p.name })}</p>
          <p className="signoff-certificate-body">
            {zh('announce.cert.body', { date: paperDate(view.election.date), community: view.election.community, body, office: p.office })}
          </p>
          <p className="signoff-certificate-body">{zh('announce.cert.closing')}</p>
          <Issuer view={view} postedOn={postedOn} />
          <p className="signoff-sheet-small">{zh('announce.cert.number', { number: String(i + 1).padStart(3, '0') })}</p>
        </article>
      ))}
    </>
  );
}
