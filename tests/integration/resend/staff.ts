import type { BackendContext } from '../../../electron/backend/context';
import { addOfficial, setPin } from '../../../electron/backend/services/people';
import { asPerson, TEST_PIN } from '../../helpers/authority';

/** A desk official at the central venue with a PIN (makeElection's staff has none), added by the committee chair. */
export function addDeskOfficial(ctx: BackendContext, people: Record<string, number>, name = '丁一'): number {
  return asPerson(ctx, people['郭志明']!, () => {
    const desk = addOfficial(ctx, { name, roles: ['desk'], venue: 'central' });
    setPin(ctx, { person: desk.id, pin: TEST_PIN });
    return desk.id;
  });
}
