/** A `station` sub-command as help lists it; its code is loaded when it runs. */
export interface CommandInfo {
  /** Words after `station`, e.g. "tally" or "roll import". */
  name: string;
  summary: string;
  usage: string;
  load(): Promise<CommandCode>;
}

/** A command's code. `run` returns the exit code: 0 success, 1 refused by a rule, 2 bad input. */
export interface CommandCode {
  run(args: string[], usage: string): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_BAD_INPUT = 2;
