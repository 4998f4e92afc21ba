import type { BallotContent, BallotMarks } from '../../../shared/api/counting';
import type { EnteredBallot } from '../../widgets/BallotEntry';
import type { Translate } from '../../../shared/i18n';
import type { BallotOfficeView } from './round-ballot';

/** A ballot's content in one line, as a scrutineer reads it back: "主任：○张三 ✕李四 ＋王五；委员：（空白）". */
export function marksText(t: Translate, marks: BallotMarks | undefined, offices: readonly BallotOfficeView[]): string {
  if (!marks) return t('b.ballot.noMarks');
  const parts = offices.map((o) => {
    const m = marks[o.id] ?? {};
    const name = (id: string) => o.candidates.find((c) => c.id === id)?.name ?? id;
    const bits = [
      ...(m.for ?? []).map((id) => `○${name(id)}`),
      ...(m.against ?? []).map((id) => `✕${name(id)}`),
      ...(m.writeIns ?? []).map((n) => `${t('b.ballot.writeInMark')}${n}`),
    ];
    return `${o.title}${t('b.sep.label')}${bits.length ? bits.join(' ') : t('b.ballot.blankSection')}`;
  });
  return parts.join(t('b.sep.section'));
}

export function contentText(t: Translate, content: BallotContent | null, offices: readonly BallotOfficeView[]): string {
  if (content === null) return t('b.ballot.missing');
  if ('void' in content) return t('b.ballot.void', { reason: t(`ballot.void.${content.void}`) });
  if ('doubtful' in content) return `${t('b.ballot.doubtful', { note: content.doubtful.note })} ${marksText(t, content.doubtful.marks, offices)}`;
  return marksText(t, content.marks, offices);
}

/** The backend's shape of what BallotEntry produced (a doubtful ballot needs the note saying why). */
export function toContent(entered: EnteredBallot, note: string): BallotContent {
  if ('void' in entered) return { void: entered.void };
  if ('doubtful' in entered) return { doubtful: { marks: entered.marks, note } };
  return { marks: entered.marks };
}

/**
 * A ballot as its parts for comparing two readings side by side: one part per office for marks (so the sections
 * that differ can be shown), else one part (void, doubtful or missing).
 */
export function contentParts(t: Translate, content: BallotContent | null, offices: readonly BallotOfficeView[]): { key: string; text: string }[] {
  if (content !== null && 'marks' in content) {
    return offices.map((o) => ({ key: o.id, text: marksText(t, { [o.id]: content.marks[o.id] ?? {} }, [o]) }));
  }
  return [{ key: 'whole', text: contentText(t, content, offices) }];
}
