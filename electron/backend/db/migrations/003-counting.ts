import type { Migration } from './types';

/**
 * Counting, results, later-round origins and sign-offs.
 *
 * Secret ballot (DOMAIN.md §5): a ballot row holds round, box, entry sheet, its position in the counting sequence and
 * what was read on it. No voter, no certificate, no issuance id and no time: nothing joins it with issuance. Times of
 * counting actions live in the audit log only, and counting happens after the poll is closed.
 */
const SQL = `
-- Election-wide counting settings (one row, created on first use).
CREATE TABLE counting_setting (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  double_entry INTEGER NOT NULL DEFAULT 0 CHECK (double_entry IN (0, 1))
) STRICT;

-- A box opened for counting in a round: the ballots found in it, and whether its entered sequence is accepted.
CREATE TABLE box_count (
  round_number INTEGER NOT NULL REFERENCES round(number),
  box_id       TEXT NOT NULL REFERENCES box(id),
  found        INTEGER CHECK (found IS NULL OR found >= 0),
  status       TEXT NOT NULL CHECK (status IN ('counting', 'accepted')),
  PRIMARY KEY (round_number, box_id)
) STRICT;

-- One entry sequence of a box: sheet 'A', and with double entry also 'B', each entered by its own counter.
CREATE TABLE count_sheet (
  round_number      INTEGER NOT NULL,
  box_id            TEXT NOT NULL,
  sheet             TEXT NOT NULL CHECK (sheet IN ('A', 'B')),
  counter_person_id INTEGER REFERENCES person(id),
  PRIMARY KEY (round_number, box_id, sheet),
  FOREIGN KEY (round_number, box_id) REFERENCES box_count(round_number, box_id)
) STRICT;

-- A ballot as called and entered. content_json: {"marks":{…}} | {"void":reason} | {"doubtful":{"marks"?,"note"}}.
-- ruling_json: the committee's ruling on a doubtful ballot ({"marks":{…}} or {"void":reason}, with by and reason).
CREATE TABLE ballot (
  round_number INTEGER NOT NULL,
  box_id       TEXT NOT NULL,
  sheet        TEXT NOT NULL CHECK (sheet IN ('A', 'B')),
  position     INTEGER NOT NULL CHECK (position > 0),
  content_json TEXT NOT NULL,
  ruling_json  TEXT,
  PRIMARY KEY (round_number, box_id, sheet, position),
  FOREIGN KEY (round_number, box_id, sheet) REFERENCES count_sheet(round_number, box_id, sheet)
) STRICT, WITHOUT ROWID;

-- Every change to an entered ballot: corrections, and the scrutineers' settling of double-entry disagreements.
CREATE TABLE ballot_change (
  id           INTEGER PRIMARY KEY,
  round_number INTEGER NOT NULL,
  box_id       TEXT NOT NULL,
  sheet        TEXT NOT NULL CHECK (sheet IN ('A', 'B')),
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('correction', 'settlement')),
  old_json     TEXT,            -- NULL: the position was empty on this sheet
  new_json     TEXT,            -- NULL: the entry was removed (settling a surplus last entry)
  by_person_id INTEGER NOT NULL REFERENCES person(id),
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  FOREIGN KEY (round_number, box_id) REFERENCES box_count(round_number, box_id)
) STRICT;
CREATE INDEX ballot_change_box ON ballot_change(round_number, box_id);

-- The stored result of a round: the cer/1 record built from the database, its cer-result/1, and their hashes.
CREATE TABLE round_result (
  round_number INTEGER PRIMARY KEY REFERENCES round(number),
  record_json  TEXT NOT NULL,
  result_json  TEXT NOT NULL,
  record_hash  TEXT NOT NULL,
  result_hash  TEXT NOT NULL,
  computed_at  TEXT NOT NULL
) STRICT;

-- Which result's next steps a later round was created from.
CREATE TABLE round_origin (
  round_number INTEGER PRIMARY KEY REFERENCES round(number),
  from_round   INTEGER NOT NULL REFERENCES round(number),
  kind         TEXT NOT NULL CHECK (kind IN ('tie-revote', 'supplementary')),
  offices_json TEXT NOT NULL,
  decided_by   INTEGER REFERENCES person(id),
  note         TEXT
) STRICT;

-- A signature on a round's result: who, in which role, on which result hash. Revoked together on reopening.
CREATE TABLE signoff (
  id             INTEGER PRIMARY KEY,
  round_number   INTEGER NOT NULL REFERENCES round(number),
  person_id      INTEGER NOT NULL REFERENCES person(id),
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('chief-scrutineer', 'scrutineer', 'caller', 'counter', 'chief-counter', 'committee-chair')),
  result_hash    TEXT NOT NULL,
  signed_at      TEXT NOT NULL,
  revoked_at     TEXT,
  revoked_reason TEXT,
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX signoff_in_force ON signoff(round_number, person_id, role) WHERE revoked_at IS NULL;
`;

export const counting003: Migration = {
  version: 3,
  name: 'counting',
  up(db) {
    db.exec(SQL);
  },
};
