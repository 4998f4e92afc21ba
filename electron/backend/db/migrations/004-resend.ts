import type { Migration } from './types';

/**
 * Re-sent writes (shared/api/resend.ts): a re-sent write with the same key answers the first answer again; the
 * same key with another input is a conflict. And the issued count per box, kept up to date (see below).
 *
 * Secret ballot: a receipt holds the client's random key, the method, a hash of the input and the answer; no time
 * and no row order (WITHOUT ROWID, ordered by the random key), so receipts of different writes cannot be lined up.
 * An issuance's key (made by the desk client) is kept in the issuance row and a ballot's entry key (made by the
 * counting client) in the ballot row only; the two keys are unrelated.
 */
const SQL = `
CREATE TABLE request_receipt (
  key         TEXT PRIMARY KEY,
  method      TEXT NOT NULL,
  input_hash  TEXT NOT NULL,
  answer_json TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The client keys of an issuance and of a ballot entry live in their own rows, without an index: a re-sent issuance
-- meets its certificate already issued, and a re-sent entry its expected position, and the key is compared there.
ALTER TABLE issuance ADD COLUMN request_key TEXT;
ALTER TABLE ballot ADD COLUMN entry_key TEXT;

-- Ballots issued per box and round, kept by triggers: the desk checks the box's stock on every issuance, and
-- counting the box's issuance rows each time grew with the day. An issuance never moves to another box or round.
CREATE TABLE issued_count (
  box_id       TEXT NOT NULL REFERENCES box(id),
  round_number INTEGER NOT NULL REFERENCES round(number),
  count        INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (box_id, round_number)
) STRICT, WITHOUT ROWID;
INSERT INTO issued_count (box_id, round_number, count)
  SELECT box_id, round_number, count(*) FROM issuance GROUP BY box_id, round_number;
CREATE TRIGGER issuance_counted AFTER INSERT ON issuance BEGIN
  INSERT INTO issued_count (box_id, round_number, count) VALUES (NEW.box_id, NEW.round_number, 1)
    ON CONFLICT (box_id, round_number) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER issuance_uncounted AFTER DELETE ON issuance BEGIN
  UPDATE issued_count SET count = count - 1 WHERE box_id = OLD.box_id AND round_number = OLD.round_number;
END;
CREATE TRIGGER issuance_stays BEFORE UPDATE OF box_id, round_number ON issuance BEGIN
  SELECT RAISE(ABORT, 'an issuance stays in its box and round');
END;
`;

export const resend004: Migration = {
  version: 4,
  name: 'resend-and-issued-count',
  up(db) {
    db.exec(SQL);
  },
};
