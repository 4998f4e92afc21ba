import { TOWN_APPLICATION_ID } from '../../db/connection';
import type { Migration } from '../../db/migrations/types';

/**
 * The town office file: its name, the communities it expects results from, the station keys registered from the
 * signed tally sheets, every sealed file received (with its bytes) and every file refused.
 * `*_key` columns hold names after normalizeName (NFKC, no whitespace) for comparison; times are ISO-8601 text.
 */
const SQL = `
CREATE TABLE town_office (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  name           TEXT NOT NULL,
  follow_up_days INTEGER NOT NULL CHECK (follow_up_days BETWEEN 0 AND 3650),
  created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE community (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL UNIQUE,
  added_at      TEXT NOT NULL
) STRICT;

CREATE TABLE station_key (
  id            INTEGER PRIMARY KEY,
  community     TEXT NOT NULL,
  community_key TEXT NOT NULL,
  fingerprint   TEXT NOT NULL CHECK (length(fingerprint) IN (32, 64)),
  via           TEXT NOT NULL CHECK (via IN ('typed', 'qr', 'file')),
  registered_at TEXT NOT NULL,
  UNIQUE (community_key, fingerprint)
) STRICT;

CREATE TABLE sealed_file (
  id             INTEGER PRIMARY KEY,
  payload_hash   TEXT NOT NULL UNIQUE,
  community      TEXT NOT NULL,
  community_key  TEXT NOT NULL,
  body           TEXT NOT NULL CHECK (body IN ('residents', 'party', 'supervisory')),
  title          TEXT NOT NULL,
  election_date  TEXT NOT NULL,
  sequence       INTEGER NOT NULL CHECK (sequence >= 1),
  supersedes     TEXT,
  superseded_by  INTEGER REFERENCES sealed_file(id),
  fingerprint    TEXT NOT NULL,
  sealed_at      TEXT NOT NULL,
  received_at    TEXT NOT NULL,
  source         TEXT NOT NULL,
  facts_json     TEXT NOT NULL,
  bytes          BLOB NOT NULL
) STRICT;
CREATE INDEX sealed_file_election ON sealed_file (community_key, body);
CREATE INDEX sealed_file_supersedes ON sealed_file (supersedes);

CREATE TABLE refused_file (
  id          INTEGER PRIMARY KEY,
  file_hash   TEXT NOT NULL,
  source      TEXT NOT NULL,
  reason      TEXT NOT NULL,
  refused_at  TEXT NOT NULL
) STRICT;
`;

export const town001: Migration = {
  version: 1,
  name: 'town',
  up(db) {
    db.exec(SQL);
    // Marks the file as a town office file within the same transaction as its schema (see TOWN_APPLICATION_ID).
    db.pragma(`application_id = ${TOWN_APPLICATION_ID}`);
  },
};
