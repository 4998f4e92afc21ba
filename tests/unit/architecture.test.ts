import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

test('shared/ is pure TypeScript: nothing from Node, Electron, SQLite or the backend', () => {
  const bad: string[] = [];
  for (const file of sources(join(root, 'shared'))) {
    for (const spec of imports(file)) {
      if (/^node:|^electron$|^better-sqlite3$|electron\/(backend|main|preload)/.test(spec)) bad.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the renderer reaches the backend only through the API contract', () => {
  const bad: string[] = [];
  // vite.config.ts is build tooling run by Node, not part of the page.
  for (const file of sources(join(root, 'renderer')).filter((f) => !f.endsWith('vite.config.ts'))) {
    for (const spec of imports(file)) {
      if (/^node:|^better-sqlite3$|electron\/(backend|main)/.test(spec)) bad.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the backend never imports Electron (it runs under plain Node too)', () => {
  const bad: string[] = [];
  for (const file of sources(join(root, 'electron', 'backend'))) {
    for (const spec of imports(file)) if (spec === 'electron' || /electron\/main/.test(spec)) bad.push(`${relative(root, file)} imports ${spec}`);
  }
  assert.deepEqual(bad, []);
});

test("only the two API clients touch the preload's window.station (renderer/api/client.ts and shell.ts)", () => {
  const clients = new Set([join(root, 'renderer', 'api', 'client.ts'), join(root, 'renderer', 'api', 'shell.ts')]);
  const bad = sources(join(root, 'renderer'))
    .filter((f) => !clients.has(f))
    .filter((f) => /\b(window|win|globalThis|self)\b[^;\n]*?(\.station\b|\[\s*['"]station['"]\s*\])/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f));
  assert.deepEqual(bad, []);
});

test('the Electron shell does not import the loopback HTTP server (what both serve lives in backend/web-policy.ts)', () => {
  const bad: string[] = [];
  for (const file of sources(join(root, 'electron', 'main'))) {
    for (const spec of imports(file)) if (/backend\/http(\.ts)?$/.test(spec)) bad.push(`${relative(root, file)} imports ${spec}`);
  }
  assert.deepEqual(bad, []);
});
