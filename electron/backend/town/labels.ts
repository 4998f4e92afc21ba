import type { BoardRow, OwedItem } from './board';

/** Board words as the CLI and the reports print them: Chinese, then English. */
export const BODY_NAMES: Record<string, string> = { residents: '居委会 residents', party: '党组织 party', supervisory: '监委会 supervisory' };
export const OWED_NAMES: Record<OwedItem['kind'], string> = {
  rerun: '重新选举 re-run the election',
  'tie-revote': '再次投票 tie re-vote',
  supplementary: '另行选举 supplementary election',
  'no-woman': '无女性成员 no woman elected',
};

export const SIGNOFF_NAMES: Record<NonNullable<BoardRow['signoffs']>, string> = {
  complete: '齐全 complete',
  overridden: '不全，委员会决定 OVERRIDDEN',
  unsigned: '有轮次无人签字 UNSIGNED round(s)',
};

/** One thing owed, in one line. */
export function owedText(o: OwedItem): string {
  const where = o.officeTitle === null ? '' : ` ${o.officeTitle}`;
  const seats = o.seats > 0 && o.kind !== 'rerun' ? ` ${o.seats} 席 seat(s)` : '';
  const names = o.names.length > 0 ? ` (${o.names.join('、')})` : '';
  return `${OWED_NAMES[o.kind]}${where}${seats}${names} 截止 by ${o.due}`;
}
