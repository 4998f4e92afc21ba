/**
 * A rules engine message ("中文 / English", shared/rules/messages.ts) in one language: a result's problems are
 * read, not reported back, so the other language is only noise (and the printed sheet is Chinese).
 */
export function messageIn(message: string, lang: string): string {
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return lang === 'en' ? message.slice(i + 3) : message.slice(0, i);
}
