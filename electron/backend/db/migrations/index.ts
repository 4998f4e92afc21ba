import type { Migration } from './types';
import { core001 } from './001-core';
import { rollIssuance002 } from './002-roll-issuance';
import { counting003 } from './003-counting';
import { resend004 } from './004-resend';
import { sealAttemptIndex005 } from './005-seal-attempt-index';
import { pinGuard006 } from './006-pin-guard';
import { approvalsSpoiled007 } from './007-approvals-spoiled';
import { exportFolder008 } from './008-export-folder';
import { stations009 } from './009-stations';
import { issuanceUndone010 } from './010-issuance-undone';
import { takeover011 } from './011-takeover';
import { rollLife012 } from './012-roll-life';
import { nomination013 } from './013-nomination';
import { edits014 } from './014-edits';
import { representatives015 } from './015-representatives';
import { household016 } from './016-household';
import { party017 } from './017-party';
import { candidateFields018 } from './018-candidate-fields';
import { facts019 } from './019-facts';
import { copy020 } from './020-copy';

/**
 * Every schema step, in order. Versions are 1, 2, 3, … without gaps (checked below).
 * Reserved: 2 = roll and issuance (`002-roll-issuance.ts`, issuance helper), 3+ = counting, results, sign-offs, sealing.
 * Adding a step is one import and one line in this array.
 */
export const MIGRATIONS: readonly Migration[] = [
  core001,
  rollIssuance002,
  counting003,
  resend004,
  sealAttemptIndex005,
  pinGuard006,
  approvalsSpoiled007,
  exportFolder008,
  stations009,
  issuanceUndone010,
  takeover011,
  rollLife012,
  nomination013,
  edits014,
  representatives015,
  household016,
  party017,
  candidateFields018,
  facts019,
  copy020,
];

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migration list out of order: position ${i} holds version ${m.version}`);
});

export function latestSchemaVersion(): number {
  return MIGRATIONS.length;
}

export type { Migration } from './types';
