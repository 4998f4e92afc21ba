import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientError } from '../../../renderer/api/client';
import { errorText } from '../../../renderer/ui/errors';
import { apiErrorBody, ApiError } from '../../../shared/api/envelope';
import { GENERAL_ERROR_KEY } from '../../../shared/api/error-text';
import { OFFICIAL_ROLE_NAMES } from '../../../shared/domain/people';
import { translator } from '../../../shared/i18n';
import { bothWords, dateWords, says, statusWords } from '../../../shared/i18n/says';
import { inTransaction } from '../../../electron/backend/db';
import { requireCountingOpen } from '../../../electron/backend/services/counting-store';
import { assertBoxCanBeOpened, recordCustodyStep } from '../../../electron/backend/services/custody';
import { requireRole } from '../../../electron/backend/services/person-standing';
import { refuseMissingSignoffs } from '../../../electron/backend/services/seal-signatures';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { refusalOf } from '../../helpers/refusal';
import { makeElection, openPoll } from '../counting/helpers';

/**
 * The refusals issue 14 left as one "中文 / English" line (custody, the frozen count, sign-off role names, missing
 * signatures, round statuses, eligibility) go as keys with parameters: over the wire (the envelope's schema) to the
 * screen, which says each in its own language only — no Chinese on the English screen (names aside), no English
 * words and no raw status, role or step on the Chinese one.
 */

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;
const RAW_IDS = /\b(?:sealed-empty|sealed-closed|seal-checked|chief-scrutineer|chief-counter|committee-chair|tie-revote)\b/;

function onScreens(err: ApiError, names: readonly string[] = []) {
  const body = apiErrorBody.parse(JSON.parse(JSON.stringify(err.toBody())));
  assert.ok(body.text && body.text.key !== GENERAL_ERROR_KEY, `a keyed message: ${body.message}`);
  const client = new ClientError('m', body.code, body.message, { ...(body.text ? { text: body.text } : {}), details: body.details });
  const withoutNames = (s: string) => names.reduce((t, n) => t.replaceAll(n, ''), s);
  const zh = errorText(client, 'zh-CN');
  const en = errorText(client, 'en');
  assert.doesNotMatch(zh, LATIN_WORD, `no English on the Chinese screen: ${zh}`);
  assert.doesNotMatch(withoutNames(en), HAN, `no Chinese on the English screen: ${en}`);
  assert.doesNotMatch(en, RAW_IDS, `no raw identifiers on the English screen: ${en}`);
  assert.notEqual(zh, translator('zh-CN')('error.internal'));
  // The CLI and the log keep both texts from the same tables.
  assert.equal(body.message.includes(zh) && body.message.includes(en), true, body.message);
  return { zh, en };
}

test('custody, round status, frozen count and role refusals reach each screen in its own language', async () => {
  const { ctx, people } = await makeElection({ voters: 4 });
  openPoll(ctx, 1);

  const outOfOrder = onScreens(refusalOf(() => recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'opened' })));
  assert.match(outOfOrder.zh, /票箱 C1 第 1 轮不能记录“开箱”：下一步应为“投票结束封箱”/);
  assert.match(outOfOrder.en, /cannot record “opened” now; the next step is “closed and sealed”/);
  onScreens(refusalOf(() => assertBoxCanBeOpened(ctx.db, 'C1', 1)));

  const move = onScreens(refusalOf(() => inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'signed' }))));
  assert.match(move.zh, /第 1 轮当前为“正在投票”/);

  const notClosed = onScreens(refusalOf(() => requireCountingOpen(ctx.db, 1)));
  assert.match(notClosed.zh, /正在投票/);
  ctx.db.prepare("UPDATE round SET status = 'counted' WHERE number = 1").run();
  ctx.db
    .prepare("INSERT INTO signoff (round_number, person_id, name, role, result_hash, signed_at) VALUES (1, ?, '谢文', 'chief-scrutineer', 'x', 'now')")
    .run(people['谢文']!);
  const frozen = onScreens(refusalOf(() => requireCountingOpen(ctx.db, 1)), ['谢文']);
  assert.match(frozen.zh, /谢文（总监票人）|谢文（[^）]+）/);
  assert.match(frozen.en, /signed \(谢文 \([a-z -]+\)\)/);

  onScreens(refusalOf(() => requireRole(ctx.db, people['孙丽']!, ['scrutineer', 'counter'], { zh: '认定有疑问的选票', en: 'rule on a doubtful ballot' })), ['孙丽']);
  const missing = onScreens(
    refusalOf(() => refuseMissingSignoffs([{ round: 1, role: 'scrutineer', name: '徐静' }, { round: 1, role: 'committee-chair', name: null }])),
    ['徐静'],
  );
  assert.match(missing.en, /round 1: 徐静 \(scrutineer\), nobody holds the role election committee chair/);
  ctx.db.close();
});

test('words in both languages, lists and dates as parameters: each screen takes its own half and joins as it joins', () => {
  const said = says('error.people.lacksRole', {
    name: '王芳',
    roles: [OFFICIAL_ROLE_NAMES.scrutineer, OFFICIAL_ROLE_NAMES.counter],
    what: { zh: '签字', en: 'sign' },
  });
  assert.equal(said.zh, `王芳 未担任以下职务之一：${OFFICIAL_ROLE_NAMES.scrutineer.zh}、${OFFICIAL_ROLE_NAMES.counter.zh}，不能签字`);
  assert.equal(said.en, `王芳 holds none of these roles: ${OFFICIAL_ROLE_NAMES.scrutineer.en}, ${OFFICIAL_ROLE_NAMES.counter.en}, and cannot sign`);
  assert.deepEqual(bothWords('error.custody.emptyBoxSeal', { seal: 'A7' }), { zh: 'A7（空箱封条）', en: 'A7 (empty-box seal)' });
  assert.deepEqual(dateWords('2026-08-14'), { zh: '2026年8月14日', en: '14 Aug 2026' });
  assert.equal(statusWords('voting').zh, translator('zh-CN')('sa.status.voting'));
  const removed = says('error.roll.alreadyRemoved', { name: '王芳', certificate: '00000017', date: dateWords('2026-05-02') });
  assert.match(removed.zh, /已于 2026年5月2日 除名/);
  assert.match(removed.en, /removed on 2 May 2026$/);
  // Only the two halves of a word travel, not the rest of the object it came from.
  const withExtra = says('error.people.roleNotHeld', { name: 'x', r: { zh: '计票人', en: 'counter', id: 7 } as { zh: string; en: string } });
  assert.deepEqual(withExtra.params?.r, { zh: '计票人', en: 'counter' });
});
