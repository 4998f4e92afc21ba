import { splitBilingual } from '../../shared/api/error-text';
import { translator, zhCN, type Lang } from '../../shared/i18n';

/**
 * A rule's problem or warning ({ code, message: "中文 / English" }, shared/rules/messages.ts) in one language: the
 * message's half for that language, else the string table's words for the code, else a general line — never the
 * code itself nor the other language.
 */
export function ruleNoticeIn(notice: { code: string; message: string }, lang: Lang): string {
  const halves = splitBilingual(notice.message);
  if (halves) return lang === 'en' ? halves.en : halves.zh;
  const key = `rules.problem.${notice.code}`;
  const say = translator(lang) as (k: string) => string;
  return say(Object.prototype.hasOwnProperty.call(zhCN, key) ? key : 'rules.problem.unknown');
}
