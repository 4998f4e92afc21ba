import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { addDesk } from '../../../electron/backend/services/issuance';
import { makeVoter } from '../../unit/roll/make-roll';
import { count, election, importGenerated, openVoting } from './helpers';

const root = join(import.meta.dirname, '..', '..', '..');

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'issue-race.ts'), ...args], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

test('two processes issuing against the same certificates at once: exactly one ballot each', async () => {
  const e = election();
  await importGenerated(e.ctx, 40);
  openVoting(e.ctx, ['C1'], 1000);
  addDesk(e.ctx, { id: 'C1-b', name: '二号发票处', box: 'C1' });
  e.ctx.db.close();
  const certificates = Array.from({ length: 40 }, (_, i) => makeVoter(i).certificate).join(',');
  // Both children load tsx first (about a second); they then start issuing at the same instant.
  const startAt = String(Date.now() + 3000);
  const [a, b] = await Promise.all([run([e.file, 'C1', startAt, certificates]), run([e.file, 'C1-b', startAt, certificates])]);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  const oa = (JSON.parse(a.out) as { outcomes: string[] }).outcomes;
  const ob = (JSON.parse(b.out) as { outcomes: string[] }).outcomes;
  // Both desks won some: the two processes really did interleave.
  console.log(`desk C1 issued ${oa.filter((o) => o === 'issued').length}, desk C1-b issued ${ob.filter((o) => o === 'issued').length}`);
  for (let i = 0; i < 40; i++) {
    assert.deepEqual([oa[i], ob[i]].sort(), ['already-issued', 'issued'], `certificate ${i}: ${oa[i]} / ${ob[i]}`);
  }
  const ctx = createContext({ dbFile: e.file, mustExist: true });
  assert.equal(count(ctx, 'issuance'), 40);
  assert.equal(count(ctx, 'audit_event', "type = 'ballot.issued'"), 40);
  assert.equal(count(ctx, 'audit_event', "type = 'ballot.refused'"), 40);
  ctx.db.close();
});
