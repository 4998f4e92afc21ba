import { memo } from 'react';
import { useT } from '../app/i18n';

/**
 * The strokes of 正 in writing order, in a 100×100 box: 一 top, 丨 middle, short 一 right, short 丨 left, long 一 bottom.
 * A partial group draws only the first strokes, so 1…4 look like 一, 丅, 下-like, 止-like shapes, exactly as counters
 * write them on the board.
 */
const STROKES: readonly [number, number, number, number][] = [
  [18, 14, 82, 14],
  [50, 14, 50, 86],
  [50, 48, 78, 48],
  [24, 46, 24, 86],
  [8, 86, 92, 86],
];

export function tallyGroups(count: number): number[] {
  const n = Math.max(0, Math.floor(count));
  const groups: number[] = Array.from({ length: Math.floor(n / 5) }, () => 5);
  if (n % 5 > 0) groups.push(n % 5);
  return groups;
}

export const TallyGroup = memo(function TallyGroup({ strokes, title }: { strokes: number; title: string }) {
  return (
    <svg className="tally-group" viewBox="0 0 100 100" role="img" aria-label={title} data-strokes={strokes}>
      {STROKES.slice(0, strokes).map(([x1, y1, x2, y2], i) => (
        <line key={i} x1={x1} y1={y1} x2={x2} y2={y2} className="tally-stroke" />
      ))}
    </svg>
  );
});

export interface TallyMarksProps {
  count: number;
  /** Shown before the marks, e.g. the candidate's name. */
  label?: string;
  /** Larger strokes for the public screen. */
  size?: 'normal' | 'large';
  /** Draw at most this many groups (the latest ones), the earlier ones said in words: thousands of votes stay light. */
  maxGroups?: number;
}

/** A count as groups of 正 (five strokes each) plus the number; screen readers hear the number. */
export function TallyMarks({ count, label, size = 'normal', maxGroups }: TallyMarksProps) {
  const t = useT();
  const n = Math.max(0, Math.floor(count));
  const all = Math.ceil(n / 5);
  const hidden = maxGroups !== undefined ? Math.max(0, all - maxGroups) : 0;
  // Only the groups drawn are made: the earlier ones are full groups of five.
  const groups = tallyGroups(n - hidden * 5);
  return (
    <div className={`tally tally-${size}`} data-count={count} role="group" aria-label={label ? `${label}: ${t('tally.label', { count })}` : t('tally.label', { count })}>
      {label && <span className="tally-name">{label}</span>}
      <span className="tally-number" data-testid="tally-number">
        {t('tally.votes', { count })}
      </span>
      <span className="tally-marks" aria-hidden="true">
        {hidden > 0 && <span className="tally-more">{t('tally.moreGroups', { groups: hidden })}</span>}
        {groups.map((strokes, i) => (
          <TallyGroup key={hidden + i} strokes={strokes} title={t('tally.group', { strokes })} />
        ))}
      </span>
    </div>
  );
}
