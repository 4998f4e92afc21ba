import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { METHOD_ACCESS, rolesMayCall } from '../../shared/api/access';
import type { MethodName } from '../../shared/api/contract';
import { STAFF_ROLES } from '../../shared/domain/authority';
import { ROLES_DOC, withRolesTable } from '../../scripts/roles-table';

/** docs/roles.md tells people who may do what: its table must be the rule dispatch enforces (shared/api/access.ts). */

const doc = readFileSync(ROLES_DOC, 'utf8');

test("docs/roles.md's table is the one generated from METHOD_ACCESS now (else: node --import tsx scripts/roles-table.ts)", () => {
  assert.equal(doc, withRolesTable(doc));
});

test('each row of the table ticks exactly the roles METHOD_ACCESS lets call the method, and every method has one row', () => {
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const m = /^\| `(\w+)` \|(.*)\|$/.exec(line);
    if (!m) continue;
    assert.ok(!rows.has(m[1]!), `${m[1]} listed twice`);
    rows.set(m[1]!, m[2]!.split('|').map((c) => c.trim()));
  }
  assert.deepEqual([...rows.keys()].sort(), Object.keys(METHOD_ACCESS).sort());
  for (const [method, cells] of rows) {
    const access = METHOD_ACCESS[method as MethodName];
    assert.equal(cells.length, 1 + STAFF_ROLES.length, method);
    assert.equal(cells[0] === '✓', access === 'anyone', `${method}: no sign-in`);
    STAFF_ROLES.forEach((role, i) => assert.equal(cells[i + 1] === '✓', rolesMayCall(access, [role]), `${method} × ${role}`));
  }
});
