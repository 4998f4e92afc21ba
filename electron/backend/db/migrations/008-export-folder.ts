import type { Migration } from './types';

/** The folder sealed files are written to, when a committee member chose one (one row at most; none = the default). */
export const exportFolder008: Migration = {
  version: 8,
  name: 'export-folder',
  up(db) {
    db.exec(`CREATE TABLE export_folder (
      id     INTEGER PRIMARY KEY CHECK (id = 1),
      path   TEXT NOT NULL,
      set_at TEXT NOT NULL
    ) STRICT`);
  },
};
