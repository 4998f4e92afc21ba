import type { Migration } from './types';

/**
 * The voter roll, assignments, proxies, desks, ballot stock and ballot issuance.
 *
 * Secret ballot (DOMAIN.md §5): nothing here refers to a ballot or to anything a ballot row will carry. Issuance rows
 * say who received a ballot where and when; spoiled exchanges are bare counts per box and round with no voter and no
 * time; ballot stock is counts. Ballots (a later migration) are stored per box with no voter, no issuance id, no
 * order and no time, so the two can never be joined.
 */
const SQL = `
-- One row per roll import (all or nothing), for the record of where the roll came from.
CREATE TABLE roll_import (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT,
  file_name  TEXT,
  format     TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  encoding   TEXT CHECK (encoding IN ('utf8', 'gbk')),
  sha256     TEXT NOT NULL,
  voters     INTEGER NOT NULL CHECK (voters > 0)
) STRICT;

-- A registered voter. Assigned either to a venue (central venue or a polling station) or to a mobile box, whose
-- approved list is exactly the voters assigned to it.
CREATE TABLE voter (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL CHECK (length(name_key) > 0),
  id_number     TEXT NOT NULL UNIQUE,
  gender        TEXT NOT NULL CHECK (gender IN ('female', 'male')),
  birth_date    TEXT NOT NULL,
  group_name    TEXT NOT NULL,
  category      TEXT NOT NULL CHECK (category IN ('resident', 'resident-away', 'incomer', 'community-worker')),
  certificate   TEXT NOT NULL UNIQUE CHECK (length(certificate) = 8),
  venue_id      TEXT REFERENCES venue(id),
  mobile_box_id TEXT REFERENCES box(id),
  import_id     INTEGER NOT NULL REFERENCES roll_import(id),
  line          INTEGER NOT NULL,
  CHECK ((venue_id IS NULL) <> (mobile_box_id IS NULL))
) STRICT;
CREATE INDEX voter_name_key ON voter(name_key);
CREATE INDEX voter_venue ON voter(venue_id) WHERE venue_id IS NOT NULL;
CREATE INDEX voter_mobile_box ON voter(mobile_box_id) WHERE mobile_box_id IS NOT NULL;

-- Generated certificate numbers count up from here (the prefix is fixed by the first generating import).
CREATE TABLE certificate_counter (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  prefix      TEXT NOT NULL,
  next_serial INTEGER NOT NULL
) STRICT;

-- A committee decision moving a voter (including onto or off a mobile box's approved list).
CREATE TABLE reassignment (
  id               INTEGER PRIMARY KEY,
  voter_id         INTEGER NOT NULL REFERENCES voter(id),
  from_venue_id    TEXT REFERENCES venue(id),
  from_box_id      TEXT REFERENCES box(id),
  to_venue_id      TEXT REFERENCES venue(id),
  to_box_id        TEXT REFERENCES box(id),
  decided_by       INTEGER NOT NULL REFERENCES person(id),
  reason           TEXT NOT NULL CHECK (length(reason) > 0),
  at               TEXT NOT NULL,
  CHECK ((to_venue_id IS NULL) <> (to_box_id IS NULL))
) STRICT;
CREATE INDEX reassignment_voter ON reassignment(voter_id);

-- An approved proxy (委托投票), published beforehand: the voter gave their certificate up to the trustee.
CREATE TABLE proxy (
  id             INTEGER PRIMARY KEY,
  voter_id       INTEGER NOT NULL REFERENCES voter(id),
  trustee_id     INTEGER NOT NULL REFERENCES voter(id),
  approved_by    INTEGER NOT NULL REFERENCES person(id),
  approved_at    TEXT NOT NULL,
  revoked_at     TEXT,
  revoked_reason TEXT,
  CHECK (voter_id <> trustee_id),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX proxy_active_voter ON proxy(voter_id) WHERE revoked_at IS NULL;
CREATE INDEX proxy_active_trustee ON proxy(trustee_id) WHERE revoked_at IS NULL;

-- A certificate check & ballot issuance desk hands out the ballots of one box. A box id also works as the name
-- of its single implicit desk, so a small election needs no desk set-up.
CREATE TABLE desk (
  id     TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  box_id TEXT NOT NULL REFERENCES box(id)
) STRICT;

-- Blank ballots handed to a box's desk for a round, and unused ones handed back at the close.
CREATE TABLE ballot_stock_movement (
  id           INTEGER PRIMARY KEY,
  box_id       TEXT NOT NULL REFERENCES box(id),
  round_number INTEGER NOT NULL REFERENCES round(number),
  kind         TEXT NOT NULL CHECK (kind IN ('received', 'returned-unused')),
  count        INTEGER NOT NULL CHECK (count > 0),
  at           TEXT NOT NULL,
  actor        TEXT
) STRICT;
CREATE INDEX ballot_stock_box_round ON ballot_stock_movement(box_id, round_number);

-- One ballot per voter per round. A proxy ballot is issued against the proxied voter and names the trustee.
-- Assisted writing records that help was given and by which official, never anything written.
CREATE TABLE issuance (
  id               INTEGER PRIMARY KEY,
  voter_id         INTEGER NOT NULL REFERENCES voter(id),
  round_number     INTEGER NOT NULL REFERENCES round(number),
  box_id           TEXT NOT NULL REFERENCES box(id),
  desk             TEXT NOT NULL,
  at               TEXT NOT NULL,
  actor            TEXT,
  trustee_id       INTEGER REFERENCES voter(id),
  helper_person_id INTEGER REFERENCES person(id),
  UNIQUE (voter_id, round_number)
) STRICT;
CREATE INDEX issuance_round_box ON issuance(round_number, box_id);

-- Spoiled-ballot exchanges: a bare count per box and round (no voter, no time).
CREATE TABLE spoiled_count (
  box_id       TEXT NOT NULL REFERENCES box(id),
  round_number INTEGER NOT NULL REFERENCES round(number),
  count        INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (box_id, round_number)
) STRICT;
`;

export const rollIssuance002: Migration = {
  version: 2,
  name: 'roll-issuance',
  up(db) {
    db.exec(SQL);
  },
};
