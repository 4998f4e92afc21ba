import { useT } from '../../app/i18n';
import { TallyMarks } from '../../widgets/TallyMarks';
import type { RunningTally } from '../../../shared/rules/running-tally';

/** Groups of 正 drawn per person (the latest ones); a box of thousands says the rest in words. */
const DRAWN_GROUPS = { normal: 10, large: 30 } as const;

/** The running tally per office and person: 正 marks and the number, write-in persons after the listed ones. */
export function TallyBoard({ tally, size }: { tally: RunningTally; size: 'normal' | 'large' }) {
  const t = useT();
  return (
    <div className={`counting-tally-board counting-tally-${size}`} data-testid={`tally-board-${size}`}>
      <p className="counting-tally-summary" data-testid="tally-summary">
        {t('counting.tally.summary', { ballots: tally.ballots, void: tally.voidBallots })}
        {tally.pendingDoubtful > 0 && <strong className="ui-text-warn"> · {t('counting.tally.pending', { n: tally.pendingDoubtful })}</strong>}
      </p>
      {tally.offices.map((o) => (
        <section key={o.id} className="counting-tally-office" data-testid={`tally-${o.id}`}>
          <h4>
            {o.title} <small>{t('results.seats', { seats: o.seats })}</small>
            {o.voidSections > 0 && <small className="ui-text-warn"> · {t('counting.tally.voidSections', { n: o.voidSections })}</small>}
          </h4>
          {o.persons.map((p) => (
            <div key={p.name} className="counting-tally-row" data-testid={`tally-row-${p.name}`} data-for={p.for}>
              <TallyMarks count={p.for} label={p.listed ? p.name : `${p.name}${t('b.paren', { text: t('counting.tally.writeIn') })}`} size={size} maxGroups={DRAWN_GROUPS[size]} />
              {p.against > 0 && <span className="ui-muted counting-against">{t('counting.tally.against', { n: p.against })}</span>}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
