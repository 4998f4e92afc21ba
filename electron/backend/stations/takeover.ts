import { appendAudit } from '../audit';
import { refused, type BackendContext, says } from '../context';
import { attachSecondCopy } from '../copy/second-copy';
import { readSecondCopy } from '../copy/read-copy';
import { rebuildFromCopy } from '../copy/rebuild';
import { loadOrCreateStationKey, type Fingerprint } from '../seal/station-key';
import { stationLaptop } from './laptop-mode';
import { laptopKeys, recordLaptopKey } from './laptop-keys';
import { readStationPackage, type PackageSummary } from './station-package';

export interface TakeoverDone extends PackageSummary {
  /** The dead laptop's key (its last one) and this laptop's new key, both printed on the takeover slip. */
  oldKey: string;
  stationKey: Fingerprint;
  /** Writes replayed from the copy's journal, whether its last line was cut short, and the audit head reached. */
  writes: number;
  cutShort: boolean;
  issuances: number;
  auditHead: { count: number; hash: string };
}

/**
 * A replacement laptop takes over a station whose laptop died: the package (checked against the central
 * fingerprint typed from its slip) and the dead laptop's second copy rebuild the station's file here, into a new,
 * empty data folder; the copy must be of a file opened from that very package. The file then signs with this
 * laptop's own key, recorded (old and new key) in the file and its audit log, so its next return tells the central
 * laptop about the change. One transaction: anything wrong changes nothing.
 */
export async function takeOverStation(ctx: BackendContext, input: { packageBytes: Uint8Array; copyDir: string; fingerprint: string }): Promise<TakeoverDone> {
  const { summary } = readStationPackage(input.packageBytes, input.fingerprint);
  const copy = await readSecondCopy(input.copyDir);
  const newKey = loadOrCreateStationKey(ctx.dataDir).fingerprint;
  const db = ctx.db;
  let oldKey = '';
  const rebuilt = rebuildFromCopy(db, copy, () => {
    const laptop = stationLaptop(db);
    if (!laptop || laptop.packageHash !== summary.payloadHash) {
      throw refused(laptop ? says('error.stations.copyOfOtherStation', { station: laptop.stationId }) : says('error.stations.copyOfCentral'), {
        reason: 'other-copy',
      });
    }
    const keys = laptopKeys(db);
    oldKey = keys.at(-1)?.fingerprint ?? '';
    if (oldKey === newKey.hex) {
      throw refused(says('error.stations.laptopOneCopyBelongs'), { reason: 'same-laptop' });
    }
    const at = ctx.now().toISOString();
    recordLaptopKey(db, newKey.hex, at, 'takeover');
    // The copy's own count moves on, so the copy this file goes on writing to starts again from a base holding the takeover.
    db.prepare('UPDATE second_copy SET seq = seq + 1').run();
    appendAudit(db, {
      type: 'station.taken-over',
      at,
      actor: ctx.actor,
      subject: `station:${laptop.stationId}`,
      detail: {
        old: oldKey,
        new: newKey.hex,
        package: summary.payloadHash,
        writes: copy.lines.length,
        cutShort: copy.cutShort,
        issuances: db.prepare('SELECT count(*) FROM issuance').pluck().get() as number,
      },
    });
  });
  attachSecondCopy(db, () => ctx.now())?.restart();
  const issuances = db.prepare('SELECT count(*) FROM issuance').pluck().get() as number;
  return { ...summary, oldKey, stationKey: newKey, writes: rebuilt.writes, cutShort: rebuilt.cutShort, issuances, auditHead: rebuilt.auditHead };
}
