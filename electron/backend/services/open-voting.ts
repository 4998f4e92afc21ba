import type { OpenVotingOutput } from '../../../shared/api/day';
import { refused, type BackendContext, says, statusWords } from '../context';
import { inTransaction } from '../db';
import { custodyOverview, recordCustodyStepTx } from './custody';
import { getRound, setRoundStatusTx } from './setup-rounds';

/**
 * Opening voting as one act: the round's poll opens (when still prepared) and voting starts on every box the
 * committee confirmed, in one transaction. A listed box not waiting for its voting step refuses everything, naming
 * it; a round already open only starts the listed boxes (a box sealed after the opening).
 */
export function openVoting(ctx: BackendContext, input: { round: number; boxes: string[] }): OpenVotingOutput {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    let round = getRound(db, input.round);
    if (round.status !== 'prepared' && round.status !== 'voting') {
      throw refused(
        says('error.voting.pollOver', { number: round.number, status: statusWords(round.status) }),
      );
    }
    const boxes = custodyOverview(db, round.number);
    const wanted = [...new Set(input.boxes)];
    for (const id of wanted) {
      const box = boxes.find((b) => b.box === id);
      if (!box) throw refused(says('error.voting.noBox', { id }), { box: id });
      if (box.position.state !== 'next' || box.position.next !== 'voting') {
        throw refused(
          says('error.voting.boxNotSealedEmpty', { id }),
          { box: id, position: box.position.state === 'next' ? box.position.next : box.position.state },
        );
      }
    }
    if (round.status === 'prepared') round = setRoundStatusTx(ctx, { round: round.number, status: 'voting' });
    for (const id of wanted) recordCustodyStepTx(ctx, { box: id, round: round.number, step: 'voting' });
    const names = new Map((db.prepare('SELECT id, name FROM box').all() as { id: string; name: string }[]).map((b) => [b.id, b.name]));
    const notSealed = boxes
      .filter((b) => b.position.state === 'next' && b.position.next === 'sealed-empty')
      .map((b) => ({ box: b.box, name: names.get(b.box) ?? b.box }));
    return { round, started: wanted, notSealed };
  });
}
