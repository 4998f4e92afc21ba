/**
 * `__proto__` as a JSON key: JSON.parse keeps it as an own property, but assigning it into any plain object (zod's
 * record parsing, spreads, `out[key] = …`) sets the prototype instead, so the entry silently disappears — a ballot
 * section keyed `__proto__` would lose its votes. It is refused wherever input enters, with its path.
 */
export const RESERVED_KEY = '__proto__';

interface Visit {
  value: object;
  key: PropertyKey | null;
  parent: Visit | null;
}

/**
 * Path of the first own `__proto__` key anywhere in a JSON-like value, or null. Iterative, so deep input cannot
 * overflow the stack; each visit points at its parent and the path is built only for the key found, so a large
 * record is walked without copying a path per value.
 */
export function findReservedKey(value: unknown): PropertyKey[] | null {
  if (value === null || typeof value !== 'object') return null;
  // Nearly every value has none: a recursive look that allocates nothing answers that; the walk below, which can
  // name the path and takes any depth, runs only when it finds one or the value is too deep for it.
  try {
    if (!containsReservedKey(value)) return null;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  return pathOfReservedKey(value);
}

function containsReservedKey(v: object): boolean {
  if (Array.isArray(v)) {
    for (const item of v as unknown[]) if (item !== null && typeof item === 'object' && containsReservedKey(item)) return true;
    return false;
  }
  if (Object.hasOwn(v, RESERVED_KEY)) return true;
  for (const key of Object.keys(v)) {
    const item: unknown = (v as Record<string, unknown>)[key];
    if (item !== null && typeof item === 'object' && containsReservedKey(item)) return true;
  }
  return false;
}

function pathOfReservedKey(value: object): PropertyKey[] | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, key: i, parent: visit });
      }
      continue;
    }
    if (Object.hasOwn(v, RESERVED_KEY)) return pathTo(visit, RESERVED_KEY);
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const item: unknown = (v as Record<string, unknown>)[keys[i]!];
      if (item !== null && typeof item === 'object') stack.push({ value: item, key: keys[i]!, parent: visit });
    }
  }
  return null;
}

function pathTo(visit: Visit, last: PropertyKey): PropertyKey[] {
  const path: PropertyKey[] = [last];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) path.unshift(at.key);
  return path;
}
