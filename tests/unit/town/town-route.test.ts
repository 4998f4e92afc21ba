import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTownHash, townTabOf } from '../../../renderer/pages/town/town-route';

test('#/town… is town mode, with the board first and "new" on the town file page; other pages stay the election', () => {
  assert.equal(isTownHash('#/town'), true);
  assert.equal(isTownHash('#/town/import'), true);
  assert.equal(isTownHash('#/townhall'), false);
  assert.equal(isTownHash('#/start'), false);
  assert.equal(isTownHash(''), false);
  assert.equal(townTabOf('#/town'), 'board');
  assert.equal(townTabOf('#/town/registry'), 'registry');
  assert.equal(townTabOf('#/town/new'), 'file');
  assert.equal(townTabOf('#/town/nonsense'), 'board');
});
