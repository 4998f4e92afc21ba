/** Desk screen strings (the CertificateInput widget keeps its own desk.* strings). */
export const deskZhCN = {
  'deskpage.noRound': '还没有选举轮次。请先在“设置”页建立选举。',
  'deskpage.choose': '本机是哪个发票处？',
  'deskpage.chooseHint': '只需选择一次，本机会记住。用 Tab 选择，回车确认。',
  'deskpage.noDesks': '还没有发票处。请在“设置 → 会场与票箱”中添加。',
  'deskpage.where': '{desk} · {box} · 第 {round} 轮',
  'deskpage.notVoting': '本轮状态：{status}。投票开始前不能发票。',
  'deskpage.helper': 'F2 代书人：',
  'deskpage.changeDesk': '更换发票处',
  'deskpage.chooseHelper': '请先在上方选择代书人，再按 F2',
  'deskpage.proxyTitle': '委托投票',
  'deskpage.proxyAsk': '请扫描受委托人 {name}（{group}）本人的选民证',
  'deskpage.proxyCancel': '按 Esc 取消',
  'deskpage.stock': '本票箱：已换票 {spoiled} 张，手中空白票 {inHand} 张',
  'deskpage.stockShared': '{box}（多个发票处合计）：已发 {issued} 张，换票 {spoiled} 张，手中空白票 {inHand} 张',
} as const;
