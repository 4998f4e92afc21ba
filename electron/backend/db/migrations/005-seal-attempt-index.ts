import type { Migration } from './types';

/**
 * Every start-up settles sealings a crash left unfinished (services/seal-reconcile.ts). Without an index that meant
 * reading the whole audit log each time a file was opened (36 ms at 59,000 events, growing with the day); this
 * partial index holds only the seal attempts and their outcomes, so it costs other audit inserts nothing.
 */
export const sealAttemptIndex005: Migration = {
  version: 5,
  name: 'seal-attempt-index',
  up(db) {
    db.exec(`CREATE INDEX audit_event_seal_attempt ON audit_event (seq)
      WHERE type IN ('seal.started', 'seal.written', 'seal.abandoned')`);
  },
};
