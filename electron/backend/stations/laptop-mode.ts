import type { ApiErrorBody } from '../../../shared/api/envelope';
import { bilingual } from '../context';
import type { Db } from '../db';
import { preparedOnce as q } from '../db/statements';

export interface StationLaptop {
  stationId: string;
  stationKind: 'venue' | 'mobile-box';
  electionId: string;
  packageHash: string;
  centralFingerprint: string;
  openedAt: string;
}

/** The station this file serves when it was opened from a package; null on the central laptop. */
export function stationLaptop(db: Db): StationLaptop | null {
  const r = q(db, 'SELECT station_id, station_kind, election_id, package_hash, central_fingerprint, opened_at FROM station_laptop WHERE id = 1').get() as
    | { station_id: string; station_kind: 'venue' | 'mobile-box'; election_id: string; package_hash: string; central_fingerprint: string; opened_at: string }
    | undefined;
  return r
    ? { stationId: r.station_id, stationKind: r.station_kind, electionId: r.election_id, packageHash: r.package_hash, centralFingerprint: r.central_fingerprint, openedAt: r.opened_at }
    : null;
}

/**
 * What a station laptop does: the desk, spoiled exchanges, ballot stock, custody of its boxes, opening and closing
 * its poll, and writing its returns. Reads are open to anyone who may read (their access is 'anyone' or
 * 'signed-in'); every other write — set-up, the roll, people, PINs, counting, results, sealing, drills, packages
 * and imports — belongs to the central laptop, so a station's file never diverges from the central's setup.
 */
const STATION_WRITES: ReadonlySet<string> = new Set([
  'setVotingStatus',
  'openVoting',
  'recordCustodyStep',
  'decideFlaggedBox',
  'receiveBallots',
  'returnUnusedBallots',
  'issueBallot',
  'recordAssistedWriting',
  'exchangeSpoiled',
  'setExportFolder',
  'writeStationReturn',
  'chooseSecondCopyFolder',
]);

/** Writes open to anyone or any signed-in person that still belong to the central laptop. */
const CENTRAL_ONLY_OPEN: ReadonlySet<string> = new Set(['createElection', 'setPin', 'startDrill', 'discardInterruptedDrill']);

export function mayCallOnStationLaptop(method: string, access: unknown): boolean {
  if (STATION_WRITES.has(method)) return true;
  if (CENTRAL_ONLY_OPEN.has(method)) return false;
  return access === 'anyone' || access === 'signed-in';
}

/** The refusal of a call a station laptop does not make, or null. */
export function stationLaptopRefusal(db: Db, method: string, access: unknown): ApiErrorBody | null {
  const laptop = stationLaptop(db);
  if (!laptop || mayCallOnStationLaptop(method, access)) return null;
  return {
    code: 'refused',
    message: bilingual(
      `本机是投票站 ${laptop.stationId} 的电脑：只能验证发票、调换废票、管理选票和票箱、写回执；设置、名单、人员、计票、结果和封存在中心会场电脑上进行`,
      `this is the laptop of polling station ${laptop.stationId}: it issues ballots, exchanges spoiled ones, keeps stock and custody, and writes returns; set-up, the roll, people, counting, results and sealing are done on the central laptop (${method})`,
    ),
    details: { reason: 'station-laptop', method, station: laptop.stationId },
  };
}
