import type { Migration } from './types';

/**
 * Candidates who first stand in a later round (a write-in person on a supplementary ballot, say) get the same
 * optional record facts as set-up candidates. Their ID number is not kept: only the person key made from it with the
 * town's salt (fixed since round 1 opened), so no ID number is stored that was not stored before.
 *
 * A withdrawn nomination leaves the nomination tables (it no longer counts anywhere: not for the nominee, not against
 * a nominator's limit) and is kept here with its nominators and the reason. Its id is never given again.
 */
const SQL = `
ALTER TABLE round_candidate ADD COLUMN birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100);
ALTER TABLE round_candidate ADD COLUMN education TEXT
  CHECK (education IN ('junior-or-below', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate'));
ALTER TABLE round_candidate ADD COLUMN political_status TEXT
  CHECK (political_status IN ('party-member', 'probationary', 'league', 'other-party', 'masses'));
ALTER TABLE round_candidate ADD COLUMN person_key TEXT CHECK (length(person_key) = 64 AND person_key NOT GLOB '*[^0-9a-f]*');

CREATE TABLE nomination_withdrawn (
  id             INTEGER PRIMARY KEY,
  office_id      TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('application', 'joint')),
  voter_id       INTEGER NOT NULL REFERENCES voter(id),
  nominators     TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  withdrawn_at   TEXT NOT NULL,
  withdrawn_by   TEXT NOT NULL,
  reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500)
) STRICT;
`;

export const facts019: Migration = {
  version: 19,
  name: 'facts',
  up(db) {
    db.exec(SQL);
  },
};
