import type { Migration } from './types';

/**
 * Household elections (户代表, issue 12): the roll carries an optional household number (户号, normalised by
 * shared/domain/household.ts). A household's members are found through the partial index; one ballot per household
 * per round is checked by the issuance service inside its write transaction.
 */
export const household016: Migration = {
  version: 16,
  name: 'household',
  up(db) {
    db.exec(`
ALTER TABLE voter ADD COLUMN household TEXT CHECK (household IS NULL OR length(household) BETWEEN 1 AND 20);
CREATE INDEX voter_household ON voter(household) WHERE household IS NOT NULL;
`);
  },
};
