import cnchar from 'cnchar';
import order from 'cnchar-order';
import { normalizeName } from '../domain/names';

/**
 * Surname stroke order (姓氏笔画, DOMAIN.md §11) from cnchar's mainland stroke data.
 *
 * Per character: fewer strokes first, then stroke classes one by one in the order 横 < 竖 < 撇 < 点 < 折.
 * Names compare character by character (a name that is a prefix of another comes first). Two different characters
 * with identical stroke data are ordered by code point at that position, so names with the same surname stay
 * together. Characters without stroke-order data (Latin, digits, rare characters) come after every character with
 * data, among themselves by code point. Names are compared after normalizeName; if that leaves them equal the raw
 * strings decide by code point, so the order is total and deterministic.
 *
 * ICU's zh-u-co-stroke collation is deliberately not used: it does not give this order.
 */

// cnchar-order registers itself on window.CnChar when both run in a browser; a second use() is harmless.
cnchar.use(order);

export const StrokeClass = {
  Heng: 1, // 横, 提
  Shu: 2, // 竖, 竖钩
  Pie: 3, // 撇
  Dian: 4, // 点 (and cnchar's variant "点2"), 捺
  Zhe: 5, // every stroke with a turn or hook
} as const;

const SIMPLE_CLASSES: ReadonlyMap<string, number> = new Map([
  ['横', StrokeClass.Heng],
  ['提', StrokeClass.Heng],
  ['竖', StrokeClass.Shu],
  ['竖钩', StrokeClass.Shu],
  ['撇', StrokeClass.Pie],
  ['点', StrokeClass.Dian],
  ['点2', StrokeClass.Dian],
  ['捺', StrokeClass.Dian],
]);

/** cnchar names some strokes with alternatives ("横撇|横钩"); all such alternatives in its data are turn strokes. */
export function strokeClassOf(strokeName: string): number {
  const first = strokeName.split('|')[0] ?? strokeName;
  return SIMPLE_CLASSES.get(first) ?? StrokeClass.Zhe;
}

/** The stroke classes of one character, or null when cnchar has no stroke-order data for it. */
type CharKey = readonly number[] | null;

const cache = new Map<string, CharKey>();

export function strokeClasses(ch: string): CharKey {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let key: CharKey = null;
  // cnchar splits astral characters into halves; they have no data anyway.
  if (ch.length === 1) {
    const names = (cnchar.stroke(ch, 'order', 'name') as unknown as Array<string[] | null | undefined>)[0];
    if (Array.isArray(names) && names.length > 0) key = names.map(strokeClassOf);
  }
  cache.set(ch, key);
  return key;
}

/** Number of strokes of a character per cnchar's order data, or null without data. */
export function strokeCount(ch: string): number | null {
  return strokeClasses(ch)?.length ?? null;
}

function compareCodePoints(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const d = ca[i]!.codePointAt(0)! - cb[i]!.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return ca.length === cb.length ? 0 : ca.length < cb.length ? -1 : 1;
}

function compareChars(a: string, b: string): number {
  if (a === b) return 0;
  const ka = strokeClasses(a);
  const kb = strokeClasses(b);
  if (ka === null || kb === null) {
    if (ka !== null) return -1;
    if (kb !== null) return 1;
    return compareCodePoints(a, b);
  }
  if (ka.length !== kb.length) return ka.length < kb.length ? -1 : 1;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  }
  return compareCodePoints(a, b);
}

/** A name prepared for comparison, so sorting many names normalizes each one once. */
export interface StrokeSortKey {
  chars: readonly string[];
  raw: string;
}

export function strokeSortKey(name: string): StrokeSortKey {
  return { chars: [...normalizeName(name)], raw: name };
}

export function compareStrokeKeys(a: StrokeSortKey, b: StrokeSortKey): number {
  const ca = a.chars;
  const cb = b.chars;
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const d = compareChars(ca[i]!, cb[i]!);
    if (d !== 0) return d;
  }
  if (ca.length !== cb.length) return ca.length < cb.length ? -1 : 1;
  return compareCodePoints(a.raw, b.raw);
}

/** Negative when a comes first in surname stroke order, positive when b does, 0 only for identical strings. */
export function compareSurnameStroke(a: string, b: string): number {
  return compareStrokeKeys(strokeSortKey(a), strokeSortKey(b));
}

/** A sorted copy of items in surname stroke order of name(item); the input is not changed. */
export function sortByStroke<T>(items: readonly T[], name: (t: T) => string): T[] {
  return items
    .map((item) => ({ item, key: strokeSortKey(name(item)) }))
    .sort((x, y) => compareStrokeKeys(x.key, y.key))
    .map((x) => x.item);
}
