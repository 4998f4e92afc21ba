import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimatedSeconds } from '../../renderer/pages/drill/estimate';

test('the Drill page estimate follows the measured lengths up to 50,000 voters', () => {
  const within = (voters: number, stage: 'complete' | 'ready-to-vote', low: number, high: number) => {
    const s = estimatedSeconds({ voters, stage });
    assert.ok(s >= low && s <= high, `${voters} ${stage}: ${s} s, measured ${low}–${high} s`);
  };
  within(5000, 'complete', 3, 6);
  within(20_000, 'complete', 15, 30);
  within(50_000, 'complete', 60, 90);
  within(300, 'ready-to-vote', 2, 2);
  within(50_000, 'ready-to-vote', 30, 60);
});
