import { z } from 'zod';
import { answerText, findTextIssue, describeTextIssue } from '../domain/text';
import { committeeApproval } from '../domain/authority';

/**
 * Several election files in the app's data folder (a real election and drills, each its own SQLite file `<name>.sqlite`):
 * the Start page lists them, creates one and switches between them. The sign-in belongs to the file: switching ends
 * every session of the file left. Backends with one fixed file (the command line, tests) refuse the switch.
 */

/** Characters typed into a file's name; the stored file is `<name>.sqlite`. */
export const ELECTION_FILE_NAME_MAX = 60;
export const ELECTION_FILE_SUFFIX = '.sqlite';

/** Names Windows keeps for devices, with or without an extension (CON, con.txt, COM1 …). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const UNSAFE = /[\\/:*?"<>|]/;

/** Why a typed name cannot name an election file, in English (null when it can). */
export function electionFileNameProblem(name: string): string | null {
  const issue = findTextIssue(name, ELECTION_FILE_NAME_MAX);
  if (issue !== null) return describeTextIssue(issue);
  if (name.trim() === '') return 'a name is required';
  if (name.trim() !== name) return 'no spaces at the start or the end';
  if (UNSAFE.test(name)) return 'none of \\ / : * ? " < > | (a name, not a path)';
  if (name.startsWith('.')) return 'must not start with a dot';
  if (name.endsWith('.')) return 'must not end with a dot';
  if (RESERVED.test(name)) return `"${name}" is a name Windows keeps for a device`;
  return null;
}

export const electionFileName = z.string().superRefine((value, ctx) => {
  const problem = electionFileNameProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

export const electionFileView = z.strictObject({
  /** The name people typed (the file is `<name>.sqlite` in the data folder). */
  name: answerText,
  /** The election it holds; null while empty, or when it cannot be read by this version. */
  title: answerText.nullable(),
  date: answerText.nullable(),
  /** A drill file (演练): made as one, or holding a drill election. */
  drill: z.boolean(),
  /** When the file last changed (ISO 8601). */
  lastChange: answerText,
  /** False when the file is not an election database this version can read (it is listed, never opened). */
  readable: z.boolean(),
  current: z.boolean(),
});
export type ElectionFileView = z.infer<typeof electionFileView>;

export const openElectionFileView = z.strictObject({
  /** The file's name, or its full path when it lies outside the data folder (chosen on the command line). */
  name: answerText,
  drill: z.boolean(),
});
export type OpenElectionFileView = z.infer<typeof openElectionFileView>;

/** Leaving a file while rounds are voting or counting: those rounds, confirmed by a committee member's PIN. */
export const leaveConfirmation = z.strictObject({ approval: committeeApproval, rounds: z.array(z.int().positive()).min(1).max(50) });

export const filesContract = {
  /**
   * The election files in the data folder, newest change first, and the one open now. `switchable` is false where
   * this backend serves one fixed file.
   */
  listElectionFiles: {
    input: z.strictObject({}),
    output: z.strictObject({
      folder: answerText,
      current: openElectionFileView,
      switchable: z.boolean(),
      files: z.array(electionFileView),
    }),
  },
  /** The file open now: its name and whether it is a drill file (the 演练 badge before any election is in it). */
  currentElectionFile: { input: z.strictObject({}), output: openElectionFileView },
  /**
   * Creates `<name>.sqlite` in the data folder (never over an existing file) and opens it in place of the open one;
   * `drill` marks it 演练. Re-sent while that new file is open and still empty, it answers the same again.
   */
  createElectionFile: {
    input: z.strictObject({ name: electionFileName, drill: z.boolean().default(false), leave: leaveConfirmation.optional() }),
    output: openElectionFileView,
  },
  /**
   * Opens another election file of the data folder in place of the open one (the open one again: nothing changes).
   * Both switches are refused (reason 'work-open', details.open: the rounds) while a round of the open file is voting
   * or counting, unless `leave` names those rounds with a committee member's PIN; audited in both files.
   */
  openElectionFile: { input: z.strictObject({ name: electionFileName, leave: leaveConfirmation.optional() }), output: openElectionFileView },
} as const;

export type FilesContract = typeof filesContract;
