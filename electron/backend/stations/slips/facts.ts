import { says } from '../../../../shared/i18n/says';
import { notFound, type BackendContext } from '../../context';
import { loadOrCreateStationKey, type Fingerprint } from '../../seal/station-key';
import { requireElection } from '../../services/setup-read';
import { resolveStation } from '../identity';
import { stationLaptop } from '../laptop-mode';

/**
 * What each A4 slip shows (docs/stations.md), read from what the file recorded when the package, return or takeover
 * was made (its audit event), so a slip printed later shows the figures of that moment.
 */

export interface SlipStation {
  id: string;
  name: string;
}

export type SlipFacts =
  | {
      kind: 'package';
      electionTitle: string;
      station: SlipStation;
      boxes: string[];
      voters: number;
      packageHash: string;
      central: Fingerprint;
      at: string;
    }
  | {
      kind: 'return';
      electionTitle: string;
      station: SlipStation;
      sequence: number;
      closing: boolean;
      returnHash: string;
      stationKey: Fingerprint;
      /** Issued per box and round as the return states them. */
      boxes: { box: string; round: number; issued: number }[];
      issuances: number;
      auditHead: { count: number; hash: string } | null;
      at: string;
    }
  | {
      kind: 'takeover';
      electionTitle: string;
      station: SlipStation;
      packageHash: string;
      oldKey: string;
      newKey: Fingerprint;
      issuances: number | null;
      at: string;
    };

export type SlipKind = SlipFacts['kind'];

interface Event {
  at: string;
  detail: Record<string, unknown>;
}

function lastEvent(ctx: BackendContext, type: string, subject: string): Event | null {
  const row = ctx.db
    .prepare("SELECT at, detail_json FROM audit_event WHERE type = ? AND subject = ? AND outcome = 'ok' ORDER BY seq DESC LIMIT 1")
    .get(type, subject) as { at: string; detail_json: string } | undefined;
  return row ? { at: row.at, detail: JSON.parse(row.detail_json) as Record<string, unknown> } : null;
}

function stationName(ctx: BackendContext, id: string): string {
  const row = ctx.db.prepare('SELECT name FROM venue WHERE id = ? UNION ALL SELECT name FROM box WHERE id = ? LIMIT 1').get(id, id) as { name: string } | undefined;
  return row?.name ?? id;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Central laptop: the slip of the last package written for `stationId`. */
export function packageSlipFacts(ctx: BackendContext, stationId: string): SlipFacts {
  const station = resolveStation(ctx.db, stationId);
  const e = lastEvent(ctx, 'station.package-exported', `station:${station.id}`);
  if (!e) throw notFound(says('error.slips.noPackage', { station: `${station.name} (${station.id})` }));
  return {
    kind: 'package',
    electionTitle: requireElection(ctx.db).title,
    station: { id: station.id, name: station.name },
    boxes: strings(e.detail.boxes),
    voters: num(e.detail.voters) ?? 0,
    packageHash: str(e.detail.payloadHash),
    central: loadOrCreateStationKey(ctx.dataDir).fingerprint,
    at: e.at,
  };
}

function requireLaptop(ctx: BackendContext) {
  const laptop = stationLaptop(ctx.db);
  if (!laptop) throw notFound(says('error.slips.notStation'));
  return laptop;
}

/** Station laptop: the slip of its last return. */
export function returnSlipFacts(ctx: BackendContext): SlipFacts {
  const laptop = requireLaptop(ctx);
  const e = lastEvent(ctx, 'station.return-written', `station:${laptop.stationId}`);
  if (!e) throw notFound(says('error.slips.noReturn'));
  const boxes = Array.isArray(e.detail.boxes) ? (e.detail.boxes as unknown[]) : [];
  const head = e.detail.auditHead as { count?: unknown; hash?: unknown } | undefined;
  return {
    kind: 'return',
    electionTitle: requireElection(ctx.db).title,
    station: { id: laptop.stationId, name: stationName(ctx, laptop.stationId) },
    sequence: num(e.detail.sequence) ?? 0,
    closing: e.detail.closing === true,
    returnHash: str(e.detail.payloadHash),
    stationKey: loadOrCreateStationKey(ctx.dataDir).fingerprint,
    boxes: boxes.flatMap((b) => {
      const [box, round, issued] = Array.isArray(b) ? b : [];
      return typeof box === 'string' && num(round) !== null && num(issued) !== null ? [{ box, round: round as number, issued: issued as number }] : [];
    }),
    issuances: num(e.detail.issuances) ?? 0,
    auditHead: head && num(head.count) !== null && typeof head.hash === 'string' ? { count: head.count as number, hash: head.hash } : null,
    at: e.at,
  };
}

/** Station laptop that took over: the slip of its takeover (old and new key, for the committee's decision). */
export function takeoverSlipFacts(ctx: BackendContext): SlipFacts {
  const laptop = requireLaptop(ctx);
  const e = lastEvent(ctx, 'station.taken-over', `station:${laptop.stationId}`);
  if (!e) throw notFound(says('error.slips.noTakeover'));
  return {
    kind: 'takeover',
    electionTitle: requireElection(ctx.db).title,
    station: { id: laptop.stationId, name: stationName(ctx, laptop.stationId) },
    packageHash: str(e.detail.package),
    oldKey: str(e.detail.old),
    newKey: loadOrCreateStationKey(ctx.dataDir).fingerprint,
    issuances: num(e.detail.issuances),
    at: e.at,
  };
}

export function slipFacts(ctx: BackendContext, input: { kind: SlipKind; station?: string }): SlipFacts {
  if (input.kind === 'package') return packageSlipFacts(ctx, input.station ?? '');
  return input.kind === 'return' ? returnSlipFacts(ctx) : takeoverSlipFacts(ctx);
}
