import { ApiError } from '../../../shared/api/envelope';
import { verifyAuditChain } from '../../backend/audit';
import { openDatabase, schemaVersion } from '../../backend/db';
import { parseArgs, requireOption } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, type CommandCode } from '../command';
import { reportApiError } from './report';

export const auditVerifyCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv);
    const dbFile = requireOption(args, 'db');
    const json = args.options.get('json') === true;
    try {
      const db = openDatabase(dbFile, { mustExist: true, readonly: true });
      try {
        if (schemaVersion(db) === 0) {
          process.stderr.write(`${dbFile}: 不是选举数据库 / not an election database\n`);
          return EXIT_BAD_INPUT;
        }
        const verdict = verifyAuditChain(db);
        if (json) process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
        if (verdict.ok) {
          if (!json) process.stdout.write(`操作日志完整 / audit log intact: ${verdict.count} events, head ${verdict.head}\n`);
          return EXIT_OK;
        }
        process.stderr.write(`操作日志被改动 / audit log broken at event ${verdict.badSeq}: ${verdict.reason}\n`);
        return EXIT_REFUSED;
      } finally {
        db.close();
      }
    } catch (e) {
      if (e instanceof ApiError) return reportApiError(e, dbFile);
      throw e;
    }
  },
};
