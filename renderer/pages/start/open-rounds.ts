/** A round the open file still has voting or counting, as the backend names it when it holds a switch. */
export interface OpenRound {
  round: number;
  status: 'voting' | 'counting';
}

export interface LeaveConfirmation {
  approval: { person: number; pin: string };
  rounds: number[];
}

/** The rounds a refused switch named (reason 'work-open'), or null for any other outcome. */
export function openRoundsOf(error: unknown): OpenRound[] | null {
  const details = (error as { details?: { reason?: unknown; open?: unknown } } | null)?.details;
  return details?.reason === 'work-open' && Array.isArray(details.open) ? (details.open as OpenRound[]) : null;
}

/** The file a refused switch from the File menu was going to (the shell names it), or null. */
export function refusedTargetOf(error: unknown): string | null {
  const file = (error as { details?: { file?: unknown } } | null)?.details?.file;
  return typeof file === 'string' ? file : null;
}
