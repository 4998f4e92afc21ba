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
/** Messages without parameters take no second argument; the others must get every parameter. */
export type ParamArgs<K extends MessageKey> = [ParamsOf<K>] extends [never]
  ? []
  : [params: Record<ParamsOf<K>, string | number>];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Names of the `{parameters}` in a template, in order of appearance (used by tests and by `format`). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
}

function format(template: string, params: Record<string, string | number> | undefined): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** `t(key, params)` for one language; a key missing from a table falls back to zh-CN. */
export function translator(lang: Lang): Translate {
  const table = tables[lang];
  return ((key: MessageKey, params?: Record<string, string | number>) =>
    format(table[key] ?? zhCN[key], params)) as Translate;
}

/** zh-CN `t`, for code that has no language at hand (e.g. transport error messages). */
export const t: Translate = translator(DEFAULT_LANG);
