import type { ReactNode } from 'react';
import { isClientError } from '../api';
import { useLang } from '../app/i18n';
import { generalText, GENERAL_ERROR_KEY, looksLikeSystemError, type ErrorText } from '../../shared/api/error-text';
import { translator, zhCN, type Lang, type MessageKey } from '../../shared/i18n';

const HAN = /\p{Script=Han}/u;

function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

function isErrorText(value: unknown): value is ErrorText {
  const v = value as ErrorText | null | undefined;
  return typeof v?.key === 'string' && typeof v.zh === 'string' && typeof v.en === 'string';
}

/** A text in one language only: said as it is on a screen of that language, else the screen's general words. */
function oneLanguage(message: string, lang: Lang, otherwise: string): string {
  return HAN.test(message) === (lang === 'zh-CN') ? message : otherwise;
}

/** The words of a failure in the screen's language, or null when only the log should have them. */
function wordsOf(err: unknown, lang: Lang): string | null {
  const t = translator(lang);
  if (isClientError(err)) {
    if (err.code === 'internal') return null;
    const text = isErrorText(err.text) ? err.text : generalText(err.message);
    if (text) {
      if (text.key !== GENERAL_ERROR_KEY && isMessageKey(text.key)) return (t as (k: MessageKey, p?: object) => string)(text.key, text.params);
      return lang === 'en' ? text.en : text.zh;
    }
    return oneLanguage(err.message, lang, t(err.code === 'invalid-input' ? 'error.badInput' : 'error.failed'));
  }
  const message = err instanceof Error ? err.message : String(err);
  const text = generalText(message);
  if (text) return lang === 'en' ? text.en : text.zh;
  // A screen's own words are already in its language; an exception's are the machine's.
  return err instanceof Error ? oneLanguage(message, lang, t('error.failed')) : message;
}

/**
 * The words to show for a failed call, in the screen's language only: the backend's key in the string tables, or the
 * half of its "中文 / English" text. An internal error, or text that reads like the machine's (an errno, a stack, a
 * temporary file), is said calmly and its detail goes to the log.
 */
export function errorText(err: unknown, lang: Lang): string {
  const words = wordsOf(err, lang);
  if (words !== null && !looksLikeSystemError(words)) return words;
  console.error('station: failure shown as the general message:', err);
  return translator(lang)('error.internal');
}

function isNothing(value: unknown): boolean {
  return value === null || value === undefined || value === false || value === '';
}

/** A refusal or failure, in red with a sign (not colour alone), announced to screen readers. */
export function ErrorNote({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const { lang } = useLang();
  if (isNothing(error)) return null;
  const path = isClientError(error) ? error.path : undefined;
  return (
    <p className="ui-error" role="alert" data-testid={testId} data-path={path}>
      ⚠ {errorText(error, lang)}
    </p>
  );
}

/** What was just done, in green. */
export function OkNote({ children, testId = 'ok' }: { children: ReactNode; testId?: string }) {
  if (isNothing(children)) return null;
  return (
    <p className="ui-ok" role="status" data-testid={testId}>
      ✓ {children}
    </p>
  );
}
