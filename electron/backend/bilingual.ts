/**
 * Messages for people carry Chinese first, then English: "中文 / English". A module of its own so code that needs no
 * database (station verify, the town's registry) can say things without loading the election context.
 */
export function bilingual(zh: string, en: string): string {
  return `${zh} / ${en}`;
}
