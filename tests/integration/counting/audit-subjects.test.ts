import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditApi } from '../../../electron/backend/services/audit-api';
import { certificateOf, issue, makeElection, openPoll } from './helpers';

/** The audit log names its subjects as people know them: a voter by name and certificate, a box by its name. */
test('audit rows carry readable subjects; an unknown subject stays as logged', async () => {
  const { ctx } = await makeElection({ voters: 3 });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 1);
  const { events } = await auditApi(ctx).auditLog({ offset: 0, limit: 500 });
  const about = (subject: string) => events.find((e) => e.subject === subject)?.about;
  const issued = events.find((e) => e.type === 'ballot.issued')!;
  assert.equal(issued.subject, `certificate:${certificateOf(0)}`);
  assert.equal(issued.about?.kind, 'voter');
  assert.equal(issued.about?.ref, certificateOf(0));
  assert.ok(issued.about!.name.length >= 2, issued.about!.name);
  assert.deepEqual(about('box:C1'), { kind: 'box', name: '中心票箱', ref: 'C1' });
  assert.deepEqual(about('office:chair'), { kind: 'office', name: '主任', ref: 'chair' });
  assert.deepEqual(about('round:1'), { kind: 'round', name: '1', ref: '1' });
  for (const e of events) if (e.subject === null || !/^(certificate|box|office|round|person|candidate|venue|desk|file):/.test(e.subject)) assert.equal(e.about, null, e.subject ?? '');
});
