import type { Migration } from './types';

/**
 * The Party members' meeting (issue 12). The Party roll is imported into the voter table like the residents' roll;
 * a probationary member (预备党员) is marked and has no vote. A member excused from the registered count (不计入应到会
 * 人数) carries the reason, the town Party committee's approval (who, which day), the meeting's (which day) and the
 * committee members who confirmed it; undoing it before round 1 opens keeps the row with when and by whom.
 */
const SQL = `
ALTER TABLE voter ADD COLUMN probationary INTEGER NOT NULL DEFAULT 0 CHECK (probationary IN (0, 1));

CREATE TABLE party_excusal (
  id                  INTEGER PRIMARY KEY,
  voter_id            INTEGER NOT NULL REFERENCES voter(id),
  reason              TEXT NOT NULL CHECK (reason IN ('illness', 'abroad', 'detained', 'bedridden', 'away-unmoved')),
  note                TEXT,
  town_approved_by    TEXT NOT NULL CHECK (length(town_approved_by) > 0),
  town_approved_on    TEXT NOT NULL,
  meeting_approved_on TEXT NOT NULL,
  decided_by          TEXT,
  at                  TEXT NOT NULL,
  undone_at           TEXT,
  undone_by           TEXT,
  undone_reason       TEXT,
  CHECK ((undone_at IS NULL) = (undone_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX party_excusal_active ON party_excusal(voter_id) WHERE undone_at IS NULL;
`;

export const party017: Migration = {
  version: 17,
  name: 'party',
  up(db) {
    db.exec(SQL);
  },
};
