import { ApiError } from '../../../shared/api/envelope';
import { FILE_LIMITS, InputFileError, readInputFileSync } from '../../backend/files/input-file';
import { verifySealedFile } from '../../backend/seal';
import { readSealedPath, summaryView } from '../../backend/services/seal-verify';
import { judgeAuthenticity, payloadCommunity, type Authenticity } from '../../backend/town/authenticity';
import type { KeyRegistry } from '../../backend/town/registry';
import { parseArgs } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, type CommandCode } from '../command';
import { formatSealSummary } from './seal-summary';

/** The --keys registry file, or a one-line reason it cannot be used (bad input). */
async function readRegistry(path: string): Promise<KeyRegistry | string> {
  // Loaded only for --keys: the registry reader brings the spreadsheet library with it.
  const { parseKeyRegistry, RegistryError } = await import('../../backend/town/registry');
  try {
    return await parseKeyRegistry(readInputFileSync(path, FILE_LIMITS.registry));
  } catch (e) {
    if (e instanceof InputFileError) return `无法读取登记表 / cannot read the key registry: ${e.message}`;
    if (e instanceof RegistryError) return `登记表有误 / the key registry is malformed: ${path}: ${e.message}`;
    throw e;
  }
}

export const verifyCommand: CommandCode = {
  async run(argv, usage) {
    const args = parseArgs(argv);
    const file = args.positionals[0];
    if (file === undefined || args.positionals.length > 1) {
      process.stderr.write(`usage: ${usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const fp = args.options.get('fingerprint');
    const keys = args.options.get('keys');
    if (fp === true || keys === true) {
      process.stderr.write(`--fingerprint and --keys need a value\nusage: ${usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const json = args.options.get('json') === true;
    let registry: KeyRegistry | undefined;
    if (keys !== undefined) {
      const read = await readRegistry(keys);
      if (typeof read === 'string') {
        process.stderr.write(`${read}\n`);
        return EXIT_BAD_INPUT;
      }
      registry = read;
    }
    let bytes: Buffer;
    try {
      bytes = await readSealedPath(file);
    } catch (e) {
      if (e instanceof ApiError) {
        process.stderr.write(`${e.message}\n`);
        return EXIT_BAD_INPUT;
      }
      throw e;
    }
    const outcome = verifySealedFile(bytes, fp === undefined ? {} : { expectedFingerprint: fp });
    let authenticity: Authenticity | null = null;
    const failures = outcome.ok ? [] : [...outcome.failures];
    if (outcome.ok) {
      authenticity = judgeAuthenticity(outcome.summary.fingerprint, payloadCommunity(outcome.summary.payload.election), { fingerprint: fp, registry });
      // A registry that names the community with other keys contradicts the file, as a wrong --fingerprint does.
      if (!authenticity.authenticated && authenticity.mismatch !== null) failures.push(authenticity.mismatch);
    }
    const authenticated = authenticity?.authenticated === true;
    if (json) {
      const view = outcome.ok && failures.length === 0 ? { ok: true, summary: summaryView(outcome.summary) } : { ok: false, failures };
      process.stdout.write(`${JSON.stringify({ ...view, authenticated, authenticity: authenticity?.line ?? null }, null, 2)}\n`);
    }
    if (outcome.ok && failures.length === 0) {
      if (!json) {
        process.stdout.write(`封存文件校验通过 / sealed file verified: ${file}\n`);
        process.stdout.write(`${authenticity!.line}\n`);
        process.stdout.write(formatSealSummary(summaryView(outcome.summary)));
        if (!authenticated) {
          process.stdout.write('请将上面的密钥指纹与签字的计票结果报告单核对（或用 --fingerprint 或 --keys 给出） / compare the fingerprint with the signed tally sheet (or pass --fingerprint or --keys)\n');
        }
      }
      return EXIT_OK;
    }
    if (!json) {
      process.stderr.write(`封存文件校验未通过 / the sealed file does NOT verify: ${file}\n`);
      for (const f of failures) process.stderr.write(`  - ${f}\n`);
    }
    return EXIT_REFUSED;
  },
};
