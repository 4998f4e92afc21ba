import type { Migration } from './types';

/**
 * The request keys of issuances undone at the desk (services/issuance-undo.ts): the issuance row is deleted, so
 * without its key a late re-send of that issueBallot would issue the ballot again. Only the key is kept (a random
 * string the desk client made for that one write); who and why are in the audit log.
 */
export const issuanceUndone010: Migration = {
  version: 10,
  name: 'issuance-undone',
  up(db) {
    db.exec(`CREATE TABLE issuance_undone_key (
      request_key TEXT PRIMARY KEY
    ) STRICT, WITHOUT ROWID`);
  },
};
