/**
 * A text the town stores that comes from outside any schema (a path on a USB stick, a failure sentence): control,
 * bidirectional-override and lone-surrogate characters become U+FFFD and it is cut to `max` characters, so the
 * stored text is always well-formed and bounded.
 */
export function storedText(value: string, max: number): string {
  const clean = value.replace(/[\p{Cs}\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '\uFFFD');
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}
