/**
 * Issuance and ballot entry against their floor (issue 13): a bare better-sqlite3 loop doing the same durable work
 * on the same file and connection (one IMMEDIATE transaction with synchronous=FULL; issuance: certificate lookup,
 * uniqueness check, issuance row, hash-chained audit row; entry: next position, ballot row, audit row), in
 * alternating blocks with the real services so that both meet the same load. Target: p50 of the real write within
 * 1.5× of the floor's. The floor keeps no ballot stock, custody, receipt or answer: what is left above it is the
 * cost of the election's checks. STATION_BENCH_DIR=/dev/shm runs it where fsync costs next to nothing, which shows
 * the CPU part alone (on a loaded disk the fsync hides it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApi } from '../../electron/backend/api';
import { createContext, type BackendContext } from '../../electron/backend/context';
import { inTransaction, type Db } from '../../electron/backend/db';
import { enterBallot, openBox, recordBallotsFound } from '../../electron/backend/services/counting';
import { recordCustodyStep } from '../../electron/backend/services/custody';
import { issueBallot, receiveBallots } from '../../electron/backend/services/issuance';
import { importRoll } from '../../electron/backend/services/roll';
import { createElection } from '../../electron/backend/services/setup';
import { setRoundStatusTx } from '../../electron/backend/services/setup-rounds';
import { contract } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { makeRollCsv, utf8 } from '../unit/roll/make-roll';

const VOTERS = 20_000;
const PER_KIND = 2_000;
const BLOCK = 100;
const TARGET = 1.5;

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const key = () => randomBytes(16).toString('hex');

function floorAudit(db: Db, type: string, subject: string, detail: string): void {
  const last = db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_event (seq, at, type, actor, outcome, subject, detail_json, prev_hash, hash) VALUES (?, ?, ?, 'floor', 'ok', ?, ?, ?, ?)`,
  );
  const prev = last.get() as { seq: number; hash: string };
  const at = new Date().toISOString();
  const hash = createHash('sha256').update(`${prev.hash}|${prev.seq + 1}|${at}|${type}|${subject}|${detail}`).digest('hex');
  insert.run(prev.seq + 1, at, type, subject, detail, prev.hash, hash);
}

/** The bare issuance: what any correct desk must do durably, nothing more. */
function floorIssue(db: Db): (certificate: string) => void {
  const voter = db.prepare('SELECT id FROM voter WHERE certificate = ?');
  const issued = db.prepare('SELECT 1 FROM issuance WHERE voter_id = ? AND round_number = 1');
  const insert = db.prepare("INSERT INTO issuance (voter_id, round_number, box_id, desk, at, actor) VALUES (?, 1, 'C1', 'C1', ?, 'floor')");
  return db.transaction((certificate: string) => {
    const v = voter.get(certificate) as { id: number };
    if (issued.get(v.id)) throw new Error('already issued');
    insert.run(v.id, new Date().toISOString());
    floorAudit(db, 'ballot.issued', `certificate:${certificate}`, JSON.stringify({ round: 1, desk: 'C1', box: 'C1' })); // prettier-ignore
  }).immediate as (certificate: string) => void;
}

function floorEnter(db: Db): (content: string) => void {
  const next = db.prepare("SELECT coalesce(max(position), 0) + 1 AS n FROM ballot WHERE round_number = 1 AND box_id = 'C1' AND sheet = 'B'");
  const insert = db.prepare("INSERT INTO ballot (round_number, box_id, sheet, position, content_json) VALUES (1, 'C1', 'B', ?, ?)");
  return db.transaction((content: string) => {
    const { n } = next.get() as { n: number };
    insert.run(n, content);
    floorAudit(db, 'counting.ballot-entered', 'box:C1', content);
  }).immediate as (content: string) => void;
}

/** Runs the kinds in alternating blocks; returns each kind's times. */
function alternate(kinds: Record<string, (i: number) => void>, total: number): Record<string, number[]> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  for (let start = 0; start < total; start += BLOCK) {
    for (const [name, fn] of Object.entries(kinds)) {
      for (let i = start; i < Math.min(total, start + BLOCK); i++) {
        const t = performance.now();
        fn(i);
        times[name]!.push(performance.now() - t);
      }
    }
  }
  return times;
}

/** An election of `voters` (by default this bench's) with round 1 and box C1 open and stocked (also used by second-copy.bench.ts). */
export async function election(dir: string, voters = VOTERS): Promise<BackendContext> {
  const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), actor: 'bench' });
  createElection(ctx, JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'election-residents.json'), 'utf8')));
  await importRoll(ctx, { bytes: utf8(makeRollCsv(voters, { withCertificates: false }), true), fileName: 'roll.csv' });
  inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'voting' }));
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-empty', seals: ['B-1'] });
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'voting' });
  receiveBallots(ctx, { box: 'C1', round: 1, count: voters });
  return ctx;
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(process.env.STATION_BENCH_DIR ?? tmpdir(), 'station-bench-floor-'));
  try {
    const ctx = await election(dir);
    const db = ctx.db;
    const api = buildApi(ctx);
    const certificates = (db.prepare('SELECT certificate FROM voter ORDER BY random()').all() as { certificate: string }[]).map((r) => r.certificate);
    const cert = (kind: number, i: number) => certificates[kind * PER_KIND + i]!;
    const floor = floorIssue(db);
    // The client makes the keys; the backend's part is timed.
    const keys = Array.from({ length: PER_KIND }, key);
    const issued = alternate(
      {
        floor: (i) => floor(cert(0, i)),
        service: (i) => issueBallot(ctx, { certificate: cert(1, i), round: 1, desk: 'C1' }),
        keyed: (i) => void api.issueBallot({ certificate: cert(2, i), round: 1, desk: 'C1' }, { requestKey: keys[i]! }),
      },
      PER_KIND,
    );
    // Through the contract as the renderer calls it (input and output checked by the schemas): async, so on its own.
    const viaDispatch: number[] = [];
    for (let i = 0; i < PER_KIND; i++) {
      const t = performance.now();
      const r = await dispatch(contract, api, 'issueBallot', { certificate: cert(3, i), round: 1, desk: 'C1', requestKey: key() });
      viaDispatch.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
    }

    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-closed', seals: ['B-2'] });
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'seal-checked', seals: ['B-1', 'B-2'], intact: true });
    inTransaction(db, () => setRoundStatusTx(ctx, { round: 1, status: 'closed' }));
    db.prepare('INSERT INTO counting_setting (id, double_entry) VALUES (1, 1)').run();
    openBox(ctx, { round: 1, box: 'C1' });
    recordBallotsFound(ctx, { round: 1, box: 'C1', found: 4 * PER_KIND });
    const firsts = db.prepare('SELECT office_id, min(id) AS id FROM candidate GROUP BY office_id').all() as { office_id: string; id: string }[];
    const ballot = { marks: Object.fromEntries(firsts.map((c) => [c.office_id, { for: [c.id] }])) };
    const content = JSON.stringify(ballot);
    const enterFloor = floorEnter(db);
    const entered = alternate(
      {
        floor: () => enterFloor(content),
        service: (i) => enterBallot(ctx, { round: 1, box: 'C1', ballot, position: i + 1, entryKey: keys[i]! }),
      },
      PER_KIND,
    );
    db.close();

    const f = p50(issued.floor!);
    const e = p50(entered.floor!);
    const ratio = (x: number[], base: number) => p50(x) / base;
    const verdict = (r: number) => (r <= TARGET ? 'met' : 'MISSED');
    return {
      folder: dir,
      'issue floor p50 (ms, bare better-sqlite3)': f,
      'issue service p50 (ms)': p50(issued.service!),
      'issue service / floor': ratio(issued.service!, f),
      [`issue target ≤ ${TARGET}× floor`]: verdict(ratio(issued.service!, f)),
      'issue via the API with request key p50 (ms)': p50(issued.keyed!),
      'issue via the API with request key / floor': ratio(issued.keyed!, f),
      'issue through dispatch + key p50 (ms)': p50(viaDispatch),
      'ballot entry floor p50 (ms)': e,
      'ballot entry service p50 (ms, with key + position)': p50(entered.service!),
      'ballot entry service / floor': ratio(entered.service!, e),
      [`ballot entry target ≤ ${TARGET}× floor`]: verdict(ratio(entered.service!, e)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
