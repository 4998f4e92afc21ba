import { findTextIssue, TEXT_LIMITS } from '../domain/text';
import type { Ballot } from './cer';

type MarkedBallot = Extract<Ballot, { marks: unknown }>;
type Section = MarkedBallot['marks'][string];

const SECTION_KEYS = new Set(['for', 'against', 'writeIns']);

/**
 * A marked ballot read by hand: the same answer as the `markedBallot` schema for every ballot that schema accepts,
 * or null for anything it might refuse (the caller then asks the schema, which names what is wrong). A record holds
 * tens of thousands of ballots, and the schema's generic walk was most of the time of computing or verifying one.
 * The ballot is checked where it stands and given back as is, not copied: a copy doubled what a large record keeps
 * in memory (and the collector's work) while being equal to it, key order aside, which no reader depends on.
 */
export function readMarkedBallot(raw: object): MarkedBallot | null {
  if (!hasExactlyKeys(raw, 'box', 'marks')) return null;
  const { box, marks } = raw as { box: unknown; marks: unknown };
  if (!isName(box, 0) || !isPlainObject(marks)) return null;
  for (const office of Object.keys(marks)) {
    if (office === '__proto__' || !isName(office, 1)) return null;
    if (!isSection((marks as Record<string, unknown>)[office])) return null;
  }
  return raw as MarkedBallot;
}

function isSection(raw: unknown): raw is Section {
  if (!isPlainObject(raw)) return false;
  for (const key of Object.keys(raw)) if (!SECTION_KEYS.has(key)) return false;
  const given = raw as Record<string, unknown>;
  for (const key of ['for', 'against', 'writeIns'] as const) {
    if (Object.hasOwn(given, key) && !isNameList(given[key], key === 'writeIns' ? 0 : 1)) return false;
  }
  return true;
}

function isNameList(raw: unknown, minLength: number): boolean {
  if (!Array.isArray(raw)) return false;
  for (const item of raw) if (!isName(item, minLength)) return false;
  return true;
}

function isName(value: unknown, minLength: number): value is string {
  return typeof value === 'string' && value.length >= minLength && findTextIssue(value, TEXT_LIMITS.name) === null;
}

function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasExactlyKeys(value: object, a: string, b: string): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && Object.hasOwn(value, a) && Object.hasOwn(value, b);
}
