import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleProfileInput } from '../../../shared/record';
import { resolveProfile, ruleProfile } from '../../../shared/rules';

test('residents direct defaults (DOMAIN.md §9)', () => {
  assert.deepEqual(resolveProfile({ body: 'residents', method: 'direct' }, undefined, 7), {
    overvote: 'void-section',
    samePersonInTwoOffices: 'void-ballot',
    minCommittee: 5,
    tieRevoteThreshold: 'over-third-of-participants',
    supplementaryThreshold: 'third-of-ballots-cast',
    requireWoman: true,
    proxyLimit: 3,
  });
});

test('residents by representatives: no tie re-vote threshold', () => {
  assert.equal(resolveProfile({ body: 'residents', method: 'representative' }, {}, 7).tieRevoteThreshold, 'none');
  assert.equal(resolveProfile({ body: 'residents', method: 'household' }, {}, 7).tieRevoteThreshold, 'none');
});

test('party defaults: every seat counts, no women requirement, no proxies', () => {
  const p = resolveProfile({ body: 'party', method: 'meeting' }, undefined, 7);
  assert.equal(p.minCommittee, 7);
  assert.equal(p.requireWoman, false);
  assert.equal(p.proxyLimit, 0);
  assert.equal(p.tieRevoteThreshold, 'none');
});

test('supervisory defaults', () => {
  const p = resolveProfile({ body: 'supervisory', method: 'meeting' }, undefined, 3);
  assert.equal(p.minCommittee, 3);
  assert.equal(p.requireWoman, false);
  assert.equal(p.proxyLimit, 3);
});

test('explicit rules override the defaults, including 0 and false', () => {
  const p = resolveProfile(
    { body: 'residents', method: 'direct' },
    {
      overvote: 'void-ballot',
      samePersonInTwoOffices: 'count-higher-office',
      minCommittee: 0,
      tieRevoteThreshold: 'none',
      supplementaryThreshold: 'none',
      requireWoman: false,
      proxyLimit: 1,
    },
    7,
  );
  assert.deepEqual(p, {
    overvote: 'void-ballot',
    samePersonInTwoOffices: 'count-higher-office',
    minCommittee: 0,
    tieRevoteThreshold: 'none',
    supplementaryThreshold: 'none',
    requireWoman: false,
    proxyLimit: 1,
  });
});

test('a resolved profile is what the stored schema accepts, keys in the stored order', () => {
  const p = resolveProfile({ body: 'supervisory', method: 'representative' }, { requireWoman: true }, 3);
  assert.deepEqual(Object.keys(p), Object.keys(ruleProfile.shape));
  assert.deepEqual(ruleProfile.parse(p), p);
});

test('the stored profile has every cer/1 rule key and proxyLimit, nothing else', () => {
  assert.deepEqual(Object.keys(ruleProfile.shape).sort(), [...Object.keys(ruleProfileInput.shape), 'proxyLimit'].sort());
});
