import { currentCaller, type Caller } from '../authority/caller';
import { refused } from '../context';

/**
 * The signed-in person doing what only a named person may do (enter a sheet, correct, settle, sign). Services
 * called with nobody signed in (the file still being set up, a command without --as) are refused: there is nobody
 * to record.
 */
export function actingPerson(what: { zh: string; en: string }): Caller {
  const caller = currentCaller();
  if (!caller) {
    throw refused(`请先登录：${what.zh}须记录由谁进行`, `sign in first: ${what.en} records who does it`, { reason: 'sign-in-required' });
  }
  return caller;
}
