import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFileDurably } from '../../../electron/backend/files/durable-write';
import { pathInChosenFolder } from '../../../electron/main/files';
import { shellContract } from '../../../shared/api/shell';
import { dispatch } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/envelope';

const tmp = () => mkdtempSync(join(tmpdir(), 'station-shell-files-'));

test('an atomic write replaces the file whole, leaves no temp file and reports the hash read back', () => {
  const dir = tmp();
  try {
    const target = join(dir, '结果.cer.json');
    writeFileSync(target, 'old content');
    const data = Buffer.from('{"format":"cer-result/1"}\n', 'utf8');
    const w = writeFileDurably(target, data);
    assert.equal(w.path, target);
    assert.equal(w.bytes, data.length);
    assert.equal(w.sha256, createHash('sha256').update(data).digest('hex'));
    assert.deepEqual(readFileSync(target), data);
    assert.deepEqual(readdirSync(dir), ['结果.cer.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a write into a missing folder is refused with the path and leaves nothing behind', () => {
  const dir = tmp();
  try {
    assert.throws(
      () => writeFileDurably(join(dir, 'no-such-folder', 'x.pdf'), Buffer.from('x')),
      (err: unknown) => err instanceof ApiError && err.code === 'refused' && err.message.includes('no-such-folder'),
    );
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writing by name is allowed only inside a folder the user chose, and only a plain name', () => {
  const dir = tmp();
  try {
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    const chosen = new Set([usb]);
    assert.equal(pathInChosenFolder(chosen, usb, 'result.pdf'), join(usb, 'result.pdf'));
    assert.equal(pathInChosenFolder(chosen, `${usb}/`, 'result.pdf'), join(usb, 'result.pdf'));
    assert.throws(() => pathInChosenFolder(chosen, dir, 'result.pdf'), (e: unknown) => e instanceof ApiError && e.code === 'refused');
    assert.throws(() => pathInChosenFolder(chosen, usb, '../escape.pdf'), (e: unknown) => e instanceof ApiError && e.path === 'to.name');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the shell contract refuses file names with a folder part before any handler runs', async () => {
  const impl = new Proxy({}, { get: () => () => assert.fail('the implementation must not be called') });
  for (const name of ['../x.pdf', 'a/b.pdf', 'a\\b.pdf', '.hidden', 'C:x.pdf', '']) {
    const r = await dispatch(shellContract, impl as never, 'shell:saveFile', { to: { folder: '/media/usb', name }, content: 'x' });
    assert.equal(r.ok, false, name);
    if (!r.ok) {
      assert.equal(r.error.code, 'invalid-input');
      assert.match(r.error.path ?? '', /^to/);
    }
  }
});
