import type { Migration } from './types';

/**
 * The roll's life before round 1 (issue 12). A voter may now be added one by one (no import: import_id and line are
 * null), carries an address and, for 人户分离 registrations, the proof the committee saw; a removed voter stays in
 * the table for history (removed_at set) and is no longer counted, listed for certificates or issued a ballot.
 * Every addition, removal and correction is a roll_change row with the values before and after. The publication
 * date and the eligible count (for the 30% check) are single rows; objections (申诉) are recorded and decided.
 *
 * The voter table is rebuilt (SQLite cannot drop NOT NULL) with foreign keys off, the way SQLite documents it; the
 * migration runner checks foreign keys before committing.
 */
const SQL = `
CREATE TABLE voter_rebuilt (
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
  import_id     INTEGER REFERENCES roll_import(id),
  line          INTEGER,
  address       TEXT,
  proof_note    TEXT,
  removed_at    TEXT,
  CHECK ((venue_id IS NULL) <> (mobile_box_id IS NULL)),
  CHECK ((import_id IS NULL) = (line IS NULL))
) STRICT;
INSERT INTO voter_rebuilt (id, name, name_key, id_number, gender, birth_date, group_name, category, certificate,
                           venue_id, mobile_box_id, import_id, line)
  SELECT id, name, name_key, id_number, gender, birth_date, group_name, category, certificate,
         venue_id, mobile_box_id, import_id, line FROM voter;
DROP TABLE voter;
ALTER TABLE voter_rebuilt RENAME TO voter;
CREATE INDEX voter_name_key ON voter(name_key);
CREATE INDEX voter_venue ON voter(venue_id) WHERE venue_id IS NOT NULL;
CREATE INDEX voter_mobile_box ON voter(mobile_box_id) WHERE mobile_box_id IS NOT NULL;
CREATE INDEX voter_removed ON voter(id) WHERE removed_at IS NOT NULL;

-- An objection (申诉) to the published roll: who filed it, about which voter (null: about the roll, e.g. someone
-- missing from it), what it says, the day filed; the committee's decision with its reason and approvers.
CREATE TABLE objection (
  id              INTEGER PRIMARY KEY,
  filed_by        TEXT NOT NULL CHECK (length(filed_by) > 0),
  filed_on        TEXT NOT NULL,
  voter_id        INTEGER REFERENCES voter(id),
  what            TEXT NOT NULL CHECK (length(what) > 0),
  recorded_at     TEXT NOT NULL,
  recorded_by     TEXT,
  decision        TEXT CHECK (decision IN ('upheld', 'rejected')),
  decision_reason TEXT,
  decided_on      TEXT,
  decided_at      TEXT,
  decided_by      TEXT,
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  CHECK ((decision IS NULL) = (decided_on IS NULL))
) STRICT;

-- A change to the roll after its import: a voter added, removed or corrected, with the values before and after
-- (JSON), the reason, the committee members who decided it and the objection it carries out, if any.
CREATE TABLE roll_change (
  id           INTEGER PRIMARY KEY,
  voter_id     INTEGER NOT NULL REFERENCES voter(id),
  kind         TEXT NOT NULL CHECK (kind IN ('added', 'removed', 'corrected')),
  before_json  TEXT,
  after_json   TEXT,
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  -- a removal's reason (shared/domain/roll-life.ts REMOVAL_REASONS); then "reason" is the note, or the code itself
  removal      TEXT CHECK (removal IN ('deceased', 'moved', 'registered-elsewhere', 'objection-upheld', 'other')),
  objection_id INTEGER REFERENCES objection(id),
  decided_by   TEXT,
  at           TEXT NOT NULL
) STRICT;
CREATE INDEX roll_change_voter ON roll_change(voter_id);

-- When the committee marked the roll published (the deadlines count from it), and the eligible count it entered.
CREATE TABLE roll_publication (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  published_on TEXT NOT NULL,
  decided_by   TEXT,
  at           TEXT NOT NULL
) STRICT;
CREATE TABLE roll_eligible (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  eligible   INTEGER NOT NULL CHECK (eligible > 0),
  decided_by TEXT,
  at         TEXT NOT NULL
) STRICT;
`;

export const rollLife012: Migration = {
  version: 12,
  name: 'roll-life',
  foreignKeysOff: true,
  up(db) {
    db.exec(SQL);
  },
};
