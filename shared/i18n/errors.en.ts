import type { errorsZhCN } from './errors.zh-CN';

export const errorsEn: Record<keyof typeof errorsZhCN, string> = {
  'error.internal': 'Something went wrong; the details are in the log. Try again, and if it still fails, ask for technical support.',
  'error.badInput': 'The input is not accepted; check it and try again.',
  'error.session.ended': 'your session has ended (signed out, idle too long or the app restarted); sign in again',
  'error.session.signIn': 'sign in first',
  'error.custody.sealNumbers': 'sealing a box needs its seal numbers',
  'error.custody.carriers': 'name who carries the box',
  'error.custody.intact': 'say whether the seals are intact',
  'error.custody.sealsFound': 'list the seal numbers found',
  'error.failed': 'The action could not be done; try again.',
  'rules.problem.turnout-not-majority': 'turnout not more than half of registered',
  'rules.problem.attendance-below-four-fifths': 'attendance below the required four fifths of those who should attend',
  'rules.problem.ballots-exceed-participants': 'more ballots cast than participants',
  'rules.problem.insufficient-candidate-margin': 'fewer candidates than the margin rule asks',
  'rules.problem.no-woman-elected': 'no woman elected',
  'rules.problem.no-woman-candidate': 'no woman among the candidates',
  'rules.problem.unknown': 'An election rule notice: the committee should check this round’s result',
  // slips (issue 10): the A4 package, return and takeover slips
  'error.slips.noPackage': 'no package was written for {station} yet: there is no package slip to print',
  'error.slips.notStation': 'this is not a station laptop (no station package was opened here): there is no return or takeover slip',
  'error.slips.noReturn': 'this laptop has written no return yet: there is no return slip to print',
  'error.slips.noTakeover': 'this laptop took over no station: there is no takeover slip to print',
};
