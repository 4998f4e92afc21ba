import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { ErrorNote, useLoad } from '../../ui';

/** The "before the vote" timeline: each step's legal date counted from the election day, and whether it is done. */
export function VoteTimeline({ reloadKey }: { reloadKey?: unknown }) {
  const api = useApi();
  const t = useT();
  const when = useWhen();
  const timeline = useLoad(() => api.call('voteTimeline', {}), [api, reloadKey]);
  const data = timeline.data;
  if (!data) return <ErrorNote error={timeline.error} />;
  const note = (step: string) => {
    if (step === 'roll-published' && data.publishedOn) return t('edits.timeline.publishedOn', { date: when.date(data.publishedOn) });
    if (step === 'objections-filed' || step === 'objections-decided') return t('edits.timeline.objections', data.objections);
    return '';
  };
  return (
    <section className="ui-card" data-testid="vote-timeline">
      <h3>{t('edits.timeline.title')}</h3>
      <p className="ui-muted">{t('edits.timeline.explain', { date: when.date(data.electionDate) })}</p>
      <table className="ui-table setup-timeline">
        <thead>
          <tr>
            <th>{t('edits.timeline.step')}</th>
            <th>{t('edits.timeline.due')}</th>
            <th>{t('edits.timeline.state')}</th>
          </tr>
        </thead>
        <tbody>
          {data.steps.map((s) => (
            <tr key={s.step} data-step={s.step} data-done={s.done} data-late={s.late}>
              <td>{t(`edits.timeline.${s.step}`)}</td>
              <td>{when.date(s.due)}</td>
              <td className={s.late ? 'ui-text-bad' : s.done ? 'ui-text-good' : 'ui-muted'}>
                {t(s.late ? 'edits.timeline.late' : s.done ? 'edits.timeline.done' : 'edits.timeline.open')}
                {note(s.step) && <span className="ui-muted"> · {note(s.step)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
