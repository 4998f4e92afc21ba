import type { Migration } from './types';

/**
 * Wrong PINs, per person, kept in the file so that a restart does not reset a lockout: after five wrong PINs in a row
 * the person is refused until `locked_until`, a wait that doubles with each lockout; a right PIN clears the row.
 */
export const pinGuard006: Migration = {
  version: 6,
  name: 'pin-guard',
  up(db) {
    db.exec(`CREATE TABLE pin_guard (
      person_id    INTEGER PRIMARY KEY REFERENCES person(id),
      failures     INTEGER NOT NULL CHECK (failures >= 0),
      lockouts     INTEGER NOT NULL CHECK (lockouts >= 0),
      locked_until TEXT
    ) STRICT`);
  },
};
