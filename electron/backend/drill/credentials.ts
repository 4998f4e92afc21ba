import { notFound, refused, type BackendContext, says } from '../context';
import { pinMatches } from '../services/people-pin';
import { getPerson, listPeople } from '../services/people';
import { readElection } from '../services/setup-read';
import { createRng, type Rng } from './prng';
import type { DrillCredentialsView } from '../../../shared/api/drill';

/** The root of a drill's randomness: everything in a drill is drawn from forks of this. */
export function drillRng(seed: string): Rng {
  return createRng(`drill:${seed}`);
}

/** The next drill PIN from the drill's 'pins' stream: six digits. Training material, never a real PIN. */
export function nextDrillPin(pins: Rng): string {
  return String(pins.int(100000, 999999));
}

/**
 * The officials of the open drill election with the PINs the drill set, for the training sheet. Only a drill has them:
 * the drill's PINs are drawn from its seed (recorded in its 'drill.started' audit event) in the order the drill set
 * them (its 'pin.set' events before that one), so they are found again without ever being stored. A real election is
 * refused: nobody's PIN can be read back from the station.
 */
export function drillCredentials(ctx: BackendContext): DrillCredentialsView {
  const election = readElection(ctx.db);
  if (!election) throw notFound(says('error.drill.electionBeenCreatedYet'));
  if (!election.drill) {
    throw refused(says('error.drill.drillPinsRealElection'));
  }
  const started = ctx.db
    .prepare("SELECT seq, detail_json FROM audit_event WHERE type = 'drill.started' AND outcome = 'ok' ORDER BY seq LIMIT 1")
    .get() as { seq: number; detail_json: string } | undefined;
  const seed = started ? (JSON.parse(started.detail_json) as { seed?: unknown }).seed : undefined;
  if (!started || typeof seed !== 'string') {
    throw refused(says('error.drill.drillElectionMadeDrill'));
  }
  const setBefore = ctx.db
    .prepare("SELECT subject FROM audit_event WHERE type = 'pin.set' AND outcome = 'ok' AND seq < ? ORDER BY seq")
    .all(started.seq) as { subject: string | null }[];
  const pins = drillRng(seed).fork('pins');
  const pinOf = new Map<number, string>();
  for (const row of setBefore) {
    const id = Number(/^person:(\d+)$/.exec(row.subject ?? '')?.[1]);
    const pin = nextDrillPin(pins);
    if (Number.isInteger(id) && id > 0) pinOf.set(id, pin);
  }
  const venueName = ctx.db.prepare('SELECT name FROM venue WHERE id = ?').pluck();
  const people = listPeople(ctx)
    .filter((p) => p.roles.length > 0 || p.boxes.length > 0 || (p.committee !== null && !p.committee.left))
    .map((p): DrillCredentialsView['people'][number] => {
      const pin = pinOf.get(p.id) ?? null;
      let pinCurrent: boolean | null = null;
      if (pin !== null) {
        const row = getPerson(ctx.db, p.id);
        pinCurrent = row.pin_hash !== null && row.pin_salt !== null && pinMatches(pin, { salt: row.pin_salt, hash: row.pin_hash });
      }
      const roles = p.roles.map((r) => ({ ...r, venueName: r.venue === null ? null : ((venueName.get(r.venue) as string | undefined) ?? null) }));
      return { id: p.id, name: p.name, roles, committee: p.committee?.position ?? null, boxes: p.boxes, pin, pinCurrent };
    });
  return { seed, people };
}
