import { z } from 'zod';

/**
 * Every text the station stores passes here: a length limit in characters (code points), well-formed Unicode (a lone
 * surrogate would be written to SQLite as invalid UTF-8 and break every later reader), and no control or
 * bidirectional-override characters, which print invisibly or reorder what officials read on screen and paper.
 */
export const TEXT_LIMITS = {
  /** People, candidates, write-ins, venues, boxes, desks, residents' groups (the contract's 64 for names). */
  name: 64,
  /** Election title, community, office title, file names. */
  title: 200,
  /** Reasons and notes. */
  note: 500,
  /** Anything else the station answers with (messages, paths, hashes). */
  answer: 100_000,
} as const;

const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_NEWLINE = /(?![\n])\p{Cc}/u;
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const SUSPECT = /[\p{Cs}\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const SUSPECT_BUT_NEWLINE = /(?![\n])[\p{Cs}\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export interface TextRules {
  /** Multi-line notes may hold line feeds; every other control character is still refused. */
  lines?: boolean;
}

export type TextIssue =
  | { kind: 'too-long'; max: number }
  | { kind: 'lone-surrogate' | 'control' | 'bidi'; codePoint: string; at: number };

function charIssue(kind: 'lone-surrogate' | 'control' | 'bidi', value: string, index: number): TextIssue {
  const codePoint = `U+${value.codePointAt(index)!.toString(16).toUpperCase().padStart(4, '0')}`;
  // The place counted in characters, as people count.
  return { kind, codePoint, at: [...value.slice(0, index)].length + 1 };
}

/** Well-formed: no lone surrogate (what String.prototype.isWellFormed checks). */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** What keeps a text from being stored, or null when it may be. */
export function findTextIssue(value: string, max: number, rules: TextRules = {}): TextIssue | null {
  // A code point is at most two UTF-16 units: a string of at most max units is short enough without counting, and
  // a very long one is refused before anything is scanned.
  if (value.length > max && (value.length > 2 * max || [...value].length > max)) return { kind: 'too-long', max };
  // One scan for the common case (nothing suspect); the kind and place are looked for only when something is.
  if (!(rules.lines ? SUSPECT_BUT_NEWLINE : SUSPECT).test(value)) return null;
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return charIssue('lone-surrogate', value, lone.index);
  const control = (rules.lines ? CONTROL_BUT_NEWLINE : CONTROL).exec(value);
  if (control) return charIssue('control', value, control.index);
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) return charIssue('bidi', value, bidi.index);
  return null;
}

export function describeTextIssue(issue: TextIssue): string {
  switch (issue.kind) {
    case 'too-long':
      return `at most ${issue.max} characters`;
    case 'lone-surrogate':
      return `not well-formed Unicode: a lone surrogate ${issue.codePoint} at character ${issue.at}`;
    case 'control':
      return `control character ${issue.codePoint} at character ${issue.at}`;
    case 'bidi':
      return `bidirectional control character ${issue.codePoint} at character ${issue.at}`;
  }
}

/** The zod text every stored string field is built from; chain .trim(), .min(), .regex() as needed. */
export function text(max: number, rules: TextRules = {}): z.ZodString {
  return z.string().superRefine((value, ctx) => {
    const issue = findTextIssue(value, max, rules);
    if (issue !== null) ctx.addIssue({ code: 'custom', message: describeTextIssue(issue) });
  });
}

/** For answers: any length the station produced, but well-formed. */
export const answerText = z.string().refine(isWellFormed, 'not well-formed Unicode (a lone surrogate)');
