import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export { zhCN, en };
export type { MessageKey };

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

export const tables: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The `{name}` parameters a message template asks for, as a union of names. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
export type ParamsOf<K extends MessageKey> = ParamNames<(typeof zhCN)[K]>;
/** A word the backend knows in both languages (a role, a step, a reason); each screen says its own half. */
export interface BothWords {
  zh: string;
  en: string;
}
/** A parameter: a name or number as it is, a word in both languages, or a list of them (joined as the language joins). */
export type ParamValue = string | number | BothWords | readonly ParamValue[];
export type MessageParams = Record<string, ParamValue>;
/** Messages without parameters take no second argument; the others must get every parameter. */
export type ParamArgs<K extends MessageKey> = [ParamsOf<K>] extends [never]
  ? []
  : [params: Record<ParamsOf<K>, ParamValue>];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Names of the `{parameters}` in a template, in order of appearance (used by tests and by `format`). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
}

const LIST_JOINT: Record<Lang, string> = { 'zh-CN': '、', en: ', ' };

/** A parameter in one language: a list joined as that language joins one, a word in both languages as its half. */
export function paramIn(value: ParamValue, lang: Lang): string {
  if (Array.isArray(value)) return value.map((v: ParamValue) => paramIn(v, lang)).join(LIST_JOINT[lang]);
  if (typeof value === 'object') return lang === 'en' ? (value as BothWords).en : (value as BothWords).zh;
  return String(value);
}

function format(template: string, params: MessageParams | undefined, lang: Lang): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? paramIn(params[name]!, lang) : whole,
  );
}

/** `t(key, params)` for one language; a key missing from a table falls back to zh-CN. */
export function translator(lang: Lang): Translate {
  const table = tables[lang];
  return ((key: MessageKey, params?: MessageParams) => format(table[key] ?? zhCN[key], params, lang)) as Translate;
}

/** zh-CN `t`, for code that has no language at hand (e.g. transport error messages). */
export const t: Translate = translator(DEFAULT_LANG);
