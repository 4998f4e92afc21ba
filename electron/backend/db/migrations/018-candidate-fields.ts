import type { Migration } from './types';

/**
 * The optional candidate facts the town's structure report reads from the record (election-record.md: birthYear,
 * education, politicalStatus), and the town's salt for the candidates' personKey (kept in this file only, never in a
 * record or on a screen). Old files get empty columns: their records stay as they were.
 */
const SQL = `
ALTER TABLE candidate ADD COLUMN birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100);
ALTER TABLE candidate ADD COLUMN education TEXT
  CHECK (education IN ('junior-or-below', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate'));
ALTER TABLE candidate ADD COLUMN political_status TEXT
  CHECK (political_status IN ('party-member', 'probationary', 'league', 'other-party', 'masses'));
ALTER TABLE election ADD COLUMN person_key_salt TEXT CHECK (length(person_key_salt) BETWEEN 8 AND 64);
`;

export const candidateFields018: Migration = {
  version: 18,
  name: 'candidate-fields',
  up(db) {
    db.exec(SQL);
  },
};
