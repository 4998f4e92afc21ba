/**
 * The words of a failed call, kept apart from the transport so both sides read them the same way. The backend says
 * every message in both languages ("中文 / English", for the CLI and the log); the screen shows one. A message a
 * screen can translate carries a key of the shared string tables with its parameters; any other carries the key
 * GENERAL_ERROR_KEY and the two texts to choose from.
 */

export const GENERAL_ERROR_KEY = 'general';

/** A parameter: as it is, a word in both languages ({ zh, en }), or a list of them (shared/i18n paramIn says it). */
export type ErrorParam = string | number | { zh: string; en: string } | readonly ErrorParam[];
export type ErrorParams = Record<string, ErrorParam>;

export interface ErrorText {
  key: string;
  params?: ErrorParams;
  zh: string;
  en: string;
}

const HAN = /\p{Script=Han}/u;
/** The joint of "中文 / English": a slash between spaces, or after a closing bracket ("…)/ English"). */
const JOINT = /(?: \/ |[)）]\/ )/g;

const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * "中文 / English" → its two halves, cut at the last joint with Han just before it (since the joint before it), so
 * a slash inside the Chinese ("1 / 3 未达到") does not cut it, while the English half may hold names in Han
 * ("王悦海 (committee) may not …"); null when the message is not in both languages.
 */
export function splitBilingual(message: string): { zh: string; en: string } | null {
  let found: { zh: string; en: string } | null = null;
  let from = 0;
  for (const m of message.matchAll(JOINT)) {
    const cut = m.index + (m[0].startsWith(' ') ? 0 : 1);
    const en = message.slice(m.index + m[0].length).trim();
    if (HAN.test(message.slice(from, cut)) && LATIN_WORD.test(en)) found = { zh: message.slice(0, cut).trim(), en };
    from = m.index + m[0].length;
  }
  return found;
}

/** The two texts of a message as the general key, when it is in both languages. */
export function generalText(message: string): ErrorText | null {
  const halves = splitBilingual(message);
  return halves ? { key: GENERAL_ERROR_KEY, ...halves } : null;
}

const SYSTEM_ERROR = [
  /\bE(?:NOENT|ACCES|PERM|EXIST|ISDIR|NOTDIR|NOSPC|ROFS|BUSY|MFILE|NFILE|IO|XDEV|NAMETOOLONG|NOTEMPTY|CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|INVAL)\b/,
  /\bSQLITE_[A-Z_]+\b/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|SqliteError|AssertionError)\b/,
  /(?:^|\n)\s+at \S.*(?::\d+:\d+\)?|<anonymous>)/,
  /\.tmp-[0-9a-f]/i,
  /\.[0-9a-f]{8,}\.partial\b/,
];

/**
 * Text that reads like the machine's, not the election's: an errno code, a SQLite code, a JavaScript error name, a
 * stack line, or the temporary name of a file being written (a folder the person chose may be anywhere, /tmp too). Such text is for the log; a screen says calmly that something failed.
 */
export function looksLikeSystemError(text: string): boolean {
  return SYSTEM_ERROR.some((re) => re.test(text));
}
