import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTimeBound } from '../../../renderer/pages/audit/time-filter';

const at = (text: string, edge: 'from' | 'to' = 'from') => {
  const r = readTimeBound(text, edge);
  return r.ok ? r.iso : 'refused';
};

test('the audit time fields read the screens’ own date forms and the numeric one alike, in local time', () => {
  const local = new Date(2026, 4, 16, 8, 30).toISOString();
  assert.equal(at('2026年5月16日 08:30'), local);
  assert.equal(at('16 May 2026 08:30'), local);
  assert.equal(at('2026-05-16 08:30'), local);
  assert.equal(at('2026/5/16T08:30'), local);
  assert.equal(at('2026年5月16日'), new Date(2026, 4, 16).toISOString());
  assert.equal(at('16 May 2026', 'to'), new Date(2026, 4, 17).toISOString(), 'a date alone runs to the end of the day');
  assert.equal(at(''), undefined);
  for (const bad of ['2026年2月31日', '16 Foo 2026', '2026-13-01', '16 May 2026 24:00', 'yesterday']) assert.equal(at(bad), 'refused', bad);
});
