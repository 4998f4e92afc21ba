import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../shared/api/envelope';
import { recordNomination, setJointNominators, setPreliminaryList } from '../../../electron/backend/services/nomination';
import { withdrawNomination } from '../../../electron/backend/services/nomination-withdraw';
import { nominationContract } from '../../../shared/api/nomination';
import { nominationOverview } from '../../../electron/backend/services/nomination-read';
import { confirmFormalList, decideNominationTie, recordNominationVote } from '../../../electron/backend/services/nomination-vote';
import { readCandidates } from '../../../electron/backend/services/setup-read';
import { addVoter, removeVoter } from '../../../electron/backend/services/roll-life';
import { makeIdNumber, makeVoter } from '../../unit/roll/make-roll';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';
import { count, election, importGenerated, openVoting, rejects, type Election } from '../issuance/helpers';

const cert = (i: number) => makeVoter(i).certificate;
const nameOf = (i: number) => makeVoter(i).name;
/** Voters 100… nominate; each nomination takes its own ten. */
const nominators = (k: number, n = 10) => Array.from({ length: n }, (_, j) => cert(100 + k * 10 + j));

async function withRoll(): Promise<Election> {
  const e = election();
  await importGenerated(e.ctx, 300);
  return e;
}

function established(e: Election): { person: number; pin: string } {
  const chair = e.person('郭志明');
  establishAuthority(e.ctx, chair, [{ person: e.person('何玉兰') }]);
  return { person: chair, pin: TEST_PIN };
}

/** Nominates voters `nominees` for an office (the first by application, the rest jointly) and puts all on the preliminary list. */
function nominate(e: Election, office: string, nominees: number[], first = 0): number[] {
  const ids = nominees.map((v, k) =>
    recordNomination(e.ctx, k === 0
      ? { office, kind: 'application', nominee: cert(v), nominators: [] }
      : { office, kind: 'joint', nominee: cert(v), nominators: nominators(first + k) }).id,
  );
  setPreliminaryList(e.ctx, { office, nominations: ids });
  return ids;
}

function votesFor(ids: number[], votes: number[]) {
  return ids.map((nomination, i) => ({ nomination, votes: votes[i]! }));
}

function events(e: Election, type: string): Record<string, unknown>[] {
  return (e.ctx.db.prepare('SELECT detail_json AS d FROM audit_event WHERE type = ? ORDER BY seq').all(type) as { d: string }[]).map((r) => JSON.parse(r.d));
}

const MEETING = { heldOn: '2026-05-08', present: 40, ballots: 38 };

test('the nomination vote makes the top seats + margin formal candidates; confirmed, they replace the office candidates', async () => {
  const e = await withRoll();
  const chair = nominate(e, 'chair', [1, 2, 3]);
  const out = recordNominationVote(e.ctx, { office: 'chair', ...MEETING, votes: votesFor(chair, [12, 30, 20]) });
  assert.equal(out.vote?.formalCount, 2, 'chair: one seat, one more candidate');
  assert.deepEqual(out.outcome?.formal, [chair[1], chair[2]]);
  assert.equal(out.outcome?.tieDecided, true);
  // margins both ways: a chair with three formal candidates is too many, members with three for three seats too few
  assert.throws(() => recordNominationVote(e.ctx, { office: 'chair', ...MEETING, formalCount: 3, votes: votesFor(chair, [12, 30, 20]) }), rejects('refused', 'too-many'));
  const members = nominate(e, 'member', [11, 12, 13, 14, 15, 16], 3);
  assert.throws(() => recordNominationVote(e.ctx, { office: 'member', ...MEETING, formalCount: 3, votes: votesFor(members, [9, 8, 7, 6, 5, 4]) }), rejects('refused', 'too-few'));
  assert.throws(() => recordNominationVote(e.ctx, { office: 'member', ...MEETING, formalCount: 6, votes: votesFor(members, [9, 8, 7, 6, 5, 4]) }), rejects('refused', 'too-many'));
  const m = recordNominationVote(e.ctx, { office: 'member', ...MEETING, formalCount: 5, votes: votesFor(members, [9, 8, 7, 6, 5, 4]) });
  assert.deepEqual(m.outcome?.formal, members.slice(0, 5));

  assert.throws(() => confirmFormalList(e.ctx, { publishedOn: '2026-05-12' }), (err: unknown) => rejects('invalid-input')(err) && /2026-05-11/.test((err as Error).message));
  const done = confirmFormalList(e.ctx, { publishedOn: '2026-05-11' });
  assert.deepEqual(done, { candidates: 7, offices: 2 });
  const candidates = readCandidates(e.ctx.db);
  assert.deepEqual(candidates.filter((c) => c.office === 'chair').map((c) => c.name).sort(), [nameOf(2), nameOf(3)].sort());
  assert.equal(candidates.filter((c) => c.office === 'member').length, 5);
  assert.equal(candidates.filter((c) => c.office === 'vice').length, 2, 'an office without a nomination vote keeps its candidates');
  assert.equal(nominationOverview(e.ctx.db).formalList.publishedOn, '2026-05-11');
  assert.equal(events(e, 'nomination.formal-list-confirmed').length, 1);
  assert.equal(events(e, 'candidate.removed').length, 6, 'the two chair and four member candidates of the definition');
});

test('a tie at the edge of the formal list is flagged, refused at confirmation, and decided by the committee with a PIN', async () => {
  const e = await withRoll();
  const approval = established(e);
  const members = nominate(e, 'member', [21, 22, 23, 24, 25, 26]);
  const out = recordNominationVote(e.ctx, { office: 'member', ...MEETING, formalCount: 4, votes: votesFor(members, [30, 28, 26, 20, 20, 3]) });
  assert.deepEqual(out.outcome?.formal, members.slice(0, 3));
  assert.deepEqual(new Set(out.outcome?.tied), new Set([members[3], members[4]]));
  assert.equal(out.outcome?.tieSeats, 1);
  assert.equal(out.outcome?.tieDecided, false);
  assert.throws(() => confirmFormalList(e.ctx, { publishedOn: '2026-05-10', approval }), rejects('refused', 'tie-open'));
  assert.throws(() => decideNominationTie(e.ctx, { office: 'member', chosen: [members[5]!], reason: '选委会研究', approval }), rejects('invalid-input'));
  assert.throws(() => decideNominationTie(e.ctx, { office: 'member', chosen: [members[3]!], reason: '选委会研究' }), rejects('refused'), 'a decision needs a PIN once the committee has one');
  const decided = decideNominationTie(e.ctx, { office: 'member', chosen: [members[4]!], reason: '同票，选委会研究决定', approval });
  assert.deepEqual(decided.outcome?.formal, [...members.slice(0, 3), members[4]]);
  assert.equal(decided.outcome?.tieDecided, true);
  assert.deepEqual(events(e, 'nomination.tie-decided')[0]?.decidedBy, [{ id: approval.person, name: '郭志明' }]);
  confirmFormalList(e.ctx, { publishedOn: '2026-05-10', approval });
  assert.deepEqual(readCandidates(e.ctx.db).filter((c) => c.office === 'member').map((c) => c.name).sort(), [21, 22, 23, 25].map(nameOf).sort());
});

test('a nomination by unknown or removed voters, or too few, is refused naming the field; nothing is written', async () => {
  const e = await withRoll();
  const list = nominators(0);
  list[4] = '99999999';
  const field = (path: string, text: RegExp) => (err: unknown) => {
    assert.ok(err instanceof ApiError, String(err));
    assert.equal(err.code, 'invalid-input', err.message);
    assert.equal(err.path, path);
    assert.match(err.message, text);
    return true;
  };
  assert.throws(() => recordNomination(e.ctx, { office: 'member', kind: 'joint', nominee: cert(1), nominators: list }), field('nominators[4]', /99999999/));
  assert.throws(() => recordNomination(e.ctx, { office: 'member', kind: 'joint', nominee: '99999998', nominators: nominators(0) }), field('nominee', /99999998/));
  removeVoter(e.ctx, { certificate: cert(105), removal: { reason: 'moved' } });
  assert.throws(() => recordNomination(e.ctx, { office: 'member', kind: 'joint', nominee: cert(1), nominators: nominators(0) }), field('nominators[5]', new RegExp(nameOf(105))));
  assert.throws(() => recordNomination(e.ctx, { office: 'member', kind: 'joint', nominee: cert(1), nominators: nominators(1, 9) }), field('nominators', /10/));
  const twice = nominators(1);
  twice[9] = twice[0]!;
  assert.throws(() => recordNomination(e.ctx, { office: 'member', kind: 'joint', nominee: cert(1), nominators: twice }), field('nominators[9]', /两次/));
  assert.equal(count(e.ctx, 'nomination'), 0);
  assert.equal(count(e.ctx, 'nominator'), 0);
  assert.equal(events(e, 'nomination.recorded').length, 0);

  // the profile's rule: fewer nominators once the committee sets it; a voter joins at most seats nominations per office
  setJointNominators(e.ctx, { jointNominators: 3 });
  recordNomination(e.ctx, { office: 'chair', kind: 'joint', nominee: cert(1), nominators: [cert(200), cert(201), cert(202)] });
  assert.throws(() => recordNomination(e.ctx, { office: 'chair', kind: 'joint', nominee: cert(2), nominators: [cert(203), cert(202), cert(204)] }), (err: unknown) => rejects('refused')(err) && /nominators\[1\]/.test((err as Error).message));
  assert.throws(() => recordNomination(e.ctx, { office: 'chair', kind: 'application', nominee: cert(1), nominators: [] }), rejects('refused'));
  assert.throws(() => recordNomination(e.ctx, { office: 'women', kind: 'application', nominee: cert(1), nominators: [] }), rejects('refused'), 'voter 1 is a man: not for the women seat');
  assert.equal(count(e.ctx, 'nomination'), 1);
  assert.equal(count(e.ctx, 'nominator'), 3);
});

test('a vote that does not add up is refused naming the row and leaves the earlier tally as it was', async () => {
  const e = await withRoll();
  const chair = nominate(e, 'chair', [1, 2, 3]);
  recordNominationVote(e.ctx, { office: 'chair', ...MEETING, votes: votesFor(chair, [12, 30, 20]) });
  const bad = votesFor(chair, [12, 39, 20]);
  assert.throws(() => recordNominationVote(e.ctx, { office: 'chair', ...MEETING, votes: bad }), (err: unknown) => err instanceof ApiError && err.path === 'votes[1].votes');
  assert.throws(() => recordNominationVote(e.ctx, { office: 'chair', ...MEETING, votes: votesFor(chair.slice(0, 2), [1, 2]) }), (err: unknown) => err instanceof ApiError && err.path === 'votes');
  assert.throws(() => recordNominationVote(e.ctx, { office: 'chair', ...MEETING, ballots: 41, votes: votesFor(chair, [1, 2, 3]) }), (err: unknown) => err instanceof ApiError && err.path === 'ballots');
  const view = nominationOverview(e.ctx.db).offices.find((o) => o.office === 'chair')!;
  assert.deepEqual(view.nominations.map((n) => n.votes).sort(), [12, 20, 30]);
  assert.equal(events(e, 'nomination.vote-recorded').length, 1);
  assert.throws(() => setPreliminaryList(e.ctx, { office: 'chair', nominations: chair.slice(0, 2) }), rejects('refused'));
  const three = nominate(e, 'member', [11, 12, 13], 3);
  assert.throws(() => recordNominationVote(e.ctx, { office: 'member', ...MEETING, formalCount: 4, votes: votesFor(three, [5, 4, 3]) }), (err: unknown) => rejects('refused', 'too-few')(err) && /3/.test((err as Error).message));
});

test('a nomination withdrawn before the preliminary list no longer counts; after the list is set, or once round 1 opens, it is refused', async () => {
  const e = await withRoll();
  const chairIds = () => nominationOverview(e.ctx.db).offices.find((o) => o.office === 'chair')!.nominations.map((n) => n.id);
  const first = recordNomination(e.ctx, { office: 'chair', kind: 'joint', nominee: cert(1), nominators: nominators(0) }).id;
  // The chair has one seat: each voter joins one joint nomination for it at most.
  assert.throws(() => recordNomination(e.ctx, { office: 'chair', kind: 'joint', nominee: cert(2), nominators: nominators(0) }), rejects('refused'));
  const events0 = count(e.ctx, 'audit_event');
  assert.throws(() => withdrawNomination(e.ctx, { nomination: first + 100, reason: '录入错误' }), rejects('not-found'));
  assert.equal(count(e.ctx, 'audit_event'), events0, 'an unknown nomination changes nothing');

  const view = withdrawNomination(e.ctx, { nomination: first, reason: '被提名人书面声明不参选' });
  assert.deepEqual(view.nominations.map((n) => n.id), []);
  const [logged] = events(e, 'nomination.withdrawn');
  assert.deepEqual(logged, { office: 'chair', kind: 'joint', nominee: { name: nameOf(1), certificate: cert(1) }, nominators: [...nominators(0)].sort(), reason: '被提名人书面声明不参选' });
  assert.equal(count(e.ctx, 'nominator'), 0, 'its nominators are free again');
  const second = recordNomination(e.ctx, { office: 'chair', kind: 'joint', nominee: cert(2), nominators: nominators(0) }).id;
  const again = recordNomination(e.ctx, { office: 'chair', kind: 'application', nominee: cert(1), nominators: [] }).id;
  assert.ok(second > first && again > second, 'a withdrawn number is never given again');
  assert.deepEqual(chairIds().sort(), [second, again].sort());
  assert.equal(nominationContract.withdrawNomination.input.safeParse({ nomination: second, reason: '因'.repeat(501) }).success, false, 'a reason is at most 500 characters');

  setPreliminaryList(e.ctx, { office: 'chair', nominations: [second] });
  const events1 = count(e.ctx, 'audit_event');
  assert.throws(
    () => withdrawNomination(e.ctx, { nomination: again, reason: '本人放弃' }),
    (err: unknown) => rejects('refused', 'preliminary-set')(err) && /初步候选人名单已确定|preliminary list of "主任" is set/.test((err as Error).message),
  );
  assert.deepEqual(chairIds().sort(), [second, again].sort());
  assert.equal(count(e.ctx, 'audit_event'), events1);

  const member = recordNomination(e.ctx, { office: 'member', kind: 'application', nominee: cert(5), nominators: [] }).id;
  openVoting(e.ctx);
  assert.throws(() => withdrawNomination(e.ctx, { nomination: member, reason: '本人放弃' }), rejects('refused', 'voting-started'));
});

test('after round 1 opens, nominations and the formal list are refused with the reason', async () => {
  const e = await withRoll();
  const chair = nominate(e, 'chair', [1, 2, 3]);
  recordNominationVote(e.ctx, { office: 'chair', ...MEETING, votes: votesFor(chair, [12, 30, 20]) });
  openVoting(e.ctx);
  const before = readCandidates(e.ctx.db);
  assert.throws(() => confirmFormalList(e.ctx, { publishedOn: '2026-05-10' }), (err: unknown) => rejects('refused', 'voting-started')(err) && /投票已开始|round 1 has opened/.test((err as Error).message));
  assert.throws(() => recordNomination(e.ctx, { office: 'member', kind: 'application', nominee: cert(9), nominators: [] }), rejects('refused', 'voting-started'));
  assert.throws(() => recordNominationVote(e.ctx, { office: 'chair', ...MEETING, votes: votesFor(chair, [1, 2, 3]) }), rejects('refused', 'voting-started'));
  assert.deepEqual(readCandidates(e.ctx.db), before);
  assert.equal(count(e.ctx, 'formal_list'), 0);
});

test('a formal candidate who cannot stand refuses the whole confirmation: no office changed, nothing recorded', async () => {
  const e = await withRoll();
  // 林海 sits on the election committee and is also on the roll
  const member = addVoter(e.ctx, { voter: { name: '林海', idNumber: makeIdNumber('110105', '1970-02-03', '301'), group: '第1居民小组', category: 'resident' }, reason: '补登' });
  const chair = nominate(e, 'chair', [1, 2]);
  const members = nominate(e, 'member', [11, 12, 13, 14, 15]);
  const late = recordNomination(e.ctx, { office: 'member', kind: 'application', nominee: member.certificate, nominators: [] }).id;
  setPreliminaryList(e.ctx, { office: 'member', nominations: [...members, late] });
  recordNominationVote(e.ctx, { office: 'chair', ...MEETING, votes: votesFor(chair, [10, 9]) });
  recordNominationVote(e.ctx, { office: 'member', ...MEETING, votes: votesFor([...members, late], [9, 8, 7, 1, 2, 30]) });
  const before = readCandidates(e.ctx.db);
  const audit = count(e.ctx, 'audit_event');
  assert.throws(() => confirmFormalList(e.ctx, { publishedOn: '2026-05-10' }), (err: unknown) => rejects('refused')(err) && /林海/.test((err as Error).message));
  assert.deepEqual(readCandidates(e.ctx.db), before);
  assert.equal(count(e.ctx, 'formal_list'), 0);
  assert.equal(count(e.ctx, 'audit_event'), audit);
});

test('a formal candidate removed from the roll after the vote refuses the confirmation, naming them', async () => {
  const e = await withRoll();
  const chair = nominate(e, 'chair', [1, 2, 3]);
  recordNominationVote(e.ctx, { office: 'chair', ...MEETING, votes: votesFor(chair, [10, 9, 1]) });
  removeVoter(e.ctx, { certificate: cert(2), removal: { reason: 'moved' } });
  assert.throws(() => confirmFormalList(e.ctx, { publishedOn: '2026-05-10' }), (err: unknown) => rejects('refused', 'removed-from-roll')(err) && (err as Error).message.includes(nameOf(2)));
  assert.equal(count(e.ctx, 'formal_list'), 0);
});

test('an office with nominations recorded cannot be removed: refused naming it, nothing removed', async () => {
  const e = await withRoll();
  nominate(e, 'chair', [1, 2]);
  const { removeCandidate, removeOffice } = await import('../../../electron/backend/services/setup-edit');
  for (const c of readCandidates(e.ctx.db).filter((c) => c.office === 'chair')) removeCandidate(e.ctx, { id: c.id, reason: 'test' });
  const before = count(e.ctx, 'office');
  assert.throws(() => removeOffice(e.ctx, { id: 'chair', reason: 'test' }), (err: unknown) => err instanceof ApiError && err.code === 'refused' && /nomination/.test(err.message));
  assert.equal(count(e.ctx, 'office'), before);
});
