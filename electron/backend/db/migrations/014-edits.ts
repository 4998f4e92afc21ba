import type { Migration } from './types';

/**
 * A removed voter may be reinstated (撤销除名) before round 1 opens: roll_change gains the kind 'reinstated'. SQLite
 * cannot change a CHECK, so the table is rebuilt (foreign keys off, the way SQLite documents it) with its rows kept.
 */
const SQL = `
CREATE TABLE roll_change_rebuilt (
  id           INTEGER PRIMARY KEY,
  voter_id     INTEGER NOT NULL REFERENCES voter(id),
  kind         TEXT NOT NULL CHECK (kind IN ('added', 'removed', 'corrected', 'reinstated')),
  before_json  TEXT,
  after_json   TEXT,
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  removal      TEXT CHECK (removal IN ('deceased', 'moved', 'registered-elsewhere', 'objection-upheld', 'other')),
  objection_id INTEGER REFERENCES objection(id),
  decided_by   TEXT,
  at           TEXT NOT NULL
) STRICT;
INSERT INTO roll_change_rebuilt SELECT id, voter_id, kind, before_json, after_json, reason, removal, objection_id, decided_by, at FROM roll_change;
DROP TABLE roll_change;
ALTER TABLE roll_change_rebuilt RENAME TO roll_change;
CREATE INDEX roll_change_voter ON roll_change(voter_id);
`;

export const edits014: Migration = {
  version: 14,
  name: 'edits',
  foreignKeysOff: true,
  up(db) {
    db.exec(SQL);
  },
};
