/**
 * The audit page's time fields, in the forms the screens show dates in — 2026年5月16日 08:30, 16 May 2026 08:30 — or
 * as 2026-05-16 08:30 (also 2026/5/16 and a T between), read as station local time and turned into the stored form (ISO 8601 in UTC). A date alone means the whole day: from its start, or
 * until the start of the next day.
 */
export type TimeBound = { ok: true; iso: string | undefined } | { ok: false };

export function readTimeBound(text: string, edge: 'from' | 'to'): TimeBound {
  const t = text.normalize('NFKC').trim();
  if (t === '') return { ok: true, iso: undefined };
  const parts = numericDate(t) ?? englishDate(t);
  if (parts === null) return { ok: false };
  const { year, month, day } = parts;
  const hasTime = parts.hour !== undefined;
  const [hour, minute] = hasTime ? [parts.hour!, parts.minute!] : [0, 0];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return { ok: false };
  const moment = new Date(year, month - 1, day, hour, minute);
  // 2026-02-31 would roll over into March: not a date.
  if (moment.getDate() !== day || moment.getMonth() !== month - 1) return { ok: false };
  if (!hasTime && edge === 'to') moment.setDate(moment.getDate() + 1);
  // "Until 08:30" includes the events of that minute.
  else if (edge === 'to') moment.setMinutes(moment.getMinutes() + 1);
  return { ok: true, iso: moment.toISOString() };
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

const TIME = '(?:[ T]*(\\d{1,2}):(\\d{2}))?';

/** 2026年5月16日 08:30, 2026-05-16 08:30, 2026/5/16T08:30. */
function numericDate(t: string): DateParts | null {
  const m = new RegExp(`^(\\d{4})(?:[-/.]|年)(\\d{1,2})(?:[-/.]|月)(\\d{1,2})日?${TIME}$`).exec(t);
  return m ? withTime(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]) : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 16 May 2026 08:30 (the English screens' form). */
function englishDate(t: string): DateParts | null {
  const m = new RegExp(`^(\\d{1,2}) ([A-Za-z]{3})[a-z]* (\\d{4})${TIME}$`).exec(t);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  return m && month > 0 ? withTime(Number(m[3]), month, Number(m[1]), m[4], m[5]) : null;
}

function withTime(year: number, month: number, day: number, hour: string | undefined, minute: string | undefined): DateParts {
  return hour === undefined ? { year, month, day } : { year, month, day, hour: Number(hour), minute: Number(minute) };
}
