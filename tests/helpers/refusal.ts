import assert from 'node:assert/strict';
import { ApiError } from '../../shared/api/envelope';

/** The ApiError an action is refused with (fails the test when the action goes through or throws anything else). */
export function refusalOf(action: () => unknown): ApiError {
  try {
    action();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  assert.fail('the action was not refused');
}
