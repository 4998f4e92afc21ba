import type { Migration } from './types';

/**
 * Never lose the day (docs/stations.md, "second copy" and "takeover").
 * - second_copy: the folder on removable media the committee chose for this file's second copy, the copy's id (its
 *   sub-folder's name) and the number of the last change written to it (compared with the copy's journal at start).
 * - station_laptop_key: on a station laptop, every key its file has been signed with, in order: the first laptop's,
 *   then each laptop that took over from a copy (its returns list them, so the central laptop follows the change).
 * - station_key_replaced: at the central laptop, each takeover accepted (old and new key, from which return).
 * - voter_elsewhere: on a station laptop, the certificate numbers of voters of other stations and where they vote
 *   (its venue, or its mobile box; nothing else about them), so the desk can say where to go instead of "not on the roll".
 * - phoned_turnout: a figure phoned in from a station before its return arrives; provisional until a return from
 *   that station written after it is imported.
 */
const SQL = `
CREATE TABLE second_copy (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  folder  TEXT NOT NULL,
  copy_id TEXT NOT NULL,
  seq     INTEGER NOT NULL DEFAULT 0 CHECK (seq >= 0),
  set_at  TEXT NOT NULL
) STRICT;

CREATE TABLE station_laptop_key (
  seq         INTEGER PRIMARY KEY CHECK (seq > 0),
  fingerprint TEXT NOT NULL UNIQUE,
  since       TEXT NOT NULL,
  audit_count INTEGER NOT NULL,
  how         TEXT NOT NULL CHECK (how IN ('opened', 'takeover'))
) STRICT;

CREATE TABLE station_key_replaced (
  station_id      TEXT NOT NULL,
  sequence        INTEGER NOT NULL,
  old_fingerprint TEXT NOT NULL,
  new_fingerprint TEXT NOT NULL,
  replaced_at     TEXT NOT NULL,
  decided_by      TEXT NOT NULL,
  PRIMARY KEY (station_id, new_fingerprint)
) STRICT;

CREATE TABLE voter_elsewhere (
  certificate     TEXT PRIMARY KEY,
  venue_id        TEXT NOT NULL,
  mobile_box_id   TEXT,
  mobile_box_name TEXT
) STRICT;

CREATE TABLE phoned_turnout (
  id           INTEGER PRIMARY KEY,
  station_id   TEXT NOT NULL,
  round_number INTEGER NOT NULL,
  count        INTEGER NOT NULL CHECK (count >= 0),
  phoned_at    TEXT NOT NULL,
  entered_at   TEXT NOT NULL,
  entered_by   TEXT,
  decided_by   TEXT NOT NULL,
  request_key  TEXT UNIQUE
) STRICT;
`;

export const takeover011: Migration = {
  version: 11,
  name: 'takeover',
  up(db) {
    db.exec(SQL);
  },
};
