import { createHash, generateKeyPairSync } from 'node:crypto';
import { parseCerRecord, type Body, type Candidate, type CerRecord, type Method, type RoundKind } from '../../shared/record';
import { tally } from '../../shared/rules/tally';
import { fingerprint, hashJson, sealResults, type SealOverride, type SigningKey } from '../../electron/backend/seal';

/** A fresh Ed25519 station key, as a station would make one, with its fingerprint's paper (short) form. */
export function newStationKey(): SigningKey & { short: string; hex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const fp = fingerprint(publicKeyPem);
  return { privateKey, publicKeyPem, short: fp.short, hex: fp.hex };
}

export type CandidateVotes = Pick<Candidate, 'id' | 'name' | 'office' | 'gender' | 'birthYear' | 'education' | 'politicalStatus' | 'personKey'> & {
  votes: number;
};

export interface RoundSpec {
  kind?: RoundKind;
  registered: number;
  participants: number;
  offices: Array<{ id: string; title: string; seats: number; rank: number }>;
  candidates: CandidateVotes[];
}

/**
 * A cer/1 round in which every participant cast a ballot and each candidate got exactly `votes` "for" marks: the
 * marks of an office are dealt round the ballots in turn, so no ballot marks more persons than the office has seats
 * (as long as the office's votes add up to at most seats × participants).
 */
export function roundRecord(election: { title: string; body: Body; method: Method }, spec: RoundSpec): CerRecord {
  const marks: Array<Record<string, { for: string[] }>> = Array.from({ length: spec.participants }, () => ({}));
  for (const office of spec.offices) {
    let at = 0;
    for (const c of spec.candidates.filter((x) => x.office === office.id)) {
      for (let k = 0; k < c.votes; k++) {
        const ballot = marks[(at + k) % spec.participants]!;
        (ballot[office.id] ??= { for: [] }).for.push(c.id);
      }
      at = (at + c.votes) % spec.participants;
    }
  }
  return parseCerRecord({
    format: 'cer/1',
    election: { ...election, registered: spec.registered },
    round: spec.kind ?? 'regular',
    offices: spec.offices,
    candidates: spec.candidates.map(({ votes: _votes, ...c }) => c),
    participants: spec.participants,
    ballots: marks.map((m) => ({ box: 'C1', marks: m })),
  });
}

export interface SealSpec {
  community: string;
  body: Body;
  method: Method;
  date?: string;
  rounds: RoundSpec[];
  sequence?: number;
  supersedes?: string;
  override?: SealOverride;
  /** No sign-off at all (a file the app would not seal without an override). */
  unsigned?: boolean;
}

/** A sealed file of one community's election, signed with `key`, every round signed off by a scrutineer (unless unsigned). */
export function sealedFileOf(spec: SealSpec, key: SigningKey): Buffer {
  const title = `${spec.community}${spec.body === 'party' ? '党组织' : '居民委员会'}换届选举`;
  const rounds = spec.rounds.map((r, i) => {
    const record = roundRecord({ title, body: spec.body, method: spec.method }, r);
    return { number: i + 1, kind: record.round, record, result: tally(record) };
  });
  return sealResults(
    {
      sealedAt: '2026-05-16T18:00:00+08:00',
      election: { title, community: spec.community, body: spec.body, method: spec.method, date: spec.date ?? '2026-05-16' },
      rounds,
      signoffs: spec.unsigned ? [] : rounds.map((r) => ({ round: r.number, name: '谢文', role: 'chief-scrutineer', resultHash: hashJson(r.result), signedAt: '2026-05-16T17:00:00+08:00' })),
      auditHead: { count: 100 + rounds.length, hash: 'a'.repeat(64) },
      ...(spec.sequence !== undefined ? { sequence: spec.sequence } : {}),
      ...(spec.supersedes !== undefined ? { supersedes: spec.supersedes } : {}),
      ...(spec.override !== undefined ? { override: spec.override } : {}),
    },
    key,
  );
}

/** SHA-256 of a sealed file's payload bytes: what a later file's `supersedes` names. */
export function payloadHashOf(file: Buffer): string {
  const payload = Buffer.from((JSON.parse(file.toString('utf8')) as { payload: string }).payload, 'base64');
  return createHash('sha256').update(payload).digest('hex');
}
