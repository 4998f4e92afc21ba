import type { MissingSignoffView } from '../../../shared/api/seal';

/** The missing sign-offs a refused seal names (details.missing), or null for any other failure. */
export function missingSignoffsOf(err: unknown): MissingSignoffView[] | null {
  const details = (err as { details?: unknown } | null)?.details as { reason?: unknown; missing?: unknown } | undefined;
  return details?.reason === 'signatures-missing' && Array.isArray(details.missing) ? (details.missing as MissingSignoffView[]) : null;
}

/** The sealed file's name: the election date, and 演练 for a drill so it is never taken for the real file. */
export function sealedFileName(e: { date: string; drill: boolean }): string {
  return `选举结果-${e.date}${e.drill ? '-演练' : ''}.sealed.json`;
}
