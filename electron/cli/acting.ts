import type { MethodName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/envelope';
import { DEFAULT_IDLE_MINUTES } from '../../shared/domain/authority';
import { authorizeCall } from '../backend/authority/authorize';
import { runAsCaller } from '../backend/authority/caller';
import { invalid, refused, type BackendContext, says } from '../backend/context';
import type { Db } from '../backend/db';
import { signIn, signOut } from '../backend/services/session';
import type { ParsedArgs } from './args';
import { UsageError } from './args';

/** The environment variable a script puts the PIN of --as in (a terminal is asked instead, without echo). */
export const PIN_ENV = 'STATION_PIN';

/** The --as option of a command that writes: a person's id or exact name, or undefined when not given. */
export function actingOption(args: ParsedArgs): string | undefined {
  const who = args.options.get('as');
  if (who === true || who === '') throw new UsageError('--as needs a person (their number or exact name)');
  return who;
}

/**
 * Runs a command's write as the person named by --as, through the same rule as the app (METHOD_ACCESS via
 * authorizeCall): the person signs in with their PIN for this one command and is signed out after it. Without
 * --as the write goes ahead only while the election is still open (no committee PIN yet). A refusal (no --as when
 * needed, a wrong PIN, a lockout, a role that may not) is an ApiError 'refused'; an unknown person 'invalid-input'.
 */
export async function runActingAs<T>(ctx: BackendContext, method: MethodName, who: string | undefined, fn: () => T | Promise<T>): Promise<T> {
  if (who === undefined) {
    if (authorizeCall(ctx, method, {}).ok) return await fn();
    throw refused(
      says('error.cli.signFirstAddPerson', { PIN_ENV }),
      { reason: 'sign-in-required' },
    );
  }
  const person = personNamed(ctx.db, who);
  const pin = await readPin(person.name);
  const { token } = signIn(ctx, { person: person.id, pin, idleMinutes: DEFAULT_IDLE_MINUTES });
  try {
    const verdict = authorizeCall(ctx, method, { session: token });
    if (!verdict.ok) throw new ApiError(verdict.error.code, verdict.error.message, { details: verdict.error.details });
    return await runAsCaller(verdict.caller, fn);
  } finally {
    signOut(ctx, token);
  }
}

/** The person --as names: a number is their id; anything else their exact name, which must be one person's. */
function personNamed(db: Db, who: string): { id: number; name: string } {
  const rows = (
    /^\d{1,9}$/.test(who) ? db.prepare('SELECT id, name FROM person WHERE id = ?').all(Number(who)) : db.prepare('SELECT id, name FROM person WHERE name = ?').all(who)
  ) as { id: number; name: string }[];
  const shown = who.length > 40 ? `${who.slice(0, 40)}…` : who;
  if (rows.length === 0) throw invalid('--as', says('error.cli.person', { shown }));
  if (rows.length > 1) {
    throw invalid('--as', `有 ${rows.length} 人叫“${shown}”，请用编号（${rows.map((r) => r.id).join('、')}）`, `${rows.length} people are named "${shown}"; give the number (${rows.map((r) => r.id).join(', ')})`);
  }
  return rows[0]!;
}

/** The PIN from STATION_PIN, or typed at the terminal without echo; neither is a refusal. */
async function readPin(name: string): Promise<string> {
  const fromEnv = process.env[PIN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw refused(says('error.cli.pinTypeTerminalSet', { name, PIN_ENV }), { reason: 'pin-needed' });
  }
  return promptHidden(`${name} 的个人密码 / PIN for ${name}: `);
}

const MAX_TYPED = 64;

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl-C or Ctrl-D cancels. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Echo goes off before the prompt shows, so nothing typed after it can appear on the screen.
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (cancelled: boolean) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (cancelled) reject(refused(says('error.cli.cancelled'), { reason: 'cancelled' }));
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(false);
        if (ch === '\u0003' || ch === '\u0004') return finish(true);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (typed.length < MAX_TYPED) typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}
