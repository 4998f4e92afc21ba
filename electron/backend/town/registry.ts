import { normalizeName } from '../../../shared/domain/names';
import { bilingual } from '../bilingual';
import { decodeUtf8Text, InputFileError } from '../files/input-file';
import { normalizeFingerprint } from '../seal';
import { communityNameProblem } from './community-name';
import { COMMUNITY_HEADERS, findColumn, readTable, TableError } from './table';

/**
 * A key registry: which station-key fingerprints belong to which community, as printed on the signed tally sheets.
 * Keyed by the community's normalized name; a community may have several keys (a station that lost its key).
 */
export type KeyRegistry = Map<string, { community: string; fingerprints: string[] }>;

export interface RegistryEntry {
  community: string;
  /** Lowercase hex, 32 (the sheet's short form) or 64 digits. */
  fingerprint: string;
}

export class RegistryError extends Error {}

const FINGERPRINT_HEADERS = ['指纹', '密钥指纹', '站点密钥指纹', 'fingerprint'] as const;

/** Adds one entry, checking its fields; `where` names the line or JSON entry in messages. */
function entry(community: unknown, fp: unknown, where: string): RegistryEntry {
  if (typeof community !== 'string') throw new RegistryError(`${where}: ${bilingual('缺少社区名称', 'the community is missing')}`);
  const name = community.trim();
  const problem = communityNameProblem(name);
  if (problem !== null) throw new RegistryError(`${where}: ${problem}`);
  const hex = typeof fp === 'string' ? normalizeFingerprint(fp) : null;
  if (hex === null) {
    throw new RegistryError(`${where}: ${bilingual('密钥指纹应为 32 或 64 位十六进制数', 'the fingerprint must be 32 or 64 hex digits')}`);
  }
  return { community: name, fingerprint: hex };
}

function fromJson(value: unknown): RegistryEntry[] {
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      const where = `[${i}]`;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new RegistryError(`${where}: ${bilingual('应为 {"community", "fingerprint"}', 'must be {"community", "fingerprint"}')}`);
      const unknown = Object.keys(item).filter((k) => k !== 'community' && k !== 'fingerprint');
      if (unknown.length > 0) throw new RegistryError(`${where}: ${bilingual('未知字段', 'unknown field(s)')} ${unknown.join(', ')}`);
      const { community, fingerprint } = item as { community?: unknown; fingerprint?: unknown };
      return entry(community, fingerprint, where);
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([community, fps]) => {
      const list: unknown[] = Array.isArray(fps) ? fps : [fps];
      return list.map((fp) => entry(community, fp, JSON.stringify(community)));
    });
  }
  throw new RegistryError(bilingual('JSON 登记表应为对象或数组', 'a JSON registry must be an object or an array'));
}

async function fromTable(bytes: Uint8Array): Promise<RegistryEntry[]> {
  const rows = await readTable(bytes);
  const header = rows[0];
  if (header === undefined) throw new RegistryError(bilingual('登记表是空的', 'the registry is empty'));
  const c = findColumn(header.cells, COMMUNITY_HEADERS);
  const f = findColumn(header.cells, FINGERPRINT_HEADERS);
  if (c < 0 || f < 0) {
    throw new RegistryError(`line ${header.line}: ${bilingual('表头应有“社区”和“指纹”两列', 'the header must name a "community" and a "fingerprint" column')}`);
  }
  return rows.slice(1).map((r) => entry(r.cells[c] ?? '', r.cells[f] ?? '', `line ${r.line}`));
}

/** Reads a registry file: JSON (object community → fingerprint(s), or array of entries), or CSV / XLSX with a header. */
export async function parseKeyRegistry(bytes: Uint8Array): Promise<KeyRegistry> {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1').replace(/^\xEF\xBB\xBF/, '').trimStart();
  let entries: RegistryEntry[];
  try {
    if (head.startsWith('{') || head.startsWith('[')) {
      let value: unknown;
      try {
        value = JSON.parse(decodeUtf8Text(bytes, 'registry').replace(/^\uFEFF/, ''));
      } catch (e) {
        throw new RegistryError(bilingual('登记表不是有效的 JSON', 'the registry is not valid JSON') + ` (${(e as Error).message})`);
      }
      entries = fromJson(value);
    } else {
      entries = await fromTable(bytes);
    }
  } catch (e) {
    if (e instanceof TableError || e instanceof InputFileError) throw new RegistryError(e.message);
    throw e;
  }
  return registryOf(entries);
}

export function registryOf(entries: readonly RegistryEntry[]): KeyRegistry {
  const registry: KeyRegistry = new Map();
  for (const e of entries) {
    const key = normalizeName(e.community);
    const known = registry.get(key) ?? { community: e.community, fingerprints: [] };
    if (!known.fingerprints.includes(e.fingerprint)) known.fingerprints.push(e.fingerprint);
    registry.set(key, known);
  }
  return registry;
}
