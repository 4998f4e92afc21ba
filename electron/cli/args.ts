/** Minimal option parsing for the CLI: `--key value`, `--key=value`, `--flag`, and positionals. */
export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], flags: ReadonlySet<string> = new Set(['json', 'help'])): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        options.set(arg.slice(2, eq), arg.slice(eq + 1));
        continue;
      }
      const key = arg.slice(2);
      if (flags.has(key)) {
        options.set(key, true);
        continue;
      }
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`option --${key} needs a value`);
      options.set(key, value);
      i++;
    } else {
      positionals.push(arg);
    }
  }
  return { options, positionals };
}

export function requireOption(args: ParsedArgs, key: string): string {
  const v = args.options.get(key);
  if (typeof v !== 'string' || v === '') throw new UsageError(`missing --${key}`);
  return v;
}

export function optionalInt(args: ParsedArgs, key: string): number | undefined {
  const v = args.options.get(key);
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new UsageError(`--${key} must be a whole number`);
  return Number(v);
}
