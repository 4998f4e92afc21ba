import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, fstatSync, linkSync, openSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import { fsyncDir, writeAllAndSync } from '../files/durable-write';
import { removeLeftoversOfDeadProcesses } from '../files/leftovers';

/** The private key file, kept beside the database. It never leaves the machine. */
export const STATION_KEY_FILE = 'station-key.pem';

export interface Fingerprint {
  /** SHA-256 of the DER SubjectPublicKeyInfo, 64 lowercase hex digits. */
  hex: string;
  /** The first 128 bits as 8 groups of 4 uppercase hex digits: what the paper tally sheet shows. */
  short: string;
  /** All 256 bits as 16 groups of 4 uppercase hex digits. */
  full: string;
}

export interface StationKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, as embedded in sealed files. */
  publicKeyPem: string;
  fingerprint: Fingerprint;
  /** Path of the private key file. */
  path: string;
  /** True when this call generated the key. */
  created: boolean;
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function group(hex: string): string {
  return hex.toUpperCase().match(/.{4}/g)!.join(' ');
}

/** Fingerprint of an Ed25519 public key (KeyObject or SPKI PEM). */
export function fingerprint(publicKey: KeyObject | string): Fingerprint {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex');
  return { hex, short: group(hex.slice(0, 32)), full: group(hex) };
}

/**
 * Normalizes a fingerprint as someone might type it from paper ("3F2A 9C01 …", with dashes or colons, any case)
 * to lowercase hex; null when what remains is not 32 or 64 hex digits.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:\-]/g, '').toLowerCase();
  return /^(?:[0-9a-f]{32}|[0-9a-f]{64})$/.test(hex) ? hex : null;
}

/** True when `typed` (short or full form) matches the fingerprint. */
export function fingerprintMatches(fp: Fingerprint, typed: string): boolean {
  const hex = normalizeFingerprint(typed);
  return hex !== null && fp.hex.startsWith(hex);
}

/**
 * Loads the station key from `dir`/station-key.pem, creating it on first use.
 *
 * Creation is atomic and exclusive: the key is written to a temp file (mode 0600), fsynced, then hard-linked to its
 * final name, which fails if another process created the key first (then that key is loaded). So a crash never
 * leaves a half-written key, and two processes never end up with different keys.
 * On POSIX, a key file that group or others may read is refused: a leaked private key lets anyone sign results.
 */
const KEY_TEMP = /^\.station-key\.pem\.(\d+)\.[0-9a-f]+\.tmp$/;

/** A key creation killed midway leaves its temp file (a private key!) behind: removed once its process is gone. */
export function removeStationKeyLeftovers(dir: string): string[] {
  return removeLeftoversOfDeadProcesses(dir, KEY_TEMP);
}

export function loadOrCreateStationKey(dir: string): StationKey {
  const path = join(dir, STATION_KEY_FILE);
  const existing = tryReadKeyFile(path);
  if (existing !== null) return fromPem(existing, path, false);

  removeStationKeyLeftovers(dir);
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const tmp = join(dir, `.${STATION_KEY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o600);
  } catch (e) {
    throw new ApiError('refused', `无法在 ${dir} 创建站点密钥文件 / cannot create the station key in ${dir}: ${(e as Error).message}`, { path });
  }
  try {
    writeAllAndSync(fd, Buffer.from(pem, 'utf8'), 'key:partial');
  } finally {
    closeSync(fd);
  }
  let created = true;
  try {
    linkSync(tmp, path);
    unlinkSync(tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      created = false; // another process won the race; use its key
      unlinkSync(tmp);
    } else if (NO_HARD_LINKS.has(code ?? '') && !existsSync(path)) {
      renameSync(tmp, path); // e.g. FAT/exFAT: no hard links, fall back to rename
    } else {
      unlinkSync(tmp);
      throw new ApiError('refused', `无法保存站点密钥 ${path} / cannot store the station key ${path}: ${(e as Error).message}`, { path });
    }
  }
  fsyncDir(dir);
  if (!created) return fromPem(tryReadKeyFile(path)!, path, false);
  return fromPem(pem, path, true);
}

/** Reads the key file through one descriptor (so the checked file is the read file); null if it does not exist. */
function tryReadKeyFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ApiError('refused', `无法读取站点密钥 ${path} / cannot read the station key ${path}: ${(e as Error).message}`, { path });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      throw new ApiError('refused', `站点密钥 ${path} 不是普通文件 / the station key ${path} is not a regular file`, { path });
    }
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
      const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
      throw new ApiError(
        'refused',
        `站点密钥文件 ${path} 的权限为 ${mode}，其他用户可读取；请执行 chmod 600 ${path}，并考虑密钥是否已泄露 / ` +
          `the station key file ${path} has mode ${mode}, so other users can read it; run chmod 600 ${path} ` +
          `and consider whether the key has leaked`,
        { path },
      );
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function fromPem(pem: string, path: string, created: boolean): StationKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    throw new ApiError('refused', `站点密钥文件 ${path} 已损坏 / the station key file ${path} is not a valid private key: ${(e as Error).message}`, { path });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ApiError(
      'refused',
      `站点密钥文件 ${path} 不是 Ed25519 密钥 / the station key file ${path} holds a ${privateKey.asymmetricKeyType} key, not Ed25519`,
      { path },
    );
  }
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  return { privateKey, publicKey, publicKeyPem, fingerprint: fingerprint(publicKey), path, created };
}
