import type { Problem, ProblemCode } from '../record';

/** People-facing problem messages: Chinese, then English. */
export function makeProblem(code: ProblemCode, detail?: { zh: string; en: string }): Problem {
  const base = MESSAGES[code];
  const zh = detail ? `${base.zh}：${detail.zh}` : base.zh;
  const en = detail ? `${base.en}: ${detail.en}` : base.en;
  return { code, severity: base.severity, message: `${zh} / ${en}` };
}

const MESSAGES: Readonly<Record<ProblemCode, { severity: Problem['severity']; zh: string; en: string }>> = {
  'turnout-not-majority': {
    severity: 'void',
    zh: '参加投票人数未过登记选民半数',
    en: 'turnout not more than half of registered',
  },
  'attendance-below-four-fifths': {
    severity: 'void',
    zh: '到会人数未达规定的五分之四',
    en: 'attendance below the required four fifths of those who should attend',
  },
  'ballots-exceed-participants': {
    severity: 'void',
    zh: '收回选票多于参加投票人数',
    en: 'more ballots cast than participants',
  },
  'insufficient-candidate-margin': {
    severity: 'warning',
    zh: '候选人差额不足',
    en: 'fewer candidates than the margin rule asks',
  },
  'no-woman-elected': {
    severity: 'warning',
    zh: '当选人中没有女性',
    en: 'no woman elected',
  },
};
