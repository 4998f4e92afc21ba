import type { StationsOverviewView } from '../../../shared/api/stations';
import type { BackendContext } from '../context';
import { loadOrCreateStationKey } from '../seal/station-key';
import { stationLaptop } from './laptop-mode';

function laptopView(ctx: BackendContext): StationsOverviewView['laptop'] {
  const laptop = stationLaptop(ctx.db);
  if (!laptop) return null;
  const fp = loadOrCreateStationKey(ctx.dataDir).fingerprint;
  const written = (ctx.db.prepare('SELECT count(*) AS n FROM station_return_written').get() as { n: number }).n;
  return {
    station: laptop.stationId,
    kind: laptop.stationKind,
    packageHash: laptop.packageHash,
    central: laptop.centralFingerprint,
    returnsWritten: written,
    stationKey: { hex: fp.hex, short: fp.short, full: fp.full },
  };
}

/** Every polling station and mobile box with what the central laptop knows of it from returns. */
export function stationsOverview(ctx: BackendContext): StationsOverviewView {
  const db = ctx.db;
  const stations = db
    .prepare(
      `SELECT id, name, 'venue' AS kind FROM venue WHERE kind = 'station'
       UNION ALL SELECT id, name, 'mobile-box' FROM box WHERE kind = 'mobile' ORDER BY kind DESC, id`,
    )
    .all() as { id: string; name: string; kind: 'venue' | 'mobile-box' }[];
  const key = db.prepare('SELECT fingerprint FROM station_key WHERE station_id = ?');
  const returns = db.prepare(
    'SELECT sequence, written_at, imported_at, closing, issuances, added FROM station_return WHERE station_id = ? ORDER BY sequence',
  );
  const boxes = db.prepare(
    `SELECT f.box_id, f.round_number, f.issued,
       (SELECT coalesce(max(count), 0) FROM issued_count c WHERE c.box_id = f.box_id AND c.round_number = f.round_number) AS here
     FROM station_return_box f
     WHERE f.station_id = ? AND f.sequence = (SELECT max(sequence) FROM station_return WHERE station_id = f.station_id)
     ORDER BY f.box_id, f.round_number`,
  );
  const anomalies = db.prepare('SELECT kind, subject, round_number, detail_json FROM station_anomaly WHERE station_id = ? ORDER BY id');
  return {
    laptop: laptopView(ctx),
    stations: stations.map((s) => ({
      station: s.id,
      kind: s.kind,
      name: s.name,
      fingerprint: (key.get(s.id) as { fingerprint: string } | undefined)?.fingerprint ?? null,
      returns: (returns.all(s.id) as { sequence: number; written_at: string; imported_at: string; closing: number; issuances: number; added: number }[]).map((r) => ({
        sequence: r.sequence,
        writtenAt: r.written_at,
        importedAt: r.imported_at,
        closing: r.closing === 1,
        issuances: r.issuances,
        added: r.added,
      })),
      boxes: (boxes.all(s.id) as { box_id: string; round_number: number; issued: number; here: number }[]).map((b) => ({
        box: b.box_id,
        round: b.round_number,
        returned: b.issued,
        issuedHere: b.here,
      })),
      anomalies: (anomalies.all(s.id) as { kind: StationsOverviewView['stations'][number]['anomalies'][number]['kind']; subject: string; round_number: number; detail_json: string }[]).map((a) => ({
        kind: a.kind,
        subject: a.subject,
        round: a.round_number,
        detail: JSON.parse(a.detail_json) as Record<string, never>,
      })),
    })),
  };
}
