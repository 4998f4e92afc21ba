/** JSON with object keys sorted at every level, no whitespace: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (keysInOrderEverywhere(value)) return JSON.stringify(value) ?? 'null';
  try {
    return JSON.stringify(value, sortedKeys) ?? 'null';
  } catch (e) {
    if (e === SLOW_PATH) return canonicalJsonByHand(value);
    throw e;
  }
}

/**
 * Values read from canonical JSON (a sealed file being verified, a stored record) already have every key in order:
 * then the engine's JSON.stringify without a replacer writes the canonical text, and checking the order is a third of
 * the cost of calling a replacer for every value. Index-like keys (listed first by JavaScript whatever their place),
 * toJSON, non-finite numbers and nesting too deep to walk all leave it to the paths below.
 */
function keysInOrderEverywhere(value: unknown): boolean {
  try {
    return keysInOrder(value);
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
}

function keysInOrder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'number' || Number.isFinite(value);
  if (Array.isArray(value)) {
    for (const item of value) if (!keysInOrder(item)) return false;
    return true;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  // for…in lists the own keys in Object.keys order (inherited ones after them, which only makes this stricter) and
  // needs no array per object.
  let previous: string | null = null;
  for (const key in value) {
    const first = key.charCodeAt(0);
    if ((first >= 0x30 && first <= 0x39) || (previous !== null && previous > key)) return false;
    previous = key;
    if (!keysInOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * The fast path lets the engine's own JSON.stringify write the text; an object is copied only when its keys are not
 * in order already. Where the engine cannot be made to write sorted order (keys that look like array indexes, which
 * JavaScript always lists first, or a value with its own toJSON) the whole value goes the slow way.
 */
const SLOW_PATH = Symbol('canonical-json-slow-path');
const INDEX_LIKE = /^(0|[1-9]\d*)$/;

function sortedKeys(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  if (typeof original === 'object' && original !== null && typeof (original as { toJSON?: unknown }).toJSON === 'function') throw SLOW_PATH;
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      sorted = false;
      break;
    }
  }
  if (sorted) return value;
  if (keys.some((k) => INDEX_LIKE.test(k))) throw SLOW_PATH;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const k of keys.sort()) copy[k] = (value as Record<string, unknown>)[k];
  return copy;
}

function canonicalJsonByHand(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJsonByHand).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJsonByHand(obj[k])}`).join(',')}}`;
}
