import { candfieldsZhCN } from './candfields.zh-CN';
import { boxesZhCN } from './boxes.zh-CN';
import { announceZhCN } from './announce.zh-CN';
import { deskZhCN } from './desk.zh-CN';
import { setupZhCN } from './setup.zh-CN';
import { startZhCN } from './start.zh-CN';
import { countingZhCN } from './counting.zh-CN';
import { resultsZhCN } from './results.zh-CN';
import { signoffZhCN } from './signoff.zh-CN';
import { exportZhCN } from './export.zh-CN';
import { drillZhCN } from './drill.zh-CN';
import { sessionZhCN } from './session.zh-CN';
import { guideZhCN } from './guide.zh-CN';
import { filesZhCN } from './files.zh-CN';
import { stationsZhCN } from './stations.zh-CN';
import { votersZhCN } from './voters.zh-CN';
import { townZhCN } from './town.zh-CN';
import { rollZhCN } from './roll.zh-CN';
import { nominationZhCN } from './nomination.zh-CN';
import { repsZhCN } from './reps.zh-CN';
import { errorsZhCN } from './errors.zh-CN';
import { refusalsZhCN } from './refusals.zh-CN';
import { auditZhCN } from './audit.zh-CN';
import { templatesZhCN } from './templates.zh-CN';
import { editsZhCN } from './edits.zh-CN';
import { partyZhCN } from './party.zh-CN';
/**
 * Simplified Chinese strings: the default language and the source of the key set.
 * `{name}` marks a parameter; en.ts must use the same parameters for the same key.
 */
export const zhCN = {
  'app.name': '社区"两委"换届选举',
  'app.noElection': '未打开选举文件',
  'app.skipToContent': '跳到正文',
  'ui.loading': '正在读取…',

  'nav.start': '开始',
  'nav.setup': '设置',
  'nav.desk': '发票',
  'nav.boxes': '票箱',
  'nav.counting': '计票',
  'nav.results': '结果',
  'nav.signoff': '签字',
  'nav.export': '导出',
  'nav.label': '工作页面',
  'nav.keyHint': 'Alt+{n}',

  'lang.switch': 'English',
  'lang.switchLabel': '切换语言 / Switch language',

  'drill.banner': '演练 — 这是演练，不是正式选举，结果无效',
  'drill.badge': '演练',

  'help.open': '帮助',
  'help.title': '键盘操作',
  'help.close': '关闭（Esc）',
  'help.global': '全局',
  'help.keyPages': '切换工作页面',
  'help.keyHelp': '打开/关闭本帮助',
  'help.keyLang': '切换中文/English',
  'help.desk': '发票',
  'help.counting': '计票录入',
  'help.keyboardOnly': '所有操作都可只用键盘完成；扫码枪输入号码后会自动回车。',

  'page.placeholder': '本页面正在接入后台。',

  'api.networkError': '无法连接本机选举服务（网络错误）。请确认选举程序仍在运行，然后重试。',
  'api.unauthorized': '访问令牌无效或已过期。请关闭此页面，从选举程序重新打开。',
  'api.badAnswer': '本机选举服务的回答无法识别（HTTP {status}）。',
  'api.noTransport': '找不到选举服务：既不在桌面程序中，也没有本机服务地址。',
  'shell.absent': '此操作需要桌面程序：在浏览器中请使用页面上的按钮。',

  'tally.votes': '{count} 票',
  'tally.group': '正字一组，{strokes} 画',
  'tally.label': '{count} 票（正字）',
  'tally.moreGroups': '…另 {groups} 个正字',

  'ballot.section': '第 {n} 栏：{title}（应选 {seats} 人）',
  'ballot.for': '赞成',
  'ballot.against': '反对',
  'ballot.abstain': '弃权',
  'ballot.writeIns': '另选他人',
  'ballot.writeInPrompt': '输入另选他人姓名，回车确认，Esc 取消',
  'ballot.overvote': '超选：{count} 人，应选 {seats} 人（由计票规则裁定）',
  'ballot.voidTitle': '作废票 — 选择原因',
  'ballot.void.unreadable': '无法辨认',
  'ballot.void.identifying-mark': '有识别标记',
  'ballot.void.other': '其他原因',
  'ballot.voidChosen': '作废：{reason}（回车提交，Esc 取消）',
  'ballot.doubtful': '存疑票 — 提交后由选举委员会裁定',
  'ballot.pendingAgainst': '反对：请输入候选人号码',
  'ballot.pendingNumber': '号码 {n}…（空格确认）',
  'ballot.submitHint': '回车提交本张选票',
  'ballot.current': '当前栏',
  'ballot.empty': '（空白，视为弃权）',
  'ballot.keys.title': '录入按键',
  'ballot.keys.number': '数字：赞成（再按一次取消）',
  'ballot.keys.minus': '- 再按数字：反对',
  'ballot.keys.w': 'w：另选他人（输入姓名，回车结束）',
  'ballot.keys.tab': 'Tab / →：下一栏　Shift+Tab / ←：上一栏',
  'ballot.keys.enter': '回车：下一栏；最后一栏提交（Ctrl+回车随时提交）',
  'ballot.keys.v': 'v：作废（1 无法辨认 2 有识别标记 3 其他）',
  'ballot.keys.d': 'd：标为存疑',
  'ballot.keys.backspace': '退格：撤销上一步',
  'ballot.keys.esc': 'Esc：清空本张',
  'ballot.unknownNumber': '本栏没有 {n} 号候选人',
  'ballot.label': '选票录入',

  'custody.title': '票箱保管流程',
  'custody.kind.central': '中心会场票箱',
  'custody.kind.station': '投票站票箱',
  'custody.kind.mobile': '流动票箱',
  'custody.state': '当前状态：{state}',
  'custody.state.none': '尚未封箱',
  'custody.step.sealed-empty': '空箱封存',
  'custody.step.voting': '开始投票',
  'custody.step.sealed-closed': '投票结束封箱',
  'custody.step.carried': '运送',
  'custody.step.received': '中心会场接收',
  'custody.step.seal-checked': '检查封条',
  'custody.step.opened': '开箱',
  'custody.sealNumber': '封条号',
  'custody.emptySeal': '空箱封条：{seal}',
  'custody.closedSeal': '封箱封条：{seal}',
  'custody.carriedBy': '运送人（至少 3 人，用顿号或逗号分隔）',
  'custody.sealSeen': '现场封条号',
  'custody.sealIntact': '封条完好',
  'custody.sealBroken': '封条破损',
  'custody.sealMismatch': '封条号与封箱记录（{seal}）不符 — 请报告选举委员会',
  'custody.sealsMatching': '相符：{seals}。',
  'custody.sealsStillNeeded': '这个票箱共有 {count} 张封条，每张都须核对，还须输入：{seals}',
  'custody.sealEmptyNamed': '{seal}（空箱封条）',
  'custody.sealClosedNamed': '{seal}（封箱封条）',
  'custody.sealsRestart': '重新输入封条',
  'custody.sealBrokenFlag': '封条破损，已标记，由选举委员会决定',
  'custody.done': '已完成',
  'custody.next': '下一步',
  'custody.notYet': '未到此步',
  'custody.needSeal': '请先输入或扫描封条号',
  'custody.needCarriers': '请填写运送人',
  'custody.skipped': '中心会场票箱无需运送',

  'desk.title': '验证发票',
  'desk.inputLabel': '选民证号（扫码或输入后回车）',
  'desk.placeholder': '扫描选民证',
  'desk.issuedCount': '本发票处已发 {count} 张',
  'desk.answer.issue': '发票',
  'desk.answer.issueDetail': '{name}　{group}',
  'desk.answer.proxy': '委托投票：受委托人 {trustee}',
  'desk.answer.noProxy': '本人投票',
  'desk.answer.already': '已领票 — 不得再发',
  'desk.answer.alreadyDetail': '{when} 在 {venue} {desk} 已领取',
  'desk.answer.wrongVenue': '投票地点不符 — 不发票',
  'desk.answer.wrongVenueDetail': '请到 {venue} 投票',
  'desk.answer.unknown': '无此选民证 — 不发票',
  'desk.answer.unknownDetail': '证号 {number} 不在选民名单中，请核对',
  'desk.answer.waiting': '请扫描选民证',
  'desk.answer.busy': '查询中…',
  'desk.certificate': '证号 {number}',
  'desk.keys.f2': 'F2 代写',
  'desk.keys.f3': 'F3 换票（最后一张）',
  'desk.assistedDone': '已登记代写',
  'desk.exchangeDone': '已换票：收回损坏选票，另发一张',
  'desk.noLastBallot': '还没有发出选票，不能代写或换票',
  'desk.invalidNumber': '证号只能包含数字和字母',

  'gallery.title': '组件样板',
  ...startZhCN, ...setupZhCN, ...deskZhCN, ...boxesZhCN,
  ...countingZhCN, ...resultsZhCN, ...signoffZhCN, ...announceZhCN, ...exportZhCN,
  ...drillZhCN,
  ...sessionZhCN,
  ...guideZhCN,
  ...filesZhCN,
  ...stationsZhCN,
  ...votersZhCN,
  ...townZhCN,
  ...rollZhCN,
  ...nominationZhCN,
  ...repsZhCN,
  ...errorsZhCN,
  ...refusalsZhCN,
  ...auditZhCN,
  ...templatesZhCN,
  ...editsZhCN,
  ...partyZhCN,
  ...candfieldsZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
