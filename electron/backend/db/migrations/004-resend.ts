import type { Migration } from './types';

/**
 * Writes a client may re-send (shared/api/resend.ts). A re-sent write with the same key answers the first answer
 * again; the same key with another input is a conflict.
 *
 * Secret ballot: a receipt holds the client's random key, the method, a hash of the input and the answer; no time
 * and no row order (WITHOUT ROWID, ordered by the random key), so receipts of issuance and of counting cannot be
 * lined up. A ballot's entry key is made by the counting client and stored with the ballot only.
 */
const SQL = `
CREATE TABLE request_receipt (
  key         TEXT PRIMARY KEY,
  method      TEXT NOT NULL,
  input_hash  TEXT NOT NULL,
  answer_json TEXT NOT NULL
) STRICT, WITHOUT ROWID;

ALTER TABLE ballot ADD COLUMN entry_key TEXT;
CREATE UNIQUE INDEX ballot_entry_key ON ballot(round_number, box_id, sheet, entry_key) WHERE entry_key IS NOT NULL;
`;

export const resend004: Migration = {
  version: 4,
  name: 'resend',
  up(db) {
    db.exec(SQL);
  },
};
