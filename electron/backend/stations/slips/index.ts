import type { BackendContext } from '../../context';
import { slipFacts, type SlipKind } from './facts';
import { slipLayout } from './layout';
import { slipPdf } from './render';

export type { SlipKind } from './facts';

const FILE_NAMES: Record<SlipKind, string> = { package: '数据包凭条', return: '回执凭条', takeover: '接替凭条' };

/** The A4 slip of the last package (of `station`), return or takeover this file recorded, as a PDF. */
export async function stationSlip(ctx: BackendContext, input: { kind: SlipKind; station?: string }): Promise<{ fileName: string; pdf: Buffer }> {
  const facts = slipFacts(ctx, input);
  const number = facts.kind === 'return' ? `-${facts.sequence}` : '';
  return { fileName: `${FILE_NAMES[facts.kind]}-${facts.station.id}${number}.pdf`, pdf: await slipPdf(slipLayout(facts)) };
}
