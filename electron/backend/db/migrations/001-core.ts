import type { Migration } from './types';

/**
 * The election, its offices and candidates, venues and boxes, custody, people and roles, rounds, and the audit log.
 * Conventions: STRICT tables; booleans are INTEGER 0/1; JSON is TEXT; times are ISO-8601 UTC text;
 * `*_key` columns hold names after normalizeName (NFKC, no whitespace) for comparison.
 */
const SQL = `
CREATE TABLE election (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  title             TEXT NOT NULL,
  community         TEXT NOT NULL,
  body              TEXT NOT NULL CHECK (body IN ('residents', 'party', 'supervisory')),
  method            TEXT NOT NULL CHECK (method IN ('direct', 'household', 'representative', 'meeting')),
  date              TEXT NOT NULL,
  rules_json        TEXT NOT NULL,
  registered_source TEXT NOT NULL CHECK (registered_source IN ('roll', 'number')),
  registered_number INTEGER CHECK (registered_number IS NULL OR registered_number >= 0),
  drill             INTEGER NOT NULL DEFAULT 0 CHECK (drill IN (0, 1)),
  created_at        TEXT NOT NULL,
  CHECK ((registered_source = 'number') = (registered_number IS NOT NULL))
) STRICT;

-- Party meetings: members who should attend minus approved exclusions gives the registered number.
CREATE TABLE party_exclusion (
  id         INTEGER PRIMARY KEY,
  member     TEXT NOT NULL,
  member_key TEXT NOT NULL UNIQUE,
  reason     TEXT NOT NULL CHECK (length(reason) > 0)
) STRICT;

CREATE TABLE office (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  rank       INTEGER NOT NULL UNIQUE CHECK (rank > 0),
  seats      INTEGER NOT NULL CHECK (seats > 0),
  women_only INTEGER NOT NULL DEFAULT 0 CHECK (women_only IN (0, 1))
) STRICT;

CREATE TABLE candidate (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  name_key  TEXT NOT NULL CHECK (length(name_key) > 0),
  gender    TEXT CHECK (gender IN ('female', 'male')),
  office_id TEXT NOT NULL REFERENCES office(id),
  id_number TEXT,
  UNIQUE (office_id, name_key)
) STRICT;
CREATE INDEX candidate_name_key ON candidate(name_key);

CREATE TABLE venue (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('central', 'station'))
) STRICT;
CREATE UNIQUE INDEX venue_one_central ON venue(kind) WHERE kind = 'central';

CREATE TABLE box (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('central', 'station', 'mobile')),
  venue_id TEXT NOT NULL REFERENCES venue(id)
) STRICT;

-- Mobile-box teams (at least three people, checked by the service).
CREATE TABLE box_staff (
  box_id    TEXT NOT NULL REFERENCES box(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  PRIMARY KEY (box_id, person_id)
) STRICT;

CREATE TABLE person (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL CHECK (length(name_key) > 0),
  id_number  TEXT,
  pin_salt   TEXT,
  pin_hash   TEXT,
  created_at TEXT NOT NULL,
  CHECK ((pin_salt IS NULL) = (pin_hash IS NULL))
) STRICT;
CREATE INDEX person_name_key ON person(name_key);

CREATE TABLE committee_member (
  person_id   INTEGER PRIMARY KEY REFERENCES person(id),
  position    TEXT NOT NULL CHECK (position IN ('chair', 'vice-chair', 'member')),
  joined_at   TEXT NOT NULL,
  left_at     TEXT,
  left_reason TEXT,
  CHECK ((left_at IS NULL) = (left_reason IS NULL))
) STRICT;

-- An official role; venue_id is where it is held (desk staff, writing helpers), NULL for the whole election.
CREATE TABLE official_role (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person(id),
  role       TEXT NOT NULL CHECK (role IN ('chief-scrutineer', 'scrutineer', 'caller', 'counter', 'chief-counter', 'desk', 'writing-helper')),
  venue_id   TEXT REFERENCES venue(id),
  granted_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_reason TEXT
) STRICT;
CREATE UNIQUE INDEX official_role_active ON official_role(person_id, role) WHERE revoked_at IS NULL;

-- "relative_name is the <kind> of candidate candidate_name": declared, matched by normalised names.
CREATE TABLE close_relative (
  id             INTEGER PRIMARY KEY,
  relative_name  TEXT NOT NULL,
  relative_key   TEXT NOT NULL CHECK (length(relative_key) > 0),
  candidate_name TEXT NOT NULL,
  candidate_key  TEXT NOT NULL CHECK (length(candidate_key) > 0),
  kind           TEXT NOT NULL CHECK (kind IN ('spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild')),
  declared_at    TEXT NOT NULL,
  UNIQUE (relative_key, candidate_key, kind)
) STRICT;
CREATE INDEX close_relative_key ON close_relative(relative_key);

-- Rounds are numbered 1, 2, … in creation order. status is validated by the services (shared/domain/round.ts)
-- so later steps can add states without rebuilding the table.
CREATE TABLE round (
  number     INTEGER PRIMARY KEY CHECK (number > 0),
  kind       TEXT NOT NULL CHECK (kind IN ('regular', 'tie-revote', 'supplementary')),
  status     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (number > 1 OR kind = 'regular')
) STRICT;

-- Offices, seats and candidates of a later round. A regular round with no rows here uses every office and the
-- formal candidate list; a tie-revote or supplementary round lists exactly what is on its ballot.
CREATE TABLE round_office (
  round_number INTEGER NOT NULL REFERENCES round(number),
  office_id    TEXT NOT NULL REFERENCES office(id),
  seats        INTEGER NOT NULL CHECK (seats > 0),
  PRIMARY KEY (round_number, office_id)
) STRICT;

CREATE TABLE round_candidate (
  round_number INTEGER NOT NULL,
  office_id    TEXT NOT NULL,
  id           TEXT NOT NULL,
  name         TEXT NOT NULL,
  name_key     TEXT NOT NULL,
  gender       TEXT CHECK (gender IN ('female', 'male')),
  PRIMARY KEY (round_number, id),
  UNIQUE (round_number, office_id, name_key),
  FOREIGN KEY (round_number, office_id) REFERENCES round_office(round_number, office_id)
) STRICT;

-- Custody trail of a box, per round (DOMAIN.md §6). seq orders the events of one box and round.
CREATE TABLE custody_event (
  id               INTEGER PRIMARY KEY,
  box_id           TEXT NOT NULL REFERENCES box(id),
  round_number     INTEGER NOT NULL REFERENCES round(number),
  seq              INTEGER NOT NULL,
  step             TEXT NOT NULL CHECK (step IN ('sealed-empty', 'voting', 'sealed-closed', 'carried', 'received',
                                                  'seal-checked', 'committee-decision', 'opened')),
  at               TEXT NOT NULL,
  by_person_id     INTEGER REFERENCES person(id),
  seal_numbers     TEXT,            -- JSON array: seals put on (sealed-empty, sealed-closed) or found (seal-checked)
  seal_intact      INTEGER CHECK (seal_intact IN (0, 1)),
  flagged          INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
  carriers         TEXT,            -- JSON array of names (carried)
  decision         TEXT CHECK (decision IN ('open', 'set-aside')),
  decided_by       TEXT,            -- JSON array of committee member person ids
  note             TEXT,
  UNIQUE (box_id, round_number, seq)
) STRICT;

-- Append-only, hash-chained. hash = sha256(canonical JSON of the event including prev_hash).
CREATE TABLE audit_event (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  type        TEXT NOT NULL,
  actor       TEXT,
  outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'refused')),
  subject     TEXT,
  detail_json TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
) STRICT;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;

export const core001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(SQL);
  },
};
