import type { deskZhCN } from './desk.zh-CN';

export const deskEn: Record<keyof typeof deskZhCN, string> = {
  'deskpage.noRound': 'There is no voting round yet. Create the election on the Setup page first.',
  'deskpage.choose': 'Which desk is this computer?',
  'deskpage.chooseHint': 'Chosen once and remembered. Tab to a desk, Enter to choose.',
  'deskpage.noDesks': 'No desks yet. Add them under Setup → Venues and boxes.',
  'deskpage.where': '{desk} · {box} · round {round}',
  'deskpage.notVoting': 'Round status: {status}. No ballots are issued before voting opens.',
  'deskpage.helper': 'F2 writing helper:',
  'deskpage.changeDesk': 'Change desk',
  'deskpage.chooseHelper': 'Choose the writing helper above first, then press F2',
  'deskpage.proxyTitle': 'Proxy ballot',
  'deskpage.proxyAsk': "Scan the trustee {name}'s ({group}) own certificate",
  'deskpage.proxyCancel': 'Esc cancels',
  'deskpage.stock': 'This box: {spoiled} exchanged, {inHand} blank ballots in hand',
  'deskpage.stockShared': '{box} (all its desks): {issued} issued, {spoiled} exchanged, {inHand} blank ballots in hand',
};
