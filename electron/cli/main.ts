import { UsageError } from './args';
import { EXIT_BAD_INPUT, type CommandInfo } from './command';
import { commands } from './commands/index';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'station — 社区“两委”换届选举 投票站工具 / community election station',
    '',
    'usage: station <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'exit codes: 0 done, 1 refused by an election rule, 2 bad input',
    'commands that write act as --as PERSON (number or exact name) once the committee has set a PIN; the PIN is',
    'typed at the terminal without echo, or taken from STATION_PIN. station drill needs no sign-in.',
    'station <command> --help shows the command\'s usage.',
  ].join('\n');
}

/** Finds the longest command name that prefixes argv ("roll import" before "roll"). */
function findCommand(argv: string[]): { command: CommandInfo; rest: string[] } | undefined {
  let best: { command: CommandInfo; rest: string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length)) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return argv.length === 0 ? EXIT_BAD_INPUT : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    process.stderr.write(`unknown command "${argv.join(' ')}"; station --help lists the commands\n`);
    return EXIT_BAD_INPUT;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    process.stdout.write(`${found.command.summary}\nusage: ${found.command.usage}\n`);
    return 0;
  }
  try {
    const code = await found.command.load();
    return await code.run(found.rest, found.command.usage);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\nusage: ${found.command.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    // An unexpected failure: one line for the user, never a stack trace on the terminal.
    process.stderr.write(`station ${found.command.name}: internal error: ${(e as Error).message}\n`);
    return 70;
  }
}
