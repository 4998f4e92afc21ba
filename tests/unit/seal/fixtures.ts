import { generateKeyPairSync } from 'node:crypto';
import { hashJson, type SealInput, type SigningKey } from '../../../electron/backend/seal';
import { parseCerRecord, type CerRecord } from '../../../shared/record';
import { tally } from '../../../shared/rules/tally';

/** A small hand-built regular round: 1 chair seat, 2 member seats, 8 ballots (one void by ruling, one blank). */
export function smallRecord(): CerRecord {
  return parseCerRecord({
    format: 'cer/1',
    election: { title: '试点社区居委会选举', body: 'residents', method: 'direct', registered: 12 },
    rules: { minCommittee: 3 },
    round: 'regular',
    offices: [
      { id: 'chair', title: '主任', seats: 1, rank: 1 },
      { id: 'member', title: '委员', seats: 2, rank: 2 },
    ],
    candidates: [
      { id: 'c1', name: '王芳', office: 'chair', gender: 'female' },
      { id: 'c2', name: '李强', office: 'chair', gender: 'male' },
      { id: 'c3', name: '陈静', office: 'member', gender: 'female' },
      { id: 'c4', name: '赵磊', office: 'member' },
      { id: 'c5', name: '周洋', office: 'member' },
    ],
    participants: 8,
    ballots: [
      { box: 'central-1', marks: { chair: { for: ['c1'], against: ['c2'] }, member: { for: ['c3', 'c4'] } } },
      { box: 'central-1', marks: { chair: { for: ['c1'] }, member: { for: ['c3', 'c5'] } } },
      { box: 'central-1', marks: { chair: { for: ['c1'] }, member: { for: ['c3', 'c4'] } } },
      { box: 'central-1', marks: { chair: { for: ['c2'] }, member: { for: ['c4'], writeIns: ['刘洋'] } } },
      { box: 'mobile-1', marks: { chair: { for: ['c1'] }, member: { for: ['c3', 'c4'] } } },
      { box: 'mobile-1', marks: { chair: { for: ['c1'] }, member: { for: ['c3'], against: ['c5'] } } },
      { box: 'mobile-1', marks: {} },
      { box: 'mobile-1', void: 'unreadable' },
    ],
  });
}

export function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string };
}

export function sealInput(): SealInput {
  const record = smallRecord();
  const result = tally(record);
  const resultHash = hashJson(result);
  return {
    sealedAt: '2026-03-01T16:30:00+08:00',
    election: { title: '试点社区居委会选举', term: 12 },
    rounds: [{ number: 1, kind: 'regular', record, result }],
    signoffs: [
      { round: 1, name: '张敏', role: 'chief-scrutineer', resultHash, signedAt: '2026-03-01T16:10:00+08:00' },
      {
        round: 1,
        name: '孙丽',
        role: 'counter',
        resultHash: 'ab'.repeat(32),
        signedAt: '2026-03-01T15:40:00+08:00',
        revoked: { at: '2026-03-01T15:50:00+08:00', reason: '更正第 3 张选票 / ballot 3 corrected' },
      },
      { round: 1, name: '孙丽', role: 'counter', resultHash, signedAt: '2026-03-01T16:12:00+08:00' },
    ],
    auditHead: { count: 42, hash: 'cd'.repeat(32) },
  };
}

/** The payload of a sealed file, as a mutable plain object. */
export function payloadOf(sealed: Buffer): any {
  const outer = JSON.parse(sealed.toString('utf8')) as { payload: string };
  return JSON.parse(Buffer.from(outer.payload, 'base64').toString('utf8'));
}

/** A second round: a tie re-vote for one member seat between two persons. */
export function tieRevoteRecord(): CerRecord {
  return parseCerRecord({
    format: 'cer/1',
    election: { title: '试点社区居委会选举', body: 'residents', method: 'direct', registered: 12 },
    round: 'tie-revote',
    offices: [{ id: 'member', title: '委员', seats: 1, rank: 2 }],
    candidates: [
      { id: 'c4', name: '赵磊', office: 'member' },
      { id: 'c5', name: '周洋', office: 'member' },
    ],
    participants: 7,
    ballots: [
      { box: 'central-1', marks: { member: { for: ['c4'] } } },
      { box: 'central-1', marks: { member: { for: ['c4'] } } },
      { box: 'central-1', marks: { member: { for: ['c5'] } } },
      { box: 'central-1', marks: { member: { for: ['c4'], against: ['c5'] } } },
      { box: 'central-1', marks: {} },
    ],
  });
}

/** sealInput() plus a second round with its own sign-off. */
export function twoRoundInput(): SealInput {
  const input = sealInput();
  const record = tieRevoteRecord();
  const result = tally(record);
  input.rounds.push({ number: 2, kind: 'tie-revote', record, result });
  input.signoffs.push({ round: 2, name: '张敏', role: 'chief-scrutineer', resultHash: hashJson(result), signedAt: '2026-03-01T18:00:00+08:00' });
  return input;
}
