import type { Migration } from './types';

/**
 * Who acts (shared/api/access.ts). A proxy approval and a voter's reassignment name the committee member who approved
 * with their PIN; while an election is still being set up nobody can approve, so those columns may now be empty.
 *
 * Spoiled-ballot exchanges (services/spoiled.ts): the bare count per box and round learns how much of it the audit
 * log already holds (the log gets the count when the box closes, never one event per exchange). A re-sent exchange is
 * recognised by its random request key alone: no time, no box, no order (WITHOUT ROWID, ordered by the key), unlike a
 * general receipt whose stored answer would hold the box's issued count at the moment of the exchange.
 */
const SQL = `
CREATE TABLE proxy_new (
  id             INTEGER PRIMARY KEY,
  voter_id       INTEGER NOT NULL REFERENCES voter(id),
  trustee_id     INTEGER NOT NULL REFERENCES voter(id),
  approved_by    INTEGER REFERENCES person(id),
  approved_at    TEXT NOT NULL,
  revoked_at     TEXT,
  revoked_reason TEXT,
  CHECK (voter_id <> trustee_id),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
) STRICT;
INSERT INTO proxy_new SELECT id, voter_id, trustee_id, approved_by, approved_at, revoked_at, revoked_reason FROM proxy;
DROP TABLE proxy;
ALTER TABLE proxy_new RENAME TO proxy;
CREATE UNIQUE INDEX proxy_active_voter ON proxy(voter_id) WHERE revoked_at IS NULL;
CREATE INDEX proxy_active_trustee ON proxy(trustee_id) WHERE revoked_at IS NULL;
ALTER TABLE proxy ADD COLUMN revoked_by INTEGER REFERENCES person(id);

CREATE TABLE reassignment_new (
  id               INTEGER PRIMARY KEY,
  voter_id         INTEGER NOT NULL REFERENCES voter(id),
  from_venue_id    TEXT REFERENCES venue(id),
  from_box_id      TEXT REFERENCES box(id),
  to_venue_id      TEXT REFERENCES venue(id),
  to_box_id        TEXT REFERENCES box(id),
  decided_by       INTEGER REFERENCES person(id),
  reason           TEXT NOT NULL CHECK (length(reason) > 0),
  at               TEXT NOT NULL,
  CHECK ((to_venue_id IS NULL) <> (to_box_id IS NULL))
) STRICT;
INSERT INTO reassignment_new SELECT id, voter_id, from_venue_id, from_box_id, to_venue_id, to_box_id, decided_by, reason, at FROM reassignment;
DROP TABLE reassignment;
ALTER TABLE reassignment_new RENAME TO reassignment;
CREATE INDEX reassignment_voter ON reassignment(voter_id);

ALTER TABLE spoiled_count ADD COLUMN audited INTEGER NOT NULL DEFAULT 0 CHECK (audited >= 0);
UPDATE spoiled_count SET audited = count;

CREATE TABLE spoiled_exchange_key (key TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
`;

export const approvalsSpoiled007: Migration = {
  version: 7,
  name: 'approvals-and-spoiled-tally',
  up(db) {
    db.exec(SQL);
  },
};
