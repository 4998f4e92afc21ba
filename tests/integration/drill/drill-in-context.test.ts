import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import type { DrillCredentialsView, DrillOutcomeView } from '../../../shared/api/drill';
import { buildApi } from '../../../electron/backend/api';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { DEFAULT_DRILL_DATE, runDrill, runDrillInContext } from '../../../electron/backend/drill/run';
import { SESSION_FIELD } from '../../../shared/api/resend';

/**
 * The drill the app starts: played through the contract into an open, empty election file (the way the Drill screen
 * calls it), both stages; refused on a file that already holds an election; the drill's PINs shown only for a drill.
 */

const dirs: string[] = [];
const contexts: BackendContext[] = [];
after(() => {
  for (const c of contexts) if (c.db.open) c.db.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function emptyElection(dir = mkdtempSync(join(tmpdir(), 'station-drill-app-')), name = 'election.sqlite') {
  if (!dirs.includes(dir)) dirs.push(dir);
  const ctx = createContext({ dbFile: join(dir, name), dataDir: dir, actor: 'browser' });
  contexts.push(ctx);
  const api = buildApi(ctx);
  // The window's session once someone signed in (signInAs), sent beside every input like the renderer's client does.
  let session: string | null = null;
  const call = async <T,>(method: string, input: unknown): Promise<ApiResponse<T>> => {
    const sent = session === null ? input : { ...(input as object), [SESSION_FIELD]: session };
    return (await dispatch(contract, api, method, sent, (err) => assert.fail(`internal error: ${String(err)}`))) as ApiResponse<T>;
  };
  const ok = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await call<T>(method, input);
    if (!r.ok) assert.fail(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  /** Signs this window in as the drill official with the PIN the drill gave them (drillCredentials). */
  const signInAs = async (find: (p: DrillCredentialsView['people'][number]) => boolean): Promise<DrillCredentialsView['people'][number]> => {
    session = null;
    const person = (await ok<DrillCredentialsView>('drillCredentials', {})).people.find(find);
    assert.ok(person?.pin, 'the drill gave this official a PIN');
    session = (await ok<{ token: string }>('signIn', { person: person.id, pin: person.pin })).token;
    return person;
  };
  return { dir, ctx, call, ok, signInAs };
}

const isChair = (p: DrillCredentialsView['people'][number]) => p.committee === 'chair';
const deskAt = (venue: string) => (p: DrillCredentialsView['people'][number]) => p.roles.some((r) => r.role === 'desk' && r.venue === venue);

const synchronous = (ctx: BackendContext) => ctx.db.pragma('synchronous', { simple: true }) as number;
const FULL = 2;

describe("stage 'ready-to-vote'", () => {
  const app = emptyElection();
  let outcome: Extract<DrillOutcomeView, { stage: 'ready-to-vote' }>;

  test('plays setup, roll, mobile list and proxies, and opens round 1 for voting; nothing else', async () => {
    assert.equal(synchronous(app.ctx), FULL);
    const o = await app.ok<DrillOutcomeView>('startDrill', { voters: 300, seed: 'desk-1', stage: 'ready-to-vote' });
    assert.equal(o.stage, 'ready-to-vote');
    if (o.stage !== 'ready-to-vote') return;
    outcome = o;
    assert.equal(synchronous(app.ctx), FULL, 'synchronous = FULL again on the shared connection');
    assert.equal(o.voters, 300);
    assert.equal(o.round, 1);
    assert.ok(o.mobileList > 0 && o.proxies > 0);

    const overview = await app.ok<{ election: { drill: boolean; title: string; date: string } | null }>('getElection', {});
    assert.equal(overview.election?.drill, true);
    assert.match(overview.election!.title, /^【演练】/);
    assert.equal(overview.election!.date, o.date);

    // The drill set PINs, so from now on the file asks for sign-in: the committee chair looks round.
    const unsigned = await app.call('listRounds', {});
    assert.equal(unsigned.ok ? 'ok' : (unsigned.error.details as { reason: string }).reason, 'sign-in-required');
    await app.signInAs(isChair);
    const rounds = await app.ok<{ number: number; status: string }[]>('listRounds', {});
    assert.deepEqual(rounds.map((r) => [r.number, r.status]), [[1, 'voting']]);
    const custody = await app.ok<{ box: string; position: { state: string; next?: string } }[]>('custodyOverview', { round: 1 });
    assert.deepEqual(custody.map((c) => [c.box, c.position.next]).sort(), [['C1', 'sealed-closed'], ['E1', 'sealed-closed'], ['M1', 'sealed-closed'], ['W1', 'sealed-closed']]);
    const stock = await app.ok<{ box: string; received: number; issued: number }[]>('ballotStock', { round: 1 });
    for (const b of o.boxes) {
      const s = stock.find((x) => x.box === b.id)!;
      assert.equal(s.received, b.ballots, `box ${b.id} received its blank ballots`);
      assert.equal(s.issued, 0, `no ballot issued yet at ${b.id}`);
      assert.ok(b.ballots > b.expected);
    }
    assert.equal(o.boxes.reduce((n, b) => n + b.expected, 0), 300);
    // Nothing sealed: the officials have the day still to play.
    assert.deepEqual(readdirSync(app.dir).filter((f) => f.endsWith('.sealed.json')), []);
  });

  test('the sample certificates work at their desks: in person, mobile, and a proxy with the trustee', async () => {
    const byKind = (k: string) => outcome.samples.filter((s) => s.kind === k);
    assert.ok(byKind('in-person').length >= 3 && byKind('mobile').length >= 1 && byKind('proxy').length >= 1);
    for (const box of ['C1', 'E1', 'W1', 'M1']) assert.ok(outcome.samples.some((s) => s.box === box), `a sample for ${box}`);
    const person = byKind('in-person')[0]!;
    // Each sample is issued by the desk staff of its venue (the mobile box's team sets out from the central venue).
    await app.signInAs(deskAt(person.venue));
    const issued = await app.ok<{ voter: { name: string }; box: string; proxy: boolean }>('issueBallot', { certificate: person.certificate, round: 1, desk: person.box });
    assert.equal(issued.voter.name, person.name);
    assert.equal(issued.box, person.box);
    const again = await app.call('issueBallot', { certificate: person.certificate, round: 1, desk: person.box });
    assert.equal(again.ok ? 'ok' : again.error.code, 'refused');

    const mobile = byKind('mobile')[0]!;
    assert.equal(mobile.box, 'M1');
    await app.signInAs(deskAt(mobile.venue));
    await app.ok('issueBallot', { certificate: mobile.certificate, round: 1, desk: 'M1' });

    const proxy = byKind('proxy')[0]!;
    assert.ok(proxy.trusteeCertificate);
    await app.signInAs(deskAt(proxy.venue));
    const byProxy = await app.ok<{ proxy: boolean }>('issueBallot', { certificate: proxy.certificate, round: 1, desk: proxy.box, trusteeCertificate: proxy.trusteeCertificate });
    assert.equal(byProxy.proxy, true);
  });

  test('drillCredentials gives the PINs the drill set: each works, deterministic for the seed, a changed one is flagged', async () => {
    const creds = await app.ok<DrillCredentialsView>('drillCredentials', {});
    assert.equal(creds.seed, 'desk-1');
    const withPin = creds.people.filter((p) => p.pin !== null);
    // Every official and committee member: seven who sign, three desks, three writing helpers, five committee members.
    assert.equal(withPin.length, 18);
    for (const p of creds.people) {
      assert.equal(p.pin !== null, p.roles.length > 0 || p.committee !== null, `${p.name}: a PIN exactly when they hold a duty`);
    }
    assert.equal(withPin.filter((p) => p.committee !== null).length, 5);
    assert.ok(creds.people.some((p) => p.boxes.length > 0 && p.roles.length === 0 && p.pin === null), 'mobile box staff are listed, without a PIN');
    await app.signInAs(isChair);
    for (const p of withPin) {
      assert.match(p.pin!, /^\d{6}$/);
      assert.equal(p.pinCurrent, true);
      assert.deepEqual(await app.ok('checkPin', { person: p.id, pin: p.pin }), { ok: true }, `${p.name}'s PIN`);
    }

    // The same seed in another empty file: the same people, PINs and sample certificates.
    const twin = emptyElection();
    const o2 = await twin.ok<DrillOutcomeView>('startDrill', { voters: 300, seed: 'desk-1', stage: 'ready-to-vote' });
    assert.deepEqual(o2.stage === 'ready-to-vote' ? o2.samples : null, outcome.samples);
    const creds2 = await twin.ok<DrillCredentialsView>('drillCredentials', {});
    assert.deepEqual(creds2.people.map((p) => [p.name, p.pin]), creds.people.map((p) => [p.name, p.pin]));
    // Another seed: other PINs.
    const other = emptyElection();
    await other.ok('startDrill', { voters: 50, seed: 'desk-2', stage: 'ready-to-vote' });
    const creds3 = await other.ok<DrillCredentialsView>('drillCredentials', {});
    assert.notDeepEqual(creds3.people.map((p) => p.pin), creds.people.map((p) => p.pin));

    // An official changes their PIN during the training: the sheet says the drill's PIN no longer works.
    const first = withPin[0]!;
    await app.ok('setPin', { person: first.id, pin: '24680135', currentPin: first.pin });
    const after = await app.ok<DrillCredentialsView>('drillCredentials', {});
    assert.equal(after.people.find((p) => p.id === first.id)!.pinCurrent, false);
    assert.equal(after.people.filter((p) => p.pinCurrent === true).length, 17);
  });

  test('a second drill into the same (now non-empty) file is refused, changing nothing', async () => {
    const before = (await app.ok<{ audit: { count: number } }>('getElection', {})).audit.count;
    const r = await app.call('startDrill', { voters: 50, seed: 'again', stage: 'complete' });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, /演练只能在一个新的空选举文件中进行.*a drill needs a new, empty election file/);
    assert.deepEqual(r.error.details, { reason: 'not-empty' });
    assert.equal((await app.ok<{ audit: { count: number } }>('getElection', {})).audit.count, before);
    assert.equal(synchronous(app.ctx), FULL);
  });
});

describe("stage 'complete'", () => {
  test('plays the whole day into the empty file and seals into the data folder', async () => {
    const app = emptyElection();
    const o = await app.ok<DrillOutcomeView>('startDrill', { voters: 300, seed: 'hall', stage: 'complete' });
    assert.equal(o.stage, 'complete');
    if (o.stage !== 'complete') return;
    assert.equal(synchronous(app.ctx), FULL);
    assert.equal(o.sealedFile, join(app.dir, 'drill-hall.sealed.json'));
    assert.ok(existsSync(o.sealedFile));
    assert.ok(o.rounds.length >= 1 && o.rounds.every((r) => r.signoffs === 8));
    await app.signInAs(isChair);
    const verified = await app.ok<{ ok: boolean }>('verifySealedFile', { path: o.sealedFile });
    assert.equal(verified.ok, true);
    const rounds = await app.ok<{ status: string }[]>('listRounds', {});
    assert.ok(rounds.every((r) => r.status === 'sealed'), 'the drill sealed its rounds');
    const stored = await app.ok<{ resultHash: string }>('storedResult', { round: 1 });
    assert.equal(stored.resultHash, o.rounds[0]!.resultHash);

    // A second complete drill with the same seed, in another file of the same data folder, does not overwrite it.
    const beside = emptyElection(app.dir, 'second.sqlite');
    const o2 = await beside.ok<DrillOutcomeView>('startDrill', { voters: 300, seed: 'hall', stage: 'complete' });
    assert.equal(o2.stage === 'complete' ? o2.sealedFile : null, join(app.dir, 'drill-hall-2.sealed.json'));
    assert.notEqual(readFileSync(o.sealedFile, 'utf8'), '');
  });

  test("the app's drill is the CLI's drill: same date and seed, same records, results and audit log", async () => {
    const d = mkdtempSync(join(tmpdir(), 'station-drill-cli-'));
    dirs.push(d);
    const cli = await runDrill({ dbFile: join(d, 'cli.sqlite'), voters: 200, seed: 'twin' });
    const app = emptyElection();
    const inApp = await runDrillInContext(app.ctx, { voters: 200, seed: 'twin', stage: 'complete', date: DEFAULT_DRILL_DATE });
    assert.equal(inApp.stage, 'complete');
    if (inApp.stage !== 'complete') return;
    assert.deepEqual(inApp.rounds.map((r) => [r.kind, r.recordHash, r.resultHash]), cli.rounds.map((r) => [r.kind, r.recordHash, r.resultHash]));
    assert.deepEqual(inApp.auditHead, cli.auditHead);
  });
});

describe('refusals', () => {
  test('an election file that already holds a (real) election is refused; so are bad inputs', async () => {
    const app = emptyElection();
    const def = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/election-residents.json'), 'utf8')) as unknown;
    await app.ok('createElection', def);
    const before = (await app.ok<{ audit: { count: number } }>('getElection', {})).audit.count;
    for (const stage of ['complete', 'ready-to-vote']) {
      const r = await app.call('startDrill', { voters: 100, seed: '1', stage });
      assert.equal(r.ok ? 'ok' : r.error.code, 'refused');
    }
    assert.equal((await app.ok<{ audit: { count: number }; election: { drill: boolean } }>('getElection', {})).audit.count, before);
    assert.equal(synchronous(app.ctx), FULL);

    const empty = emptyElection();
    for (const input of [
      { voters: 50_001, seed: '1', stage: 'complete' },
      { voters: 9, seed: '1', stage: 'complete' },
      { voters: 100, seed: '../x', stage: 'complete' },
      { voters: 100, seed: '', stage: 'complete' },
      { voters: 100, seed: '1', stage: 'half' },
    ]) {
      const r = await empty.call('startDrill', input);
      assert.equal(r.ok ? 'ok' : r.error.code, 'invalid-input', JSON.stringify(input));
    }
    assert.equal((await empty.ok<{ election: unknown }>('getElection', {})).election, null, 'still empty');
  });

  test('drillCredentials: refused for a real election, not found without one, refused for a hand-made drill', async () => {
    const real = emptyElection();
    const def = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/election-residents.json'), 'utf8')) as Record<string, unknown>;
    const none = await real.call('drillCredentials', {});
    assert.equal(none.ok ? 'ok' : none.error.code, 'not-found');
    await real.ok('createElection', def);
    const r = await real.call('drillCredentials', {});
    assert.equal(r.ok ? 'ok' : r.error.code, 'refused');
    if (!r.ok) assert.match(r.error.message, /不是演练选举.*not a drill/);

    const handMade = emptyElection();
    await handMade.ok('createElection', { ...def, drill: true });
    const h = await handMade.call('drillCredentials', {});
    assert.equal(h.ok ? 'ok' : h.error.code, 'refused');
    if (!h.ok) assert.match(h.error.message, /not made by the drill/);
  });
});
