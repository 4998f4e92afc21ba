import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../../electron/backend/web-policy';

const renderer = join(import.meta.dirname, '..', '..', 'renderer');

test('the pages carry no CSP of their own: the one policy is the header both servers send', () => {
  const pages = readdirSync(renderer).filter((f) => f.endsWith('.html'));
  assert.ok(pages.includes('index.html'), pages.join(','));
  for (const page of pages) {
    assert.doesNotMatch(readFileSync(join(renderer, page), 'utf8'), /content-security-policy/i, page);
  }
  assert.match(CONTENT_SECURITY_POLICY, /^default-src 'self'; script-src 'self'; /);
});

test('one MIME table: known extensions by type, any case; unknown and inherited names are opaque bytes', () => {
  assert.equal(mimeTypeOf('/a/index.HTML'), 'text/html; charset=utf-8');
  assert.equal(mimeTypeOf('assets/index-abc.js'), 'text/javascript; charset=utf-8');
  assert.equal(mimeTypeOf('字.woff2'), 'font/woff2');
  for (const odd of ['x.constructor', 'x.__proto__', 'x.toString', 'noextension', 'x.exe']) {
    assert.equal(mimeTypeOf(odd), 'application/octet-stream', odd);
  }
});
