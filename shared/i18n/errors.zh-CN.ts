/**
 * Refusals and failures a screen says in its own language (the backend sends the key and parameters, see
 * shared/i18n/says.ts), and the screen's own words for what it cannot show as it came.
 */
export const errorsZhCN = {
  'error.internal': '出错了，详情已写入日志。请重试；如果仍然不行，请联系技术支持。',
  'error.badInput': '输入的内容不符合要求，请检查后重试。',
  'error.session.ended': '登录已结束（登出、闲置超时或程序重启），请重新登录',
  'error.session.signIn': '请先登录',
  'error.custody.sealNumbers': '封箱须登记封条编号',
  'error.custody.carriers': '须登记护送人',
  'error.custody.intact': '须说明封条是否完好',
  'error.custody.sealsFound': '须登记查验到的封条编号',
  'error.failed': '操作未能完成，请重试。',
  'rules.problem.turnout-not-majority': '参加投票人数未过登记选民半数',
  'rules.problem.attendance-below-four-fifths': '到会人数未达规定的五分之四',
  'rules.problem.ballots-exceed-participants': '收回选票多于参加投票人数',
  'rules.problem.insufficient-candidate-margin': '候选人差额不足',
  'rules.problem.no-woman-elected': '当选人中没有女性',
  'rules.problem.no-woman-candidate': '候选人中没有女性',
  'rules.problem.unknown': '选举规则提示：请选举委员会核对本轮结果',
  // party (issue 12: the Party members' meeting)
  'error.party.notPartyMeeting': '本选举不是按党员名册召开的党员大会，没有不计入应到会人数的党员',
  'error.party.unknownMember': '证号 {certificate} 不在党员名册上',
  'error.party.removedMember': '{name}（证号 {certificate}）已从名册除名',
  'error.party.probationaryExcused': '{name} 是预备党员，本来就不计入应到会人数',
  'error.party.alreadyExcused': '{name} 已不计入应到会人数',
  'error.party.closed': '第 1 轮投票已开始，不能再更改不计入应到会人数的党员',
  'error.party.unknownExcusal': '没有编号为 {id} 的不计入记录',
  'error.party.alreadyUndone': '{name} 的不计入记录已经撤销',
  'error.party.probationaryNoBallot': '{name}（证号 {certificate}）是预备党员，没有表决权和选举权，不发选票',
  'error.party.excusedNoBallot': '{name}（证号 {certificate}）已经批准不计入应到会人数，不发选票；如本人到会，须在第 1 轮开始前撤销该记录',
  'error.party.probationaryNoCertificate': '{name}（证号 {certificate}）是预备党员，没有选举权，不发出席证',
} as const;
