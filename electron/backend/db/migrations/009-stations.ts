import type { Migration } from './types';

/**
 * Several laptops, one election (docs/stations.md). A station laptop's file says which station it serves and which
 * signed package it was opened from, and keeps the returns it wrote (each names the ones before it, so they form a
 * chain). The central laptop keeps each station's registered key, the returns it imported with the box figures they
 * stated, and the anomalies an import found; an issuance imported from a return names its station.
 *
 * Secret ballot: a return carries issuances (who received a ballot where and when) and bare counts, never a ballot.
 */
const SQL = `
CREATE TABLE station_laptop (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  station_id         TEXT NOT NULL,
  station_kind       TEXT NOT NULL CHECK (station_kind IN ('venue', 'mobile-box')),
  election_id        TEXT NOT NULL,
  package_hash       TEXT NOT NULL,
  central_fingerprint TEXT NOT NULL,
  opened_at          TEXT NOT NULL
) STRICT;

CREATE TABLE station_return_written (
  sequence     INTEGER PRIMARY KEY CHECK (sequence > 0),
  payload_hash TEXT NOT NULL UNIQUE,
  written_at   TEXT NOT NULL,
  closing      INTEGER NOT NULL CHECK (closing IN (0, 1))
) STRICT;

CREATE TABLE station_key (
  station_id    TEXT PRIMARY KEY,
  fingerprint   TEXT NOT NULL,
  public_key    TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  decided_by    TEXT NOT NULL
) STRICT;

CREATE TABLE station_return (
  station_id   TEXT NOT NULL,
  sequence     INTEGER NOT NULL CHECK (sequence > 0),
  payload_hash TEXT NOT NULL UNIQUE,
  written_at   TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  closing      INTEGER NOT NULL CHECK (closing IN (0, 1)),
  issuances    INTEGER NOT NULL CHECK (issuances >= 0),
  added        INTEGER NOT NULL CHECK (added >= 0),
  audit_count  INTEGER NOT NULL,
  audit_hash   TEXT NOT NULL,
  PRIMARY KEY (station_id, sequence)
) STRICT;

CREATE TABLE station_return_box (
  station_id   TEXT NOT NULL,
  sequence     INTEGER NOT NULL,
  box_id       TEXT NOT NULL,
  round_number INTEGER NOT NULL,
  received     INTEGER NOT NULL,
  issued       INTEGER NOT NULL,
  spoiled      INTEGER NOT NULL,
  returned     INTEGER NOT NULL,
  PRIMARY KEY (station_id, sequence, box_id, round_number),
  FOREIGN KEY (station_id, sequence) REFERENCES station_return(station_id, sequence)
) STRICT;

CREATE TABLE station_anomaly (
  id           INTEGER PRIMARY KEY,
  station_id   TEXT NOT NULL,
  sequence     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('issued-elsewhere', 'not-assigned-here', 'unknown-voter', 'issued-count-down', 'custody-differs')),
  subject      TEXT NOT NULL,
  round_number INTEGER NOT NULL,
  detail_json  TEXT NOT NULL,
  UNIQUE (kind, station_id, subject, round_number)
) STRICT;

ALTER TABLE issuance ADD COLUMN station_id TEXT;
`;

export const stations009: Migration = {
  version: 9,
  name: 'stations',
  up(db) {
    db.exec(SQL);
  },
};
