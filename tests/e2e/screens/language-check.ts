import type { Page } from 'playwright-core';
import { looksLikeSystemError, splitBilingual } from '../../../shared/api/error-text';
import { zhCN, type Lang } from '../../../shared/i18n';

/**
 * What the language walk checks on a screen: in zh-CN no English words but the technical tokens a Chinese screen
 * uses too; in English no Han characters; in both no raw string-table key, no camelCase identifier, no system error
 * text. The election's own data (names, titles, ids, hashes — every string the backend answered as data, not as a
 * message) may be in any script; so may an element marked with a lang of its own (the Chinese legal papers shown
 * in an English screen).
 */

const TECHNICAL = [
  'SHA-256', 'SHA256', 'PDF', 'CSV', 'XLSX', 'PIN', 'ID', 'QR', 'USB', 'HTTP', 'JSON', 'A4', 'UTF-8', 'GBK', 'OK',
  'Alt', 'Ctrl', 'Shift', 'Esc', 'Enter', 'Tab', 'Space', 'PgUp', 'PgDn', 'Home', 'End', 'Backspace',
  // The button that switches a Chinese screen to English is named in English, as language choosers are.
  'English',
];
const TECHNICAL_RE = new RegExp(`(?<![A-Za-z])(?:${TECHNICAL.map((w) => w.replace(/[-]/g, '\\-')).join('|')}|F\\d{1,2}|[0-9a-f]{8,}|[0-9A-F]{4,})(?![A-Za-z])`, 'g');
/** File names and paths are the system's names, in any script: result.sealed.json, /media/usb, E:\\. */
const FILE_OR_PATH = /[^\s"'“”（）()]+\.(?:json|pdf|csv|xlsx|sqlite|pem|png|txt)\b|(?<![\w/])\/[\w.-]+(?:\/[\w.-]+)+|\b[A-Z]:\\/g;
/** A Chinese term quoted in English ("投票地点", the column a roll file must name) is a name, not a sentence. */
const QUOTED_HAN = /["“][^"”]*\p{Script=Han}[^"”]*["”]/gu;
const HAN = /\p{Script=Han}/u;
const RAW_DATE = /(?<![\d-])\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}\S*)?(?![\d-])|(?<!\d)\d{2}\/\d{2}\/\d{4}(?!\d)/;
const ENGLISH_WORD = /[A-Za-z]{2,}/;
const CAMEL = /(?<![A-Za-z./-])[a-z]+(?:[A-Z][a-z0-9]+)+(?![A-Za-z])/;
const DOTTED = /(?<![A-Za-z0-9./-])[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+/g;
const KEYS = new Set(Object.keys(zhCN));

export interface Finding {
  where: string;
  problem: string;
  text: string;
}

/** Collects every string of the backend's answers as data (not a "中文 / English" message) while the page runs. */
/** Calls to the backend still on their way (their answers not yet collected), and when the last one was. */
export interface CallWatch {
  pending: number;
  lastEnded: number;
}

export function watchData(page: Page, into: Set<string>): CallWatch {
  const watch: CallWatch = { pending: 0, lastEnded: Date.now() };
  const isCall = (url: string) => new URL(url).pathname.startsWith('/api/');
  const ended = () => {
    watch.pending -= 1;
    watch.lastEnded = Date.now();
  };
  page.on('request', (req) => {
    if (isCall(req.url())) watch.pending += 1;
  });
  page.on('requestfailed', (req) => {
    if (isCall(req.url())) ended();
  });
  page.on('response', async (res) => {
    if (!isCall(res.url())) return;
    try {
      const body = (await res.json()) as { ok?: boolean; value?: unknown };
      if (body.ok === true) collectStrings(body.value, into);
    } catch {
      /* not JSON, or the page went away */
    } finally {
      ended();
    }
  });
  return watch;
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.length > 0 && value.length < 400 && splitBilingual(value) === null) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) collectStrings(v, into);
  }
}

/**
 * The visible words of the page in its own language: text nodes, placeholders, titles and labels for the ear. A
 * string, not a function: tsx would wrap a function's inner helpers in a name-keeping call the page does not have.
 */
const VISIBLE_TEXTS = `(() => {
  const docLang = document.documentElement.lang;
  const out = [];
  function ownLang(el) { return (el.closest('[lang]')?.getAttribute('lang') ?? docLang) === docLang; }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = (n.textContent ?? '').trim();
    // code, kbd and samp hold technical tokens in any script: file names, paths, key names.
    if (!el || text === '' || el.closest('script,style,noscript,template,code,kbd,samp')) continue;
    if (!el.checkVisibility({ visibilityProperty: true }) || !ownLang(el)) continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll('[placeholder],[title],[aria-label]')) {
    if (!el.checkVisibility() || !ownLang(el)) continue;
    for (const a of ['placeholder', 'title', 'aria-label']) {
      const v = el.getAttribute(a);
      if (v && v.trim() !== '') out.push(v.trim());
    }
  }
  return out;
})()`;

export async function visibleTexts(page: Page): Promise<string[]> {
  return (await page.evaluate(VISIBLE_TEXTS)) as string[];
}

/** The text with the election's data taken out, whole words only (a box "A" must not eat the A of "Alt"). */
function withoutData(text: string, data: readonly string[]): string {
  let rest = text;
  for (const d of data) {
    if (!rest.includes(d)) continue;
    const escaped = d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'g'), ' ');
  }
  return rest;
}

/** The problems of one screen's words, for `lang`; `data` sorted longest first. */
export function languageFindings(texts: readonly string[], lang: Lang, data: readonly string[], where: string): Finding[] {
  const found: Finding[] = [];
  for (const text of texts) {
    const named = text.replace(FILE_OR_PATH, ' ');
    // Dates and times are said in the screen's form (renderer/ui/when.ts), never as the stored ISO text.
    const iso = RAW_DATE.exec(named);
    if (iso) found.push({ where, problem: `raw date ${iso[0]}`, text });
    const rest = withoutData(named, data);
    if (looksLikeSystemError(rest)) found.push({ where, problem: 'system error text', text });
    for (const m of rest.matchAll(DOTTED)) if (KEYS.has(m[0])) found.push({ where, problem: `raw key ${m[0]}`, text });
    const camel = CAMEL.exec(rest);
    if (camel) found.push({ where, problem: `identifier ${camel[0]}`, text });
    if (lang === 'zh-CN') {
      const word = ENGLISH_WORD.exec(rest.replace(TECHNICAL_RE, ' '));
      if (word) found.push({ where, problem: `English word "${word[0]}" on a Chinese screen`, text });
    } else if (HAN.test(rest.replace(QUOTED_HAN, ' '))) {
      found.push({ where, problem: 'Han characters on an English screen', text });
    }
  }
  return found;
}
