import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en, placeholders, t, tables, translator, zhCN, LANGUAGES } from '../../../shared/i18n';

test('every key exists in both languages, with a non-empty string', () => {
  const zhKeys = Object.keys(zhCN).sort();
  const enKeys = Object.keys(en).sort();
  assert.deepEqual(enKeys, zhKeys);
  for (const lang of LANGUAGES) {
    for (const [key, value] of Object.entries(tables[lang])) {
      assert.equal(typeof value, 'string', `${lang} ${key}`);
      assert.ok(value.trim().length > 0, `${lang} ${key} is empty`);
    }
  }
});

test('both languages use the same parameters for each key', () => {
  for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
    assert.deepEqual(
      [...placeholders(en[key])].sort(),
      [...placeholders(zhCN[key])].sort(),
      `parameters of ${key}`,
    );
  }
});

test('t fills parameters and leaves unknown ones visible', () => {
  assert.equal(t('tally.votes', { count: 7 }), '7 票');
  assert.equal(translator('en')('tally.votes', { count: 7 }), '7 votes');
  assert.equal(translator('en')('nav.desk'), 'Desk');
  assert.equal(t('nav.desk'), '发票');
  // @ts-expect-error a message with parameters must get them
  assert.equal(t('tally.votes'), '{count} 票');
});

test('zh-CN strings are Chinese where they are prose (not left in English by mistake)', () => {
  const english = Object.entries(zhCN).filter(
    ([key, value]) =>
      /[A-Za-z]/.test(value.replace(/\{[A-Za-z0-9_]+\}/g, '')) &&
      !/[\u4e00-\u9fff]/.test(value) &&
      !['nav.keyHint', 'lang.switch'].includes(key),
  );
  assert.deepEqual(english, []);
});
