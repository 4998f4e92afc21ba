import { ApiError } from '../../../shared/api/envelope';
import type { IssuanceRefusal } from '../../../shared/api/issuance';
import { issueBallot } from '../../backend/services/issuance';
import { optionalInt, parseArgs, requireOption, UsageError } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, type CommandCode } from '../command';
import { actingOption, runActingAs } from '../acting';
import { withElectionDb } from './report';

/** Exit code of a desk answer: a certificate that is not on the roll is refused like any other rule. */
function exitCodeOf(e: ApiError): number {
  const reason = (e.details as IssuanceRefusal | undefined)?.reason;
  if (e.code === 'refused' || e.code === 'conflict' || reason === 'unknown-certificate') return EXIT_REFUSED;
  return EXIT_BAD_INPUT;
}

export const issueCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv);
    const dbFile = requireOption(args, 'db');
    const certificate = requireOption(args, 'certificate');
    const round = optionalInt(args, 'round');
    if (round === undefined || round < 1) throw new UsageError('missing --round (a round number from 1)');
    const desk = requireOption(args, 'desk');
    const trustee = args.options.get('trustee');
    if (trustee === true) throw new UsageError('--trustee needs the trustee\'s certificate number');
    const helper = optionalInt(args, 'helper');
    const json = args.options.get('json') === true;
    const who = actingOption(args);
    const onError = (e: ApiError): number => {
      if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: e.toBody() }, null, 2)}\n`);
      else process.stderr.write(`${e.message}\n`);
      return exitCodeOf(e);
    };
    return withElectionDb(
      dbFile,
      `cli desk ${desk}`,
      async (ctx) => {
        const r = await runActingAs(ctx, 'issueBallot', who, () =>
          issueBallot(ctx, {
            certificate,
            round,
            desk,
            ...(trustee !== undefined ? { trusteeCertificate: trustee } : {}),
            ...(helper !== undefined ? { helper } : {}),
          }),
        );
        if (json) process.stdout.write(`${JSON.stringify({ ok: true, ...r }, null, 2)}\n`);
        else {
          const proxy = r.trustee ? `，委托投票：交给受委托人 ${r.trustee.name} / proxy ballot: give it to the trustee ${r.trustee.name}` : '';
          process.stdout.write(`发放选票 / ballot issued: ${r.voter.name}（${r.voter.group}）box ${r.box} desk ${r.desk}${proxy}\n`);
        }
        return EXIT_OK;
      },
      onError,
    );
  },
};
