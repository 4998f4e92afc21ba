/**
 * `__proto__` as a JSON key: JSON.parse keeps it as an own property, but assigning it into any plain object (zod's
 * record parsing, spreads, `out[key] = …`) sets the prototype instead, so the entry silently disappears — a ballot
 * section keyed `__proto__` would lose its votes. It is refused wherever input enters, with its path.
 */
export const RESERVED_KEY = '__proto__';

/** Path of the first own `__proto__` key anywhere in a JSON-like value, or null. Iterative: deep input cannot overflow the stack. */
export function findReservedKey(value: unknown): PropertyKey[] | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    if (Object.hasOwn(v, RESERVED_KEY)) return [...path, RESERVED_KEY];
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
  }
  return null;
}
