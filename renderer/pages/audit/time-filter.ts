/**
 * The audit page's time fields: "2026-05-16" or "2026-05-16 08:30" (also 2026/5/16 and a T between), read as station
 * local time and turned into the stored form (ISO 8601 in UTC). A date alone means the whole day: from its start, or
 * until the start of the next day.
 */
export type TimeBound = { ok: true; iso: string | undefined } | { ok: false };

export function readTimeBound(text: string, edge: 'from' | 'to'): TimeBound {
  const t = text.normalize('NFKC').trim();
  if (t === '') return { ok: true, iso: undefined };
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?$/.exec(t);
  if (!m) return { ok: false };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [hour, minute] = hasTime ? [Number(m[4]), Number(m[5])] : [0, 0];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return { ok: false };
  const moment = new Date(year, month - 1, day, hour, minute);
  // 2026-02-31 would roll over into March: not a date.
  if (moment.getDate() !== day || moment.getMonth() !== month - 1) return { ok: false };
  if (!hasTime && edge === 'to') moment.setDate(moment.getDate() + 1);
  // "Until 08:30" includes the events of that minute.
  else if (edge === 'to') moment.setMinutes(moment.getMinutes() + 1);
  return { ok: true, iso: moment.toISOString() };
}
