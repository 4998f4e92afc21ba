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

test('every contract area has one builder, services/<area>-api.ts, and api.ts only assembles them', () => {
  const areas = readdirSync(join(root, 'shared', 'api'))
    .map((name) => name.replace(/\.ts$/, ''))
    .filter((area) => new RegExp(`^export const ${area}Contract\\b`, 'm').test(readFileSync(join(root, 'shared', 'api', `${area}.ts`), 'utf8')));
  assert.ok(areas.length >= 9, `expected the contract areas, found ${areas.join(', ')}`);
  const assembler = readFileSync(join(root, 'electron', 'backend', 'api.ts'), 'utf8');
  const missing: string[] = [];
  for (const area of areas) {
    const Area = area[0]!.toUpperCase() + area.slice(1);
    const contractFile = readFileSync(join(root, 'shared', 'api', `${area}.ts`), 'utf8');
    if (!new RegExp(`^export type ${Area}Contract = typeof ${area}Contract;`, 'm').test(contractFile)) missing.push(`shared/api/${area}.ts: ${Area}Contract type`);
    const builder = join(root, 'electron', 'backend', 'services', `${area}-api.ts`);
    let text = '';
    try {
      text = readFileSync(builder, 'utf8');
    } catch {
      missing.push(`${relative(root, builder)}`);
      continue;
    }
    if (!new RegExp(`export function ${area}Api\\(ctx: BackendContext\\): Implementation<${Area}Contract>`).test(text)) missing.push(`${relative(root, builder)}: ${area}Api`);
    if (!new RegExp(`\\.\\.\\.${area}Api\\(ctx\\)`).test(assembler)) missing.push(`api.ts spreads ${area}Api`);
  }
  assert.deepEqual(missing, []);
  assert.deepEqual([...assembler.matchAll(/^export function (\w+)/gm)].map((m) => m[1]), ['buildApi'], 'api.ts builds nothing but the assembly');
});

test('services restate no contract view: their answers are z.infer of shared/api schemas', () => {
  const bad: string[] = [];
  for (const file of sources(join(root, 'electron', 'backend', 'services'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^export (?:interface|type) (\w*View)\b/gm)) bad.push(`${relative(root, file)}: ${m[1]}`);
  }
  assert.deepEqual(bad, []);
});
