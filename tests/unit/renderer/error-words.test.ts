import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientError } from '../../../renderer/api/client';
import { errorText } from '../../../renderer/ui/errors';
import { ruleNoticeIn } from '../../../renderer/pages/rules-message';
import { dispatch } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/envelope';
import { looksLikeSystemError, splitBilingual } from '../../../shared/api/error-text';
import { says } from '../../../shared/i18n/says';
import { invalid, refused } from '../../../electron/backend/context';
import { z } from 'zod';

const HAN = /\p{Script=Han}/u;
const quiet = () => {
  const original = console.error;
  const logged: unknown[] = [];
  console.error = (...args: unknown[]) => void logged.push(args);
  return { logged, restore: () => (console.error = original) };
};

test('a "中文 / English" message splits into its two halves, not at a path or a slash inside one language', () => {
  assert.deepEqual(splitBilingual('票箱 B1 还不能开箱 / box B1 cannot be opened yet'), { zh: '票箱 B1 还不能开箱', en: 'box B1 cannot be opened yet' });
  assert.deepEqual(splitBilingual('文件过大(9 字节)/ the file is too large'), { zh: '文件过大(9 字节)', en: 'the file is too large' });
  assert.deepEqual(splitBilingual('比例 1 / 3 未达到 / the ratio 1 / 3 is not reached'), { zh: '比例 1 / 3 未达到', en: 'the ratio 1 / 3 is not reached' });
  assert.equal(splitBilingual('certificate: a six-digit certificate number'), null);
  assert.equal(splitBilingual('只有中文'), null);
  assert.deepEqual(splitBilingual('王悦海（选举委员会成员）不能进行此操作 / 王悦海 (election committee member) may not do this'), {
    zh: '王悦海（选举委员会成员）不能进行此操作',
    en: '王悦海 (election committee member) may not do this',
  });
});

test('system error text is recognised: errno, SQLite, error names, stack lines, temporary files', () => {
  for (const s of [
    "无法写入文件 / cannot write the file: ENOENT: no such file or directory, open '/x/result.json'",
    'SQLITE_BUSY: database is locked',
    "TypeError: Cannot read properties of undefined (reading 'x')",
    'boom\n    at issueBallot (/app/electron/backend/services/issuance.ts:120:11)',
    'result.json.3f9a0c1d2e4b.partial',
  ]) assert.equal(looksLikeSystemError(s), true, s);
  for (const s of ['票箱 B1 第 1 轮还不能开箱', 'box B1 cannot be opened yet', 'PIN 不正确 / wrong PIN', 'SHA-256 指纹 3F9A', '文件 /tmp/out-1/选举结果.sealed.json 已存在']) {
    assert.equal(looksLikeSystemError(s), false, s);
  }
});

test('the backend sends a keyed message with its parameters and both texts; the old two-text form still works', () => {
  const keyed = refused(says('api.badAnswer', { status: 418 }), { reason: 'x' }).toBody();
  assert.deepEqual(keyed.text, { key: 'api.badAnswer', params: { status: 418 }, zh: '本机选举服务的回答无法识别（HTTP 418）。', en: keyed.text!.en });
  assert.match(keyed.text!.en, /^[^\p{Script=Han}]+418/u);
  assert.equal(keyed.message, `${keyed.text!.zh} / ${keyed.text!.en}`);
  assert.deepEqual(keyed.details, { reason: 'x' });
  const plain = invalid('candidates[2].office', '没有这个职位', 'no such office').toBody();
  assert.deepEqual(plain.text, { key: 'general', zh: '没有这个职位', en: 'no such office' });
  assert.equal(plain.message, 'candidates[2].office: 没有这个职位 / no such office');
  assert.deepEqual(new ApiError('refused', '已存在 / already exists').toBody().text, { key: 'general', zh: '已存在', en: 'already exists' });
});

test('a screen shows a failure in its own language only', () => {
  const keyed = new ClientError('m', 'refused', 'x', { text: says('api.badAnswer', { status: 418 }) });
  assert.equal(errorText(keyed, 'zh-CN'), '本机选举服务的回答无法识别（HTTP 418）。');
  assert.match(errorText(keyed, 'en'), /418/);
  assert.doesNotMatch(errorText(keyed, 'en'), HAN);
  const two = new ClientError('m', 'refused', '票箱 B1 还不能开箱 / box B1 cannot be opened yet');
  assert.equal(errorText(two, 'zh-CN'), '票箱 B1 还不能开箱');
  assert.equal(errorText(two, 'en'), 'box B1 cannot be opened yet');
  const schema = new ClientError('m', 'invalid-input', 'limit: Too big: expected number to be <=1000', { path: 'limit' });
  assert.doesNotMatch(errorText(schema, 'zh-CN'), /[A-Za-z]/);
  assert.doesNotMatch(errorText(new Error('报错了 / it failed'), 'en'), HAN);
});

test('an internal error or the machine\'s words show the calm general message, and the detail goes to the log', () => {
  const log = quiet();
  try {
    const internal = new ClientError('m', 'internal', 'internal error in issueBallot; see the log');
    assert.match(errorText(internal, 'zh-CN'), /^出错了，详情已写入日志/);
    const leak = new ClientError('m', 'refused', "无法写入文件 / cannot write the file: ENOENT: no such file or directory, open '/tmp/x/r.json.abc123def0.partial'");
    const zh = errorText(leak, 'zh-CN');
    const en = errorText(leak, 'en');
    assert.doesNotMatch(zh + en, /ENOENT|tmp|partial/);
    assert.equal(zh, '无法写入文件');
    assert.match(en, /details are in the log/);
    assert.equal(log.logged.length, 2);
  } finally {
    log.restore();
  }
});

test('dispatch: a schema refusal carries the general words, a refusal with system text is logged', async () => {
  const contract = { m: { input: z.strictObject({ n: z.int() }), output: z.null() } };
  const logged: string[] = [];
  const note = (_err: unknown, method: string) => void logged.push(method);
  const impl = {
    m: () => {
      throw new ApiError('refused', '无法写入 / cannot write: EACCES: permission denied');
    },
  };
  const bad = await dispatch(contract, impl, 'm', { n: 'x' }, note);
  assert.equal(bad.ok === false && bad.error.text?.key, 'error.badInput');
  assert.deepEqual(logged, []);
  const refusedAnswer = await dispatch(contract, impl, 'm', { n: 1 }, note);
  assert.equal(refusedAnswer.ok === false && refusedAnswer.error.code, 'refused');
  assert.deepEqual(logged, ['m']);
});

test('a rule notice is said in one language: its half, else the words for its code, else a general line, never the code', () => {
  assert.equal(ruleNoticeIn({ code: 'no-woman-elected', message: '当选人中没有女性 / no woman elected' }, 'en'), 'no woman elected');
  assert.equal(ruleNoticeIn({ code: 'no-woman-elected', message: 'no-woman-elected' }, 'zh-CN'), '当选人中没有女性');
  for (const lang of ['zh-CN', 'en'] as const) {
    const said = ruleNoticeIn({ code: 'samePersonInTwoOffices', message: 'samePersonInTwoOffices' }, lang);
    assert.doesNotMatch(said, /samePerson/);
    assert.equal(HAN.test(said), lang === 'zh-CN');
  }
});
