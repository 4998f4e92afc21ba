/**
 * Reads the UTF-8 bytes of a sealed payload once and answers whether they are exactly `canonicalJson` of the value
 * they parse to — object keys strictly increasing in UTF-16 order, no whitespace, strings and numbers spelled as
 * JSON.stringify spells them — without building or writing any value. It also finds where each round's record and
 * result stand in the bytes (their hashes are taken over those bytes), where the record's ballots stand (so a reader
 * can parse each distinct ballot once), and whether any key is `__proto__`.
 *
 * The bytes must be well-formed UTF-8 (the caller checks); anything else unexpected makes the answer "not canonical".
 */
export interface CanonicalScan {
  canonical: boolean;
  /** Per round index, the bytes of rounds[i].record / rounds[i].result; only when canonical, and only where present. */
  records: Array<Uint8Array | undefined>;
  results: Array<Uint8Array | undefined>;
  /** Per round index, where rounds[i].record.ballots stands; only when canonical, and only where it is an array. */
  ballots: Array<BallotSpans | undefined>;
  /** Some object in the payload has a key spelled `__proto__`. */
  reservedKey: boolean;
}

/** The byte offsets of a ballots array (from its `[` to after its `]`) and of each ballot in it, as [start, end) pairs. */
export interface BallotSpans {
  start: number;
  end: number;
  items: number[];
}

const enum Role {
  Other,
  Root,
  Rounds,
  Round,
  Record,
  Ballots,
}

const enum Member {
  None,
  Rounds,
  Record,
  Result,
  Ballots,
}

interface Frame {
  isObject: boolean;
  role: Role;
  round: number;
  count: number;
  member: Member;
  valueStart: number;
  /** The previous key: its content bytes [keyStart, keyEnd), plain when ASCII without escapes, else its text. */
  keyStart: number;
  keyEnd: number;
  keyPlain: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const ROUNDS = bytesOf('rounds');
const RECORD = bytesOf('record');
const RESULT = bytesOf('result');
const BALLOTS = bytesOf('ballots');
const RESERVED = bytesOf('__proto__');

function bytesOf(ascii: string): Uint8Array {
  return Uint8Array.from(ascii, (c) => c.charCodeAt(0));
}

class NotCanonical extends Error {}

export function scanCanonicalPayload(bytes: Uint8Array): CanonicalScan {
  try {
    return new Scanner(bytes).run();
  } catch (e) {
    if (e instanceof NotCanonical) return { canonical: false, records: [], results: [], ballots: [], reservedKey: false };
    throw e;
  }
}

class Scanner {
  private pos = 0;
  /**
   * The open containers, outermost first: the first `depth` frames. A frame is reused by the next container opened at
   * its depth, so a payload of tens of thousands of ballots does not allocate an object per container.
   */
  private readonly frames: Frame[] = [];
  private depth = 0;
  private readonly records: Array<Uint8Array | undefined> = [];
  private readonly results: Array<Uint8Array | undefined> = [];
  private readonly ballots: Array<BallotSpans | undefined> = [];
  private reservedKey = false;
  /** Set by string(): whether the last string was ASCII without escapes. */
  private plain = true;

  constructor(private readonly bytes: Uint8Array) {}

  run(): CanonicalScan {
    const { bytes, frames } = this;
    this.beginValue();
    for (;;) {
      // A value has just ended: close the containers it ends, then go on with the next member or element.
      if (this.depth === 0) {
        if (this.pos !== bytes.length) throw new NotCanonical();
        return { canonical: true, records: this.records, results: this.results, ballots: this.ballots, reservedKey: this.reservedKey };
      }
      const top = frames[this.depth - 1]!;
      this.valueEnded(top);
      const b = bytes[this.pos++];
      if (b === 0x2c /* , */) {
        top.count += 1;
        if (top.isObject) this.key(top);
        this.beginValue();
      } else if (b === (top.isObject ? 0x7d /* } */ : 0x5d /* ] */)) {
        this.depth -= 1;
      } else {
        throw new NotCanonical();
      }
    }
  }

  /** Reads a value; a container is opened (and its first member's value begun) and left on the stack. */
  private beginValue(): void {
    const { bytes } = this;
    for (;;) {
      const parent = this.depth > 0 ? this.frames[this.depth - 1]! : null;
      if (parent !== null) parent.valueStart = this.pos;
      const b = bytes[this.pos];
      if (b === 0x7b /* { */ || b === 0x5b /* [ */) {
        this.pos += 1;
        const isObject = b === 0x7b;
        const role = roleOf(parent, isObject);
        const round = role === Role.Round ? parent!.count : (parent?.round ?? 0);
        if (role === Role.Ballots) this.ballots[round] = { start: this.pos - 1, end: this.pos - 1, items: [] };
        if (bytes[this.pos] === (isObject ? 0x7d : 0x5d)) {
          this.pos += 1;
          return;
        }
        const frame = this.open(isObject, role, round);
        if (isObject) this.key(frame);
        continue;
      }
      if (b === QUOTE) this.string();
      else if (b === 0x2d /* - */ || (b !== undefined && b >= 0x30 && b <= 0x39)) this.number();
      else if (b === 0x74 /* t */) this.literal('true');
      else if (b === 0x66 /* f */) this.literal('false');
      else if (b === 0x6e /* n */) this.literal('null');
      else throw new NotCanonical();
      return;
    }
  }

  /** A container opened at the next depth, in the frame last used there (its key fields are set before they are read). */
  private open(isObject: boolean, role: Role, round: number): Frame {
    let frame = this.frames[this.depth];
    if (frame === undefined) {
      frame = { isObject, role, round, count: 0, member: Member.None, valueStart: 0, keyStart: 0, keyEnd: 0, keyPlain: true };
      this.frames.push(frame);
    } else {
      frame.isObject = isObject;
      frame.role = role;
      frame.round = round;
      frame.count = 0;
      frame.member = Member.None;
    }
    this.depth += 1;
    return frame;
  }

  private valueEnded(frame: Frame): void {
    if (frame.role === Role.Ballots) {
      this.ballots[frame.round]!.items.push(frame.valueStart, this.pos);
    } else if (frame.role === Role.Record) {
      const spans = this.ballots[frame.round];
      if (frame.member === Member.Ballots && spans !== undefined) spans.end = this.pos;
    } else if (frame.role === Role.Round && (frame.member === Member.Record || frame.member === Member.Result)) {
      const piece = this.bytes.subarray(frame.valueStart, this.pos);
      (frame.member === Member.Record ? this.records : this.results)[frame.round] = piece;
    }
  }

  /** An object member's key and its colon; keys must come in strictly increasing order. */
  private key(frame: Frame): void {
    if (this.bytes[this.pos] !== QUOTE) throw new NotCanonical();
    const start = this.pos + 1;
    this.string();
    const end = this.pos - 1;
    const plain = this.plain;
    if (frame.count > 0 && compareKeys(this.bytes, frame.keyStart, frame.keyEnd, frame.keyPlain, start, end, plain) >= 0) throw new NotCanonical();
    frame.keyStart = start;
    frame.keyEnd = end;
    frame.keyPlain = plain;
    if (plain ? this.is(start, end, RESERVED) : keyText(this.bytes, start, end) === '__proto__') this.reservedKey = true;
    frame.member =
      frame.role === Role.Root && plain && this.is(start, end, ROUNDS)
        ? Member.Rounds
        : frame.role === Role.Round && plain && this.is(start, end, RECORD)
          ? Member.Record
          : frame.role === Role.Round && plain && this.is(start, end, RESULT)
            ? Member.Result
            : frame.role === Role.Record && plain && this.is(start, end, BALLOTS)
              ? Member.Ballots
              : Member.None;
    if (this.bytes[this.pos++] !== 0x3a /* : */) throw new NotCanonical();
  }

  private is(start: number, end: number, word: Uint8Array): boolean {
    if (end - start !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.bytes[start + i] !== word[i]) return false;
    return true;
  }

  /** A string as JSON.stringify writes it: only `"`, `\`, control characters and lone surrogates escaped. */
  private string(): void {
    const bytes = this.bytes;
    let pos = this.pos + 1;
    let plain = true;
    for (;;) {
      const b = bytes[pos];
      if (b === undefined || b < 0x20) throw new NotCanonical();
      if (b === QUOTE) break;
      if (b >= 0x80) {
        plain = false;
        pos += 1;
      } else if (b === BACKSLASH) {
        plain = false;
        pos = escapeEnd(bytes, pos);
      } else {
        pos += 1;
      }
    }
    this.pos = pos + 1;
    this.plain = plain;
  }

  private number(): void {
    const bytes = this.bytes;
    const start = this.pos;
    let pos = start;
    let digitsOnly = true;
    for (;;) {
      const b = bytes[pos];
      if (b !== undefined && b >= 0x30 && b <= 0x39) pos += 1;
      else if (b === 0x2d || b === 0x2b || b === 0x2e || b === 0x65 || b === 0x45) {
        digitsOnly = false;
        pos += 1;
      } else break;
    }
    this.pos = pos;
    const length = pos - start;
    // The common case, a small whole number without a leading zero, is its own spelling; the rest ask the engine.
    if (digitsOnly && length <= 15 && (length === 1 || bytes[start] !== 0x30)) return;
    const token = utf8.decode(bytes.subarray(start, pos));
    const value = Number(token);
    if (!Number.isFinite(value) || String(value) !== token) throw new NotCanonical();
  }

  private literal(word: 'true' | 'false' | 'null'): void {
    for (let i = 0; i < word.length; i++) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) throw new NotCanonical();
    this.pos += word.length;
  }
}

function roleOf(parent: Frame | null, isObject: boolean): Role {
  if (parent === null) return isObject ? Role.Root : Role.Other;
  if (parent.role === Role.Root && parent.member === Member.Rounds && !isObject) return Role.Rounds;
  if (parent.role === Role.Rounds && isObject) return Role.Round;
  if (parent.role === Role.Round && parent.member === Member.Record && isObject) return Role.Record;
  if (parent.role === Role.Record && parent.member === Member.Ballots && !isObject) return Role.Ballots;
  return Role.Other;
}

const SHORT_ESCAPES = new Set([QUOTE, BACKSLASH, 0x62 /* b */, 0x66 /* f */, 0x6e /* n */, 0x72 /* r */, 0x74 /* t */]);

/** The end of the escape at `pos`, if JSON.stringify writes it so; a `\u` escape only for what it escapes. */
function escapeEnd(bytes: Uint8Array, pos: number): number {
  const e = bytes[pos + 1];
  if (e !== undefined && SHORT_ESCAPES.has(e)) return pos + 2;
  if (e !== 0x75 /* u */) throw new NotCanonical();
  const unit = hex4(bytes, pos + 2);
  if (unit < 0x20) {
    // \b \t \n \f \r have their short forms.
    if (unit === 0x08 || unit === 0x09 || unit === 0x0a || unit === 0x0c || unit === 0x0d) throw new NotCanonical();
  } else if (unit >= 0xd800 && unit <= 0xdbff) {
    // A high surrogate is escaped only when alone: one followed by an escaped low surrogate is a pair, written as is.
    if (bytes[pos + 6] === BACKSLASH && bytes[pos + 7] === 0x75) {
      const next = hex4(bytes, pos + 8, false);
      if (next >= 0xdc00 && next <= 0xdfff) throw new NotCanonical();
    }
  } else if (unit < 0xdc00 || unit > 0xdfff) {
    throw new NotCanonical();
  }
  return pos + 6;
}

/** Four lowercase hex digits (JSON.stringify's spelling); -1 for anything else when not strict. */
function hex4(bytes: Uint8Array, at: number, strict = true): number {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const b = bytes[at + i];
    const digit = b === undefined ? -1 : b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;
    if (digit < 0) {
      if (strict) throw new NotCanonical();
      return -1;
    }
    value = value * 16 + digit;
  }
  return value;
}

/** Order of two keys as JavaScript compares strings (UTF-16 units): bytes for plain ASCII keys, their texts otherwise. */
function compareKeys(bytes: Uint8Array, aStart: number, aEnd: number, aPlain: boolean, bStart: number, bEnd: number, bPlain: boolean): number {
  if (aPlain && bPlain) {
    const n = Math.min(aEnd - aStart, bEnd - bStart);
    for (let i = 0; i < n; i++) {
      const d = bytes[aStart + i]! - bytes[bStart + i]!;
      if (d !== 0) return d;
    }
    return aEnd - aStart - (bEnd - bStart);
  }
  const a = keyText(bytes, aStart, aEnd);
  const b = keyText(bytes, bStart, bEnd);
  return a < b ? -1 : a > b ? 1 : 0;
}

const utf8 = new TextDecoder('utf-8');

function keyText(bytes: Uint8Array, start: number, end: number): string {
  return JSON.parse(`"${utf8.decode(bytes.subarray(start, end))}"`) as string;
}
