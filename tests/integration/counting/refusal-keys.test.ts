import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refusalOf } from '../../helpers/refusal';
import { GENERAL_ERROR_KEY } from '../../../shared/api/error-text';
import { translator, type MessageKey } from '../../../shared/i18n';
import { enterBallot, openBox } from '../../../electron/backend/services/counting';
import { addDesk, exchangeSpoiled } from '../../../electron/backend/services/issuance';
import { addVenue } from '../../../electron/backend/services/setup-venues';
import { reopenCount } from '../../../electron/backend/services/signoff';
import { approvalBy, makeElection, openPoll } from './helpers';

/**
 * The desk, setup, counting and sign-off refusals arrive as string-table keys with parameters, so a screen says them
 * in its own language: the English screen's words have no Han characters, the Chinese ones no English words.
 */


function assertSaidByKey(err: ReturnType<typeof refusalOf>, key: string) {
  assert.ok(err.text, err.message);
  assert.notEqual(err.text.key, GENERAL_ERROR_KEY, err.message);
  assert.equal(err.text.key, key);
  const params = err.text.params as Record<string, string | number> | undefined;
  const en = (translator('en') as (k: MessageKey, p?: Record<string, string | number>) => string)(key as MessageKey, params);
  const zh = (translator('zh-CN') as (k: MessageKey, p?: Record<string, string | number>) => string)(key as MessageKey, params);
  assert.equal(en, err.text.en);
  assert.equal(zh, err.text.zh);
  assert.doesNotMatch(en.replace(/"[^"]*"/g, ''), /\p{Script=Han}/u, en);
  assert.doesNotMatch(zh, /\{[A-Za-z]+\}/, zh);
}

test('desk, setup, counting and sign-off refusals carry their keys and parameters', async () => {
  const { ctx, people } = await makeElection({ voters: 4 });
  assertSaidByKey(refusalOf(() => addDesk(ctx, { id: 'D9', name: '九号', box: 'NOPE' })), 'error.desk.noBox');
  assertSaidByKey(refusalOf(() => exchangeSpoiled(ctx, { round: 1, desk: 'C1' })), 'error.desk.exchangeBoxNotVoting');
  assertSaidByKey(refusalOf(() => addVenue(ctx, { id: 'central', name: '又一个', kind: 'station' })), 'error.setup.venueIdAlreadyExists');
  openPoll(ctx, 1);
  assertSaidByKey(refusalOf(() => openBox(ctx, { round: 1, box: 'C1' })), 'error.counting.roundNotClosedYet');
  assertSaidByKey(refusalOf(() => enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: {} } })), 'error.counting.roundNotClosedYet');
  const reopen = refusalOf(() => reopenCount(ctx, { round: 1, reason: '核对', approvals: [approvalBy(people['郭志明'])] }));
  assertSaidByKey(reopen, 'error.signoff.nothingToReopen');
});
