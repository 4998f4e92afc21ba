/**
 * Certificate numbers as typed or scanned: NFKC folds full-width digits and letters (１２３ → 123), whitespace is
 * dropped, letters are upper-cased. Only digits, Latin letters and hyphens remain valid.
 */
export function normalizeCertificate(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

export function isCertificateNumber(value: string): boolean {
  return /^[0-9A-Z-]{1,40}$/.test(value);
}
