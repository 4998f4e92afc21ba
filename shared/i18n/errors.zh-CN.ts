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
  // slips (issue 10): the A4 package, return and takeover slips
  'error.slips.noPackage': '{station} 还没有写出过数据包，没有可打印的数据包凭条',
  'error.slips.notStation': '本机不是投票站电脑（没有打开投票站数据包），没有回执或接替凭条',
  'error.slips.noReturn': '本机还没有写出过回执，没有可打印的回执凭条',
  'error.slips.noTakeover': '本机没有接替过投票站，没有可打印的接替凭条',
} as const;
