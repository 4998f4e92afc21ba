import { ApiError } from '../../shared/api/envelope';
import type { LeaveConfirmation } from '../backend/election-files/leave-guard';
import { refused, says } from '../backend/context';

/** The election files the shell can switch to, as main.ts wires them to the backend host. */
export interface ShellElections {
  current(): string;
  recent(): string[];
  switchTo(file: string, opts: { create: boolean; leave?: LeaveConfirmation | undefined }): void;
}

export type Opened = { canceled: true } | { canceled: false; path: string };
type Request = { path?: string | undefined; leave?: LeaveConfirmation | undefined };

/**
 * The File menu's open and new election: the file comes from the dialog (or, sent again, from the recent files or a
 * dialog of this session) and the switch is the backend's, so a round voting or counting holds it exactly as on the
 * Start page. That refusal names the chosen file, so the page can ask a committee member's PIN and send it again.
 */
export function electionDialogs(elections: ShellElections, chosenInDialog: Set<string>) {
  function switchTo(target: string, create: boolean, leave: LeaveConfirmation | undefined): Opened {
    chosenInDialog.add(target);
    try {
      elections.switchTo(target, { create, leave });
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { reason?: unknown } | undefined) : undefined;
      if (!(e instanceof ApiError) || details?.reason !== 'work-open') throw e;
      throw new ApiError(e.code, e.message, { details: { ...details, file: target }, ...(e.text ? { text: e.text } : {}) });
    }
    return { canceled: false, path: elections.current() };
  }
  async function run(input: Request, create: boolean, choose: () => Promise<string | null>): Promise<Opened> {
    if (input.path !== undefined && !chosenInDialog.has(input.path) && (create || !elections.recent().includes(input.path))) {
      throw refused(says('error.shell.notChosen', { path: input.path }), { reason: 'not-chosen' });
    }
    const target = input.path ?? (await choose());
    return target === null ? { canceled: true } : switchTo(target, create, input.leave);
  }
  return {
    open: (input: Request, choose: () => Promise<string | null>) => run(input, false, choose),
    create: (input: Request, choose: () => Promise<string | null>) => run(input, true, choose),
  };
}
