import type { Migration } from './types';

/**
 * Several laptops (issue 10), what was left:
 * - second_copy.flush: when the copy's journal line reaches the medium, chosen per laptop with the folder
 *   (docs/stations.md "the second copy"): 'before-ack' flushes it before the write commits, 'right-after' flushes it
 *   in the background, the next write waiting for that flush. Files from before keep the safer one.
 * - station_anomaly accepts 'household-issued-elsewhere': in a household election, a return's issuance to a member of
 *   a household whose ballot was already issued at another place (the table is rebuilt: SQLite cannot alter a CHECK).
 */
const SQL = `
ALTER TABLE second_copy ADD COLUMN flush TEXT NOT NULL DEFAULT 'before-ack' CHECK (flush IN ('before-ack', 'right-after'));

CREATE TABLE station_anomaly_new (
  id           INTEGER PRIMARY KEY,
  station_id   TEXT NOT NULL,
  sequence     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('issued-elsewhere', 'not-assigned-here', 'unknown-voter', 'issued-count-down',
                                             'custody-differs', 'household-issued-elsewhere')),
  subject      TEXT NOT NULL,
  round_number INTEGER NOT NULL,
  detail_json  TEXT NOT NULL,
  UNIQUE (kind, station_id, subject, round_number)
) STRICT;
INSERT INTO station_anomaly_new (id, station_id, sequence, kind, subject, round_number, detail_json)
  SELECT id, station_id, sequence, kind, subject, round_number, detail_json FROM station_anomaly;
DROP TABLE station_anomaly;
ALTER TABLE station_anomaly_new RENAME TO station_anomaly;
`;

export const copy020: Migration = {
  version: 20,
  name: 'copy',
  foreignKeysOff: true,
  up(db) {
    db.exec(SQL);
  },
};
