import { randomBytes } from 'node:crypto';
import { canonicalJson } from './payload';

/** A round's record or result as it stands in the payload: its canonical text and those same bytes of the payload. */
export interface PayloadPiece {
  text: string;
  bytes: Uint8Array;
}

export interface CanonicalPayloadCheck {
  /** The payload text is exactly the canonical JSON of its parsed value. */
  canonical: boolean;
  /** Per round, in order; only when canonical (otherwise the pieces are not where the text says). */
  records: PayloadPiece[];
  results: PayloadPiece[];
}

interface RoundLike {
  record?: unknown;
  result?: unknown;
}

/**
 * Checks that `payloadText` is the canonical JSON of `raw` while making each round's record and result canonical only
 * once: the rounds' pieces hold nearly all of a payload, and their canonical texts are what recordHash and resultHash
 * are taken over. The rest of the payload is made canonical with a marker in each piece's place (a random nonce, so no
 * text in a file can pose as one), and the payload is compared segment by segment with no copy of the whole.
 */
export function checkCanonicalPayload(raw: { rounds: readonly RoundLike[] }, payloadText: string, payloadBytes: Uint8Array): CanonicalPayloadCheck {
  const nonce = randomBytes(16).toString('hex');
  const marker = (kind: 'record' | 'result', i: number): string => `cer-piece:${nonce}:${kind}:${i}`;
  const texts = new Map<string, string>();
  const skeleton = {
    ...raw,
    rounds: raw.rounds.map((r, i) => {
      const copy: Record<string, unknown> = { ...r };
      for (const kind of ['record', 'result'] as const) {
        const m = marker(kind, i);
        texts.set(m, canonicalJson(r[kind]));
        if (r[kind] !== undefined) copy[kind] = m;
      }
      return copy;
    }),
  };
  const skeletonText = canonicalJson(skeleton);
  const pieces = new Map<string, PayloadPiece>();
  const markerPattern = new RegExp(`"(cer-piece:${nonce}:(?:record|result):\\d+)"`, 'g');
  let at = 0;
  let byteAt = 0;
  let from = 0;
  let canonical = true;
  const take = (expected: string): boolean => {
    if (!payloadText.startsWith(expected, at)) return false;
    at += expected.length;
    return true;
  };
  for (const match of skeletonText.matchAll(markerPattern)) {
    const between = skeletonText.slice(from, match.index);
    const text = texts.get(match[1]!)!;
    if (!take(between) || !take(text)) {
      canonical = false;
      break;
    }
    byteAt += Buffer.byteLength(between, 'utf8');
    const size = Buffer.byteLength(text, 'utf8');
    pieces.set(match[1]!, { text, bytes: payloadBytes.subarray(byteAt, byteAt + size) });
    byteAt += size;
    from = match.index + match[0].length;
  }
  if (canonical) canonical = take(skeletonText.slice(from)) && at === payloadText.length;
  const pieceOf = (kind: 'record' | 'result', i: number): PayloadPiece => {
    const found = canonical ? pieces.get(marker(kind, i)) : undefined;
    const text = texts.get(marker(kind, i))!;
    return found ?? { text, bytes: Buffer.from(text, 'utf8') };
  };
  return {
    canonical,
    records: raw.rounds.map((_, i) => pieceOf('record', i)),
    results: raw.rounds.map((_, i) => pieceOf('result', i)),
  };
}
