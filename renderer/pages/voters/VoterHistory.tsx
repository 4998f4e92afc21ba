import type { VoterHistoryEvent } from '../../../shared/api/issuance';
import { CATEGORY_IDS, type RegistrationCategory } from '../../../shared/domain/roll';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import { ErrorNote, Loading, useLoad } from '../../ui';
import { usePlaceName } from '../../widgets/VoterSearch';

/** One voter's record, oldest first: the roll, proxies, reassignments, ballots issued (never what a ballot says). */
export function VoterHistory({ certificate, reloadKey }: { certificate: string; reloadKey: number }) {
  const api = useApi();
  const { t, lang } = useLang();
  const placeName = usePlaceName();
  const history = useLoad(() => api.call('voterHistory', { certificate }), [api, certificate, reloadKey]);
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime())
      ? iso
      : new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
  };
  const categoryName = (id: string) => ((CATEGORY_IDS as readonly string[]).includes(id) ? t(`roll.cat.${id as RegistrationCategory}`) : id);
  const line = (e: VoterHistoryEvent): string => {
    switch (e.kind) {
      case 'registered':
        return t('voters.h.registered', { file: e.fileName ?? '—', line: e.line });
      case 'reassigned':
        return t('voters.h.reassigned', { from: placeName(e.from), to: placeName(e.to), by: e.decidedBy ?? '—', reason: e.reason });
      case 'proxy-given':
        return t('voters.h.proxyGiven', { name: e.trustee.name, group: e.trustee.group, by: e.approvedBy || '—' });
      case 'proxy-revoked':
        return t('voters.h.proxyRevoked', { name: e.trustee.name, reason: e.reason });
      case 'proxy-held':
        return t('voters.h.proxyHeld', { name: e.voter.name, group: e.voter.group }) + (e.revokedAt ? t('voters.h.revoked') : '');
      case 'added':
      case 'removed':
      case 'reinstated':
      case 'corrected': {
        const by = e.decidedBy.length > 0 ? t('voters.h.by', { names: e.decidedBy.join(lang === 'en' ? ', ' : '、') }) : '';
        const objection = e.objection === null ? '' : t('voters.h.objection', { id: e.objection });
        // An objection's removal says so in the prefix; a removal without a note stores its code as the reason.
        const removal = e.removal === null || e.objection !== null ? '' : t(`roll.reason.${e.removal}`);
        const note = e.reason === e.removal ? '' : e.reason;
        const reason = objection + [removal, note].filter(Boolean).join(lang === 'en' ? ': ' : '：');
        if (e.kind === 'added') return t('voters.h.added', { reason }) + by;
        if (e.kind === 'removed') return t('voters.h.removed', { reason }) + by;
        if (e.kind === 'reinstated') return t('voters.h.reinstated', { reason }) + by;
        return t('voters.h.corrected', { fields: changedFields(e.before, e.after, categoryName), reason }) + by;
      }
      case 'issued':
        return [
          t('voters.h.issued', { round: e.round, venue: e.venueName, box: e.boxName, desk: e.desk }),
          ...(e.trustee ? [t('voters.h.byTrustee', { name: e.trustee.name })] : []),
          ...(e.assistedBy ? [t('voters.h.assisted', { name: e.assistedBy })] : []),
        ].join(lang === 'en' ? '; ' : '；');
    }
  };
  if (!history.data) return history.loading ? <Loading /> : <ErrorNote error={history.error} />;
  const { voter, events } = history.data;
  return (
    <section className="ui-card voters-history" data-testid="voter-history" aria-live="polite">
      <h3>{t('voters.history', { name: voter.name, group: voter.group })}</h3>
      <p>{t('voters.certificate', { certificate: voter.certificate, place: placeName(voter.assignment) })}</p>
      {voter.removedAt && (
        <p className="ui-text-warn" data-testid="voter-removed">
          {t('voters.removedNote', { date: voter.removedAt.slice(0, 10) })}
        </p>
      )}
      <ol className="voters-events">
        {events.map((e, i) => (
          <li key={i} data-kind={e.kind}>
            <time dateTime={e.at} className="ui-muted">
              {when(e.at)}
            </time>{' '}
            {line(e)}
          </li>
        ))}
      </ol>
      {!events.some((e) => e.kind === 'issued') && <p className="ui-muted">{t('voters.h.notIssued')}</p>}
      <p className="ui-muted voters-note">{t('voters.h.spoiledNote')}</p>
    </section>
  );
}

/** "old → new" for each field a correction changed (categories by their name on screen). */
function changedFields(
  before: Record<string, string | null> | null,
  after: Record<string, string | null> | null,
  categoryName: (id: string) => string,
): string {
  if (!before || !after) return '';
  const shown = (k: string, v: string | null | undefined) => (v == null ? '—' : k === 'category' ? categoryName(v) : v);
  return Object.keys(after)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${shown(k, before[k])} → ${shown(k, after[k])}`)
    .join('; ');
}
