import type { ErrorText } from '../api/error-text';
import { translator, type MessageKey, type ParamArgs } from './index';

const zh = translator('zh-CN');
const en = translator('en');

/**
 * A message of the string tables as the backend sends it: the key and parameters a screen translates, with both
 * texts for the CLI and the log (`refused(says('error.x', { … }))`).
 */
export function says<K extends MessageKey>(key: K, ...params: ParamArgs<K>): ErrorText {
  const said: ErrorText = { key, zh: zh(key, ...params), en: en(key, ...params) };
  if (params[0] !== undefined) said.params = { ...(params[0] as Record<string, string | number>) };
  return said;
}
