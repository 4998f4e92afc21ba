import { z } from 'zod';
import { committeeApproval } from '../domain/authority';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { fingerprintView, isSealedFileName } from './seal';

/**
 * Several laptops, one election (docs/stations.md): the central laptop exports a signed package for a polling
 * station (or a mobile box with its own laptop); a second laptop opens it and works as that station only; it writes
 * signed returns that the central laptop imports. Files are written inside the export folder by a plain name ending
 * in .json, and read from a path (at most 64 MB each).
 */

const count = z.int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const path = text(4096).trim().min(1, 'a file path is required');
const fileName = text(TEXT_LIMITS.title).refine(isSealedFileName, 'a plain file name ending in .json inside the export folder');
/** As typed from a paper slip: 8 or 16 groups of 4 hex digits, spaces and dashes allowed. */
const typedFingerprint = text(100).trim().min(1);
const stationKind = z.enum(['venue', 'mobile-box']);

export const packageView = z.strictObject({
  station: z.strictObject({ id: answerText, kind: stationKind, name: answerText, boxes: z.array(answerText) }),
  electionTitle: answerText,
  voters: count,
  people: count,
  payloadHash: sha256,
  /** The central laptop's key, which signed the package (printed on the package slip). */
  central: fingerprintView,
});

export const packageExportedView = packageView.extend({ path: answerText, bytes: count });
export type PackageExportedView = z.infer<typeof packageExportedView>;

export const packageOpenedView = packageView.extend({
  /** True when this file had been opened from this very package already: nothing changed. */
  alreadyOpen: z.boolean(),
  /** This station laptop's own key (printed on its return slips). */
  stationKey: fingerprintView,
});
export type PackageOpenedView = z.infer<typeof packageOpenedView>;

export const returnWrittenView = z.strictObject({
  path: answerText,
  bytes: count,
  station: answerText,
  sequence: z.int().positive(),
  closing: z.boolean(),
  payloadHash: sha256,
  issuances: count,
  auditHead: z.strictObject({ count, hash: sha256 }),
  fingerprint: fingerprintView,
});
export type ReturnWrittenView = z.infer<typeof returnWrittenView>;

export const ANOMALY_KINDS = [
  'issued-elsewhere',
  'not-assigned-here',
  'unknown-voter',
  'issued-count-down',
  'custody-differs',
  /** A household election: another member of the voter's household already received this round's ballot elsewhere. */
  'household-issued-elsewhere',
] as const;
export const anomalyView = z.strictObject({
  kind: z.enum(ANOMALY_KINDS),
  /** "certificate:00000012" or "box:S1". */
  subject: answerText,
  round: z.int().positive(),
  detail: z.record(z.string(), z.json()),
});

export const returnImportedView = z.strictObject({
  station: answerText,
  sequence: z.int().positive(),
  payloadHash: sha256,
  alreadyImported: z.boolean(),
  added: count,
  issuances: count,
  anomalies: z.array(anomalyView),
  fingerprint: fingerprintView,
  keyRegistered: z.boolean(),
  /** The station's old key when this return came from a laptop that took over (its new key now registered). */
  keyReplaced: sha256.nullable(),
});
export type ReturnImportedView = z.infer<typeof returnImportedView>;

export const stationsOverviewView = z.strictObject({
  /** On a station laptop: which station, from which package, and its own key; null on the central laptop. */
  laptop: z
    .strictObject({ station: answerText, kind: stationKind, packageHash: sha256, central: answerText, returnsWritten: count, stationKey: fingerprintView })
    .nullable(),
  stations: z.array(
    z.strictObject({
      station: answerText,
      kind: stationKind,
      name: answerText,
      /** The key registered at the first return (64 hex digits), or null before. */
      fingerprint: sha256.nullable(),
      returns: z.array(z.strictObject({ sequence: z.int().positive(), writtenAt: answerText, importedAt: answerText, closing: z.boolean(), issuances: count, added: count })),
      /** Per box and round: what the last return stated, and what this laptop counts as issued. */
      boxes: z.array(z.strictObject({ box: answerText, round: z.int().positive(), returned: count, issuedHere: count })),
      anomalies: z.array(anomalyView),
    }),
  ),
});
export type StationsOverviewView = z.infer<typeof stationsOverviewView>;

/**
 * When a write's journal line reaches the second copy's medium (docs/stations.md "the second copy"): flushed before
 * the write is acknowledged, or flushed right after it, the next write waiting for that flush (never more than one
 * write behind). Chosen per laptop with the folder.
 */
export const COPY_FLUSH_MODES = ['before-ack', 'right-after'] as const;
export type CopyFlush = (typeof COPY_FLUSH_MODES)[number];

export const copyStatusView = z.strictObject({
  state: z.enum(['off', 'ok', 'behind', 'missing']),
  /** Null while no folder is chosen. */
  flush: z.enum(COPY_FLUSH_MODES).nullable(),
  folder: answerText.nullable(),
  dir: answerText.nullable(),
  lastWriteAt: answerText.nullable(),
  writes: count,
  copied: count,
  problem: answerText.nullable(),
});
export type CopyStatusView = z.infer<typeof copyStatusView>;

export const takeoverView = packageView.extend({
  /** The dead laptop's key (64 hex digits) and this laptop's new one: both go on the takeover slip. */
  oldKey: sha256,
  stationKey: fingerprintView,
  writes: count,
  cutShort: z.boolean(),
  issuances: count,
  auditHead: z.strictObject({ count, hash: sha256 }),
});
export type TakeoverView = z.infer<typeof takeoverView>;

export const restoredView = z.strictObject({
  electionTitle: answerText,
  /** The station this file serves, when the copy was a station laptop's. */
  station: answerText.nullable(),
  writes: count,
  cutShort: z.boolean(),
  issuances: count,
  auditHead: z.strictObject({ count, hash: sha256 }),
});
export type RestoredView = z.infer<typeof restoredView>;

export const phonedFigureView = z.strictObject({
  station: answerText,
  name: answerText,
  round: z.int().positive(),
  count,
  phonedAt: answerText,
  extra: count,
});

export const stationsContract = {
  /** Central laptop: writes the signed package of a polling station or mobile box into the export folder. */
  exportStationPackage: {
    input: z.strictObject({ station: text(TEXT_LIMITS.name).min(1), name: fileName, overwrite: z.boolean().default(false) }),
    output: packageExportedView,
  },
  /**
   * A fresh file only: checks the package's signature against the central fingerprint typed from the package slip
   * and opens it, so this laptop works as that station only. The same package again changes nothing.
   */
  openStationPackage: { input: z.strictObject({ path, fingerprint: typedFingerprint }), output: packageOpenedView },
  /** Station laptop: writes its signed return (a turnout report, or `closing` at the close) into the export folder. */
  writeStationReturn: {
    input: z.strictObject({ name: fileName, closing: z.boolean().default(false), overwrite: z.boolean().default(false) }),
    output: returnWrittenView,
  },
  /**
   * Central laptop: imports a station's return. The first return of a station needs the fingerprint from its return
   * slip (registering the key, a committee decision); the same file again changes nothing.
   */
  importStationReturn: {
    input: z.strictObject({ path, fingerprint: typedFingerprint.optional(), approvals: z.array(committeeApproval).max(5).optional() }),
    output: returnImportedView,
  },
  /** The second copy of this file on removable media: where, when last written, behind or not, the medium missing. */
  secondCopyStatus: { input: z.strictObject({}), output: copyStatusView },
  /** The committee chooses the folder (a USB stick's) for this file's second copy; the copy starts at once. */
  chooseSecondCopyFolder: {
    /** `flush` left out: the laptop's earlier choice, or 'before-ack' for a first folder. */
    input: z.strictObject({ folder: path, flush: z.enum(COPY_FLUSH_MODES).optional() }),
    output: copyStatusView,
  },
  /**
   * A fresh file only: a replacement laptop takes over a station from its package (checked against the central
   * fingerprint from the package slip) and the dead laptop's second copy, and signs with its own key from now on.
   */
  takeOverStation: { input: z.strictObject({ packagePath: path, copyPath: path, fingerprint: typedFingerprint }), output: takeoverView },
  /** A fresh file only: rebuilds the election file from a second copy, checked against the audit head it recorded. */
  restoreFromCopy: { input: z.strictObject({ copyPath: path }), output: restoredView },
  /** Central laptop: a turnout figure phoned in from a station before its return (provisional until a return replaces it). */
  recordPhonedTurnout: {
    input: z.strictObject({
      station: text(TEXT_LIMITS.name).min(1),
      round: z.int().positive(),
      count: z.int().nonnegative().max(1_000_000),
      phonedAt: z.iso.datetime({ offset: true }),
      approvals: z.array(committeeApproval).min(1).max(5),
    }),
    output: phonedFigureView,
  },
  /** Stations, their keys, imported returns, box figures and anomalies; on a station laptop, which station it is. */
  stationsOverview: { input: z.strictObject({}), output: stationsOverviewView },
  /**
   * The A4 slip (PDF) of what this file recorded last: the package written for a station (central laptop), this
   * station laptop's last return, or its takeover; figures as they were then (docs/stations.md).
   */
  stationSlip: {
    input: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('package'), station: text(TEXT_LIMITS.name).min(1) }),
      z.strictObject({ kind: z.literal('return') }),
      z.strictObject({ kind: z.literal('takeover') }),
    ]),
    output: z.strictObject({ fileName: answerText, mime: answerText, contentBase64: z.string() }),
  },
} as const;
export type StationsContract = typeof stationsContract;
