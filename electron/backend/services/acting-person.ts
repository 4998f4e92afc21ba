import { currentCaller, type Caller } from '../authority/caller';
import { refused, says } from '../context';

/**
 * The signed-in person doing what only a named person may do (enter a sheet, correct, settle, sign). Services
 * called with nobody signed in (the file still being set up, a command without --as) are refused: there is nobody
 * to record.
 */
export function actingPerson(what: { zh: string; en: string }): Caller {
  const caller = currentCaller();
  if (!caller) {
    throw refused(says('error.people.signFirstRecordsWho', { what }), { reason: 'sign-in-required' });
  }
  return caller;
}
