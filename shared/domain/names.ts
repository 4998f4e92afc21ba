/**
 * People's names are compared after Unicode NFKC normalisation with all whitespace removed (DOMAIN.md §7.2),
 * so "王 芳", "王芳" and full-width variants are the same person.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}
