import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from '../../../shared/domain/when';

test('a moment is shown in the local form of each language, in the station time zone', () => {
  const at = '2026-11-24T14:03:27.000Z';
  assert.equal(formatDateTime(at, 'zh-CN', 'Asia/Shanghai'), '2026年11月24日 22:03');
  assert.equal(formatDateTime(at, 'en', 'Asia/Shanghai'), '24 Nov 2026 22:03');
  assert.equal(formatDateTime(at, 'en', 'UTC'), '24 Nov 2026 14:03');
});

test('an offset in the text is honoured and the day rolls over in local time', () => {
  assert.equal(formatDateTime('2026-11-25T06:04+08:00', 'zh-CN', 'Asia/Shanghai'), '2026年11月25日 06:04');
  assert.equal(formatDateTime('2026-11-24T16:30:00Z', 'zh-CN', 'Asia/Shanghai'), '2026年11月25日 00:30');
  assert.equal(formatDateTime('2026-01-05T00:00:00+08:00', 'en', 'Asia/Shanghai'), '5 Jan 2026 00:00');
});

test('a calendar date is the same day in every time zone', () => {
  assert.equal(formatDate('2026-05-16', 'zh-CN'), '2026年5月16日');
  assert.equal(formatDate('2026-05-16', 'en'), '16 May 2026');
  assert.equal(formatDateTime('2026-12-01', 'en', 'Pacific/Honolulu'), '1 Dec 2026');
});

test('text that is not a date is shown as it came, never as some invented date', () => {
  for (const v of ['', '—', '1700000000', 'soon', '2026-13-40', '2026-02-30T99:99']) {
    assert.equal(formatDateTime(v, 'zh-CN', 'UTC'), v);
  }
  assert.equal(formatDate('2026-13-01', 'en'), '2026-13-01');
});
