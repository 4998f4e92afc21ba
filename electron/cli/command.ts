/** A `station` sub-command. `run` returns the exit code: 0 success, 1 refused by a rule, 2 bad input. */
export interface Command {
  /** Words after `station`, e.g. "tally" or "roll import". */
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_BAD_INPUT = 2;
