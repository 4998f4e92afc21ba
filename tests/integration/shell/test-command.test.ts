import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..', '..');

test('npm test without the browser prerequisites (and no apt-get to install them) prints the command and runs nothing', () => {
  // A PATH with node alone: no fc-list, pdftoppm or apt-get.
  const bin = mkdtempSync(join(tmpdir(), 'station-path-'));
  try {
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'test.mjs'), 'e2e'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PATH: bin },
      timeout: 30_000,
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /the browser tests need .*fonts-noto-cjk, poppler-utils/);
    assert.match(r.stderr, /\n {2}(sudo )?apt-get install -y --no-install-recommends (chromium )?fonts-noto-cjk poppler-utils\n/);
    assert.match(r.stderr, /No test was run\./);
    assert.doesNotMatch(r.stdout, /^tests: /m);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
