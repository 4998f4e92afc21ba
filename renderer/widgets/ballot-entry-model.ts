import { normalizeName } from '../../shared/domain/names';

/**
 * The keyboard model of BallotEntry, as pure functions so the rules of the keys are plain to read.
 * A ballot has one section per office; candidates are numbered 1..n within their section in ballot order.
 */

export const VOID_REASONS = ['unreadable', 'identifying-mark', 'other'] as const;
export type VoidReason = (typeof VOID_REASONS)[number];

export interface EntryCandidate {
  id: string;
  name: string;
}
export interface EntryOffice {
  id: string;
  title: string;
  seats: number;
  candidates: readonly EntryCandidate[];
}

export interface SectionMarks {
  for?: string[];
  against?: string[];
  writeIns?: string[];
}
/** What a finished ballot entry produces: the shape of a cer/1 ballot without its box. */
export type EnteredBallot =
  | { marks: Record<string, SectionMarks> }
  | { doubtful: true; marks: Record<string, SectionMarks> }
  | { void: VoidReason };

type Mark = 'for' | 'against';
interface SectionState {
  marks: Record<string, Mark>;
  writeIns: string[];
}

/** The part of the state that Backspace restores. */
interface Content {
  section: number;
  sections: SectionState[];
  doubtful: boolean;
  voidReason: VoidReason | null;
}

export type Mode = 'for' | 'against' | 'void-pick' | 'write-in';

export interface EntryState extends Content {
  mode: Mode;
  /** Digits typed but not yet committed (sections with 10+ candidates need two digits). */
  pending: string;
  history: Content[];
  /** A message for the last key that did nothing useful (e.g. a number with no candidate). */
  notice: { key: 'ballot.unknownNumber'; n: number } | null;
}

export type Effect = { kind: 'submit'; ballot: EnteredBallot } | { kind: 'open-write-in' } | null;

export function emptyEntry(offices: readonly EntryOffice[]): EntryState {
  return {
    section: 0,
    sections: offices.map(() => ({ marks: {}, writeIns: [] })),
    doubtful: false,
    voidReason: null,
    mode: 'for',
    pending: '',
    history: [],
    notice: null,
  };
}

function content(s: EntryState): Content {
  return { section: s.section, sections: s.sections, doubtful: s.doubtful, voidReason: s.voidReason };
}

/** Applies a change to the ballot's content, remembering the previous content for Backspace. */
function change(s: EntryState, next: Partial<Content>): EntryState {
  return { ...s, ...next, history: [...s.history, content(s)], mode: 'for', pending: '', notice: null };
}

export function isBlank(s: EntryState): boolean {
  return !s.doubtful && s.voidReason === null && s.sections.every((x) => Object.keys(x.marks).length === 0 && x.writeIns.length === 0);
}

function toggle(s: EntryState, offices: readonly EntryOffice[], n: number, mark: Mark): EntryState {
  const office = offices[s.section];
  const candidate = office?.candidates[n - 1];
  if (!office || !candidate) return { ...s, mode: 'for', pending: '', notice: { key: 'ballot.unknownNumber', n } };
  const sec = s.sections[s.section]!;
  const marks = { ...sec.marks };
  if (marks[candidate.id] === mark) delete marks[candidate.id];
  else marks[candidate.id] = mark;
  const sections = s.sections.map((x, i) => (i === s.section ? { ...x, marks } : x));
  return change(s, { sections });
}

/** Commits the pending digits as a candidate number, if any. */
export function commitPending(s: EntryState, offices: readonly EntryOffice[]): EntryState {
  if (s.pending === '') return s;
  return toggle(s, offices, Number(s.pending), s.mode === 'against' ? 'against' : 'for');
}

function typeDigit(s: EntryState, offices: readonly EntryOffice[], digit: string): EntryState {
  if (s.mode === 'void-pick') {
    const reason = VOID_REASONS[Number(digit) - 1];
    return reason ? change(s, { voidReason: reason }) : s;
  }
  const size = offices[s.section]?.candidates.length ?? 0;
  const buffer = s.pending + digit;
  const n = Number(buffer);
  // Wait for another digit only while a longer number could still name a candidate of this section.
  if (n > 0 && n * 10 <= size) return { ...s, pending: buffer, notice: null };
  return toggle({ ...s, pending: buffer }, offices, n, s.mode === 'against' ? 'against' : 'for');
}

function move(s: EntryState, offices: readonly EntryOffice[], by: number): EntryState {
  const n = offices.length;
  return { ...s, section: (((s.section + by) % n) + n) % n, mode: 'for', pending: '', notice: null };
}

export function addWriteIn(s: EntryState, name: string): EntryState {
  const trimmed = name.trim();
  if (trimmed === '') return { ...s, mode: 'for' };
  const sections = s.sections.map((x, i) => (i === s.section ? { ...x, writeIns: [...x.writeIns, trimmed] } : x));
  return change(s, { sections });
}

export function cancelMode(s: EntryState): EntryState {
  return { ...s, mode: 'for', pending: '', notice: null };
}

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/** The result of one key: the next state, what the component must do, and whether the key was ours. */
export function applyKey(
  state: EntryState,
  offices: readonly EntryOffice[],
  ev: KeyInput,
): { state: EntryState; effect: Effect; handled: boolean } {
  const done = (next: EntryState, effect: Effect = null) => ({ state: next, effect, handled: true });
  if (ev.altKey || ev.metaKey) return { state, effect: null, handled: false };
  const key = ev.key;

  if (/^[0-9]$/.test(key) && !ev.ctrlKey) return done(typeDigit(state, offices, key));

  // Any other key first settles a pending number (Space does only that).
  let s = state.mode === 'void-pick' ? state : commitPending(state, offices);
  if (key === ' ') return done(s);

  switch (key) {
    case '-':
    case '_':
      return done({ ...s, mode: s.mode === 'against' ? 'for' : 'against', notice: null });
    case 'w':
    case 'W':
      if (s.voidReason !== null) return done(s);
      return done({ ...s, mode: 'write-in', notice: null }, { kind: 'open-write-in' });
    case 'v':
    case 'V':
      return done({ ...s, mode: s.mode === 'void-pick' ? 'for' : 'void-pick', notice: null });
    case 'd':
    case 'D':
      return done(change(s, { doubtful: !s.doubtful }));
    case 'Tab':
      return done(move(s, offices, ev.shiftKey ? -1 : 1));
    case 'ArrowRight':
      return done(move(s, offices, 1));
    case 'ArrowLeft':
      return done(move(s, offices, -1));
    case 'Enter': {
      if (s.voidReason === null && !ev.ctrlKey && s.section < offices.length - 1) return done(move(s, offices, 1));
      return done(s, { kind: 'submit', ballot: ballotOf(s, offices) });
    }
    case 'Backspace': {
      if (state.pending !== '') return done({ ...state, pending: state.pending.slice(0, -1) });
      if (s.mode !== 'for') return done(cancelMode(s));
      const previous = s.history[s.history.length - 1];
      if (!previous) return done(s);
      return done({ ...s, ...previous, history: s.history.slice(0, -1), mode: 'for', pending: '', notice: null });
    }
    case 'Escape': {
      if (state.pending !== '' || state.mode !== 'for') return done(cancelMode(state));
      if (s.voidReason !== null) return done(change(s, { voidReason: null }));
      if (isBlank(s)) return done(s);
      return done(change(s, { ...content(emptyEntry(offices)) }));
    }
    default:
      return { state, effect: null, handled: false };
  }
}

/** Persons voted for in a section: marked "for" plus distinct write-ins (a write-in of a listed name is that person). */
export function personsVotedFor(office: EntryOffice, section: { marks: Record<string, Mark>; writeIns: readonly string[] }): number {
  const persons = new Set<string>();
  for (const [id, mark] of Object.entries(section.marks)) if (mark === 'for') persons.add(`id:${id}`);
  for (const name of section.writeIns) {
    const key = normalizeName(name);
    const listed = office.candidates.find((c) => normalizeName(c.name) === key);
    persons.add(listed ? `id:${listed.id}` : `name:${key}`);
  }
  return persons.size;
}

export function overvoted(s: EntryState, offices: readonly EntryOffice[]): boolean[] {
  return offices.map((o, i) => personsVotedFor(o, s.sections[i]!) > o.seats);
}

export function ballotOf(s: EntryState, offices: readonly EntryOffice[]): EnteredBallot {
  if (s.voidReason !== null) return { void: s.voidReason };
  const marks: Record<string, SectionMarks> = {};
  offices.forEach((office, i) => {
    const sec = s.sections[i]!;
    const out: SectionMarks = {};
    const inOrder = (m: Mark) => office.candidates.filter((c) => sec.marks[c.id] === m).map((c) => c.id);
    const f = inOrder('for');
    const a = inOrder('against');
    if (f.length) out.for = f;
    if (a.length) out.against = a;
    if (sec.writeIns.length) out.writeIns = [...sec.writeIns];
    marks[office.id] = out;
  });
  return s.doubtful ? { doubtful: true, marks } : { marks };
}

export function markOf(s: EntryState, section: number, candidateId: string): Mark | undefined {
  return s.sections[section]?.marks[candidateId];
}
