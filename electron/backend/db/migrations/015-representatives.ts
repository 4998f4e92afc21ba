import type { Migration } from './types';

/**
 * Representative elections (居民代表, issue 12): the representatives list, each a voter on the roll (imported from a
 * file or entered per residents' group), and the community's household count the minimum number of representatives
 * is checked against. A representative removed from the list is deleted here; the audit log keeps the change.
 */
const SQL = `
CREATE TABLE representative (
  voter_id   INTEGER PRIMARY KEY REFERENCES voter(id),
  source     TEXT NOT NULL CHECK (source IN ('import', 'screen')),
  file_name  TEXT,
  line       INTEGER,
  decided_by TEXT,
  at         TEXT NOT NULL
) STRICT;

CREATE TABLE community_households (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  households INTEGER NOT NULL CHECK (households > 0),
  decided_by TEXT,
  at         TEXT NOT NULL
) STRICT;
`;

export const representatives015: Migration = {
  version: 15,
  name: 'representatives',
  up(db) {
    db.exec(SQL);
  },
};
