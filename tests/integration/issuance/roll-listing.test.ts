import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importRoll } from '../../../electron/backend/services/roll';
import { listVoters } from '../../../electron/backend/services/voters';
import { makeRollCsv, utf8 } from '../../unit/roll/make-roll';
import { count, election, importGenerated } from './helpers';

test('a dry run checks the whole file and previews it, writing nothing', async () => {
  const { ctx } = election();
  const auditBefore = count(ctx, 'audit_event');
  const out = await importRoll(ctx, { bytes: utf8(makeRollCsv(30, { withCertificates: false })), fileName: 'roll.csv', dryRun: true });
  assert.equal(out.dryRun, true);
  assert.equal(out.importId, 0);
  assert.equal(out.imported, 30);
  assert.equal(out.generatedCertificates, 30);
  assert.equal(out.preview?.length, 20);
  assert.equal(out.preview?.[0]?.line, 2);
  assert.equal(out.preview?.[0]?.certificate, null);
  assert.equal(count(ctx, 'voter'), 0);
  assert.equal(count(ctx, 'roll_import'), 0);
  assert.equal(count(ctx, 'audit_event'), auditBefore);
  // The real import afterwards goes through and generates the numbers the dry run announced.
  const real = await importRoll(ctx, { bytes: utf8(makeRollCsv(30, { withCertificates: false })), fileName: 'roll.csv' });
  assert.equal(real.generatedCertificates, 30);
  assert.equal(count(ctx, 'voter'), 30);
});

test('a dry run reports rows that clash with the roll already imported', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 5);
  await assert.rejects(
    importRoll(ctx, { bytes: utf8(makeRollCsv(5)), fileName: 'again.csv', dryRun: true }),
    (e: Error & { details?: { errors?: { code: string }[] } }) => e.details?.errors?.[0]?.code === 'duplicate-id-number',
  );
});

test('listVoters pages through the roll in file order, filters by group and searches by name or certificate', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 45);
  const all = listVoters(ctx.db, { offset: 0, limit: 1000 });
  assert.equal(all.total, 45);
  const page2 = listVoters(ctx.db, { offset: 20, limit: 20 });
  assert.equal(page2.total, 45);
  assert.deepEqual(page2.voters.map((v) => v.certificate), all.voters.slice(20, 40).map((v) => v.certificate));
  const group = all.voters[0]!.group;
  const inGroup = listVoters(ctx.db, { offset: 0, limit: 1000, group });
  assert.ok(inGroup.total > 0 && inGroup.total < 45);
  assert.ok(inGroup.voters.every((v) => v.group === group));
  const someone = all.voters[7]!;
  const byCert = listVoters(ctx.db, { offset: 0, limit: 10, search: someone.certificate });
  assert.deepEqual(byCert.voters.map((v) => v.name), [someone.name]);
  const byName = listVoters(ctx.db, { offset: 0, limit: 100, search: someone.name.slice(1) });
  assert.ok(byName.voters.some((v) => v.certificate === someone.certificate));
  assert.equal(listVoters(ctx.db, { offset: 0, limit: 10, search: '%' }).total, 0, 'LIKE wildcards are taken literally');
  assert.equal(someone.assignment.kind === 'venue' || someone.assignment.kind === 'mobile-box', true);
});
