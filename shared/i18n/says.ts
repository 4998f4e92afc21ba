import type { ErrorParams, ErrorText } from '../api/error-text';
import type { RoundStatus } from '../domain/round';
import { formatDate } from '../domain/when';
import { translator, type BothWords, type MessageKey, type MessageParams, type ParamArgs, type ParamValue } from './index';

const zh = translator('zh-CN');
const en = translator('en');

/**
 * A message of the string tables as the backend sends it: the key and parameters a screen translates, with both
 * texts for the CLI and the log (`refused(says('error.x', { … }))`).
 */
export function says<K extends MessageKey>(key: K, ...params: ParamArgs<K>): ErrorText {
  const said: ErrorText = { key, zh: zh(key, ...params), en: en(key, ...params) };
  if (params[0] !== undefined) said.params = plainParams(params[0] as MessageParams);
  return said;
}

/** The parameters as they travel: a word in both languages keeps only its two halves (not the rest of its object). */
function plainParams(params: MessageParams): ErrorParams {
  // The names are the message's own placeholders (code, not input).
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, plainValue(value)]));
}

function plainValue(value: ParamValue): ParamValue {
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object') return { zh: (value as BothWords).zh, en: (value as BothWords).en };
  return value;
}

/** A word of the string tables in both languages, as a message parameter (a status, a role, a step). */
export function bothWords<K extends MessageKey>(key: K, ...params: ParamArgs<K>): BothWords {
  return { zh: zh(key, ...params), en: en(key, ...params) };
}

/** A round's status as the Start page names it (正在投票 / open for voting), never the raw status. */
export function statusWords(status: RoundStatus): BothWords {
  return bothWords(`sa.status.${status}`);
}

/** A date or an instant in both languages' forms (2026年8月14日 / 14 Aug 2026), through when.ts. */
export function dateWords(value: string): BothWords {
  return { zh: formatDate(value, 'zh-CN'), en: formatDate(value, 'en') };
}
