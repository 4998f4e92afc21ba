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

/** Every file of the renderer with the given endings, as [path relative to renderer/, text]. */
function rendererFiles(ending: RegExp): [string, string][] {
  const dir = join(root, 'renderer');
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const full = join(d, name);
      return statSync(full).isDirectory() ? walk(full) : ending.test(name) ? [full] : [];
    });
  return walk(dir).map((f) => [relative(dir, f).split('\\').join('/'), readFileSync(f, 'utf8')]);
}

const KIT_NAMES = ['errorText', 'ErrorNote', 'ErrorBox', 'OkNote', 'Notice', 'useAction', 'useLoad', 'Field', 'Loading'];

test('one UI kit: only renderer/ui defines the error display, notes, fields and the load/action hooks', () => {
  const defines = new RegExp(`^\\s*(?:export\\s+)?(?:async\\s+)?(?:function|const|let|class)\\s+(${KIT_NAMES.join('|')})\\b`, 'gm');
  const bad: string[] = [];
  for (const [file, text] of rendererFiles(/\.tsx?$/)) {
    if (file.startsWith('ui/')) continue;
    for (const m of text.matchAll(defines)) bad.push(`${file} defines ${m[1]}`);
    if (/instanceof Error \? \w+\.message/.test(text)) bad.push(`${file} turns an error into words itself (use errorText)`);
    if (/className="ui-(error|ok)"/.test(text)) bad.push(`${file} draws its own note (use ErrorNote / OkNote)`);
  }
  assert.deepEqual(bad, []);
});

test('one stylesheet naming scheme: kit classes are ui-* (renderer/ui only), a page\'s own classes carry its name', () => {
  const bad: string[] = [];
  for (const [file, text] of rendererFiles(/\.css$/)) {
    const page = /^pages\/([^/]+)\//.exec(file)?.[1];
    const css = text.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of css.matchAll(/\.(-?[a-zA-Z_][\w-]*)/g)) {
      if (/^(sa|b|dr)-/.test(m[1]!)) bad.push(`${file}: .${m[1]} (old kit prefix)`);
    }
    // The class a selector starts from says whose it is; after it may come a widget's class it reaches into.
    for (const rule of css.matchAll(/([^{}@;]+)\{[^{}]*\}/g)) {
      for (const selector of rule[1]!.split(',')) {
        const name = /\.([a-zA-Z_][\w-]*)/.exec(selector)?.[1];
        if (name === undefined) continue;
        if (name.startsWith('ui-') && file !== 'ui/ui.css') bad.push(`${file}: .${name} (ui-* belongs to renderer/ui/ui.css)`);
        else if (page && !name.startsWith(`${page}-`) && !name.startsWith('ui-')) bad.push(`${file}: .${name} (not prefixed ${page}-)`);
        else if (file === 'ui/ui.css' && !name.startsWith('ui-') && !SHELL_CLASSES.has(name)) bad.push(`${file}: .${name} (kit classes are ui-*)`);
      }
    }
  }
  for (const [file, text] of rendererFiles(/\.tsx$/)) {
    for (const m of text.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\}|\{([^}]*)\})/g)) {
      for (const token of (m[1] ?? m[2] ?? m[3] ?? '').match(/[\w-]+/g) ?? []) {
        if (/^(sa|b|dr)-/.test(token) || token === 'no-print' || token === 'print-only') bad.push(`${file}: class ${token}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

/** The shell's own classes (renderer/styles/app.css) that the kit's print rules hide. */
const SHELL_CLASSES = new Set(['skip-link', 'drill-banner', 'topbar', 'tabs', 'shell-drill', 'page']);

test('every contract area has one builder, services/<area>-api.ts, and api.ts only assembles them', () => {
  // The station contract's areas (shared/api/contract.ts); the shell's contract is served by electron/main.
  const station = readFileSync(join(root, 'shared', 'api', 'contract.ts'), 'utf8');
  const areas = readdirSync(join(root, 'shared', 'api'))
    .map((name) => name.replace(/\.ts$/, ''))
    .filter((area) => station.includes(`...${area}Contract,`))
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
  assert.deepEqual([...assembler.matchAll(/^export function (\w+)/gm)].map((m) => m[1]), ['buildApi', 'serviceHandlers'], 'api.ts builds nothing but the assembly (the areas\' handlers, and the guarded API over them)');
});

test('services restate no contract view: their answers are z.infer of shared/api schemas', () => {
  const bad: string[] = [];
  for (const file of sources(join(root, 'electron', 'backend', 'services'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^export (?:interface|type) (\w*View)\b/gm)) bad.push(`${relative(root, file)}: ${m[1]}`);
  }
  assert.deepEqual(bad, []);
});
