import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { buildApi } from '../../../electron/backend/api';
import type { BackendContext } from '../../../electron/backend/context';
import { freshContext, sampleElection } from './helpers';

async function relatives(ctx: BackendContext) {
  const r = await dispatch(contract, buildApi(ctx), 'listRelatives', {}, (err) => assert.fail(`internal error: ${String(err)}`));
  assert.ok(r.ok, JSON.stringify(r));
  return (r.value as { candidate: string; relative: string; relation: string; declaredAt: string }[]).map(
    ({ candidate, relative, relation }) => [candidate, relative, relation],
  );
}

test('listRelatives lists every declared close relative (candidate, relative, relation), by candidate', async () => {
  const ctx = sampleElection();
  assert.deepEqual(await relatives(ctx), [['赵建国', '赵小军', 'child']]);

  const api = buildApi(ctx);
  await api.declareRelative({ name: '周小红', candidate: '周敏', kind: 'sibling' });
  await api.declareRelative({ name: '赵 大 山', candidate: '赵建国', kind: 'parent' });
  // The same declaration twice is one row; a refused one (no such candidate) is not listed.
  await api.declareRelative({ name: '周小红', candidate: '周 敏', kind: 'sibling' });
  assert.throws(() => api.declareRelative({ name: '钱多', candidate: '没有此人', kind: 'spouse' }), /no candidate named 没有此人/);

  assert.deepEqual(await relatives(ctx), [
    ['周敏', '周小红', 'sibling'],
    ['赵建国', '赵小军', 'child'],
    ['赵建国', '赵 大 山', 'parent'],
  ]);
  const r = await dispatch(contract, buildApi(ctx), 'listRelatives', {});
  assert.ok(r.ok);
  for (const row of r.value as { declaredAt: string }[]) assert.match(row.declaredAt, /^2026-05-16T08:\d{2}:\d{2}\.000Z$/);
});

test('listRelatives is empty before anything is declared, and takes no input', async () => {
  const ctx = freshContext();
  assert.deepEqual(await relatives(ctx), []);
  const bad = await dispatch(contract, buildApi(ctx), 'listRelatives', { candidate: '赵建国' });
  assert.equal(bad.ok ? 'ok' : bad.error.code, 'invalid-input');
});
