import type { Migration } from './types';

/**
 * Nomination to formal candidates (issue 12). A nomination names a voter on the roll for an office, by application
 * (no nominators) or jointly (its nominators, voters on the roll); the preliminary list is a flag the committee sets.
 * The representatives' meeting's tally is one row per office and the votes per nomination; an edge tie is decided by
 * the committee (the chosen nominations and the approvers); the formal list's confirmation is a single row.
 */
const SQL = `
CREATE TABLE nomination_rule (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  joint_nominators  INTEGER NOT NULL CHECK (joint_nominators >= 2)
) STRICT;
INSERT INTO nomination_rule (id, joint_nominators) VALUES (1, 10);

CREATE TABLE nomination (
  id           INTEGER PRIMARY KEY,
  office_id    TEXT NOT NULL REFERENCES office(id),
  kind         TEXT NOT NULL CHECK (kind IN ('application', 'joint')),
  voter_id     INTEGER NOT NULL REFERENCES voter(id),
  preliminary  INTEGER NOT NULL DEFAULT 0 CHECK (preliminary IN (0, 1)),
  votes        INTEGER CHECK (votes >= 0),
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  UNIQUE (office_id, voter_id)
) STRICT;

CREATE TABLE nominator (
  nomination_id INTEGER NOT NULL REFERENCES nomination(id),
  voter_id      INTEGER NOT NULL REFERENCES voter(id),
  PRIMARY KEY (nomination_id, voter_id)
) STRICT;
CREATE INDEX nominator_voter ON nominator(voter_id);

CREATE TABLE nomination_vote (
  office_id     TEXT PRIMARY KEY REFERENCES office(id),
  held_on       TEXT NOT NULL,
  present       INTEGER NOT NULL CHECK (present >= 0),
  ballots       INTEGER NOT NULL CHECK (ballots >= 0),
  formal_count  INTEGER NOT NULL CHECK (formal_count > 0),
  tie_chosen    TEXT,
  tie_reason    TEXT,
  tie_decided_by TEXT,
  recorded_at   TEXT NOT NULL
) STRICT;

CREATE TABLE formal_list (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  published_on  TEXT NOT NULL,
  confirmed_at  TEXT NOT NULL,
  confirmed_by  TEXT NOT NULL
) STRICT;
`;

export const nomination013: Migration = {
  version: 13,
  name: 'nomination',
  up(db) {
    db.exec(SQL);
  },
};
