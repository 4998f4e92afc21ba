import type { Lang } from '../i18n';

/**
 * The one way screens show a date or a moment: 2026年11月24日 22:03 in Chinese, 24 Nov 2026 22:03 in English, in the
 * station's local time (the time zone of the computer, or the one given). The parts come from Intl and are put
 * together here, so the form does not depend on which ICU data the browser carries. Text that is not a date is
 * shown as it came.
 */

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A calendar date with no time of day ("2026-11-24"): it is the same day everywhere, never shifted by a time zone. */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateText(lang: Lang, year: number, month: number, day: number): string {
  return lang === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** "2026-11-24" → 2026年11月24日 / 24 Nov 2026. */
export function formatDate(value: string, lang: Lang): string {
  const m = DATE_ONLY.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return dateText(lang, year, month, day);
    return value;
  }
  const parts = localParts(value, undefined);
  return parts ? dateText(lang, parts.year, parts.month, parts.day) : value;
}

/** An instant (ISO 8601 with Z or an offset) → 2026年11月24日 22:03 / 24 Nov 2026 22:03 in local time. */
export function formatDateTime(value: string, lang: Lang, timeZone?: string): string {
  if (DATE_ONLY.test(value)) return formatDate(value, lang);
  const p = localParts(value, timeZone);
  if (!p) return value;
  const hm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return `${dateText(lang, p.year, p.month, p.day)} ${hm}`;
}

/** An instant → its local time of day, 22:03 (the same in both languages). */
export function formatTimeOfDay(value: string, timeZone?: string): string {
  const p = localParts(value, timeZone);
  return p ? `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}` : value;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function localParts(value: string, timeZone: string | undefined): LocalParts | null {
  // Only full ISO instants: a bare number or a free text must not turn into some date.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(format.formatToParts(d).find((x) => x.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}
