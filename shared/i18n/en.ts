import { candfieldsEn } from './candfields.en';
import type { MessageKey } from './zh-CN';
import { announceEn } from './announce.en';
import { boxesEn } from './boxes.en';
import { deskEn } from './desk.en';
import { setupEn } from './setup.en';
import { startEn } from './start.en';
import { countingEn } from './counting.en';
import { resultsEn } from './results.en';
import { signoffEn } from './signoff.en';
import { exportEn } from './export.en';
import { drillEn } from './drill.en';
import { sessionEn } from './session.en';
import { guideEn } from './guide.en';
import { filesEn } from './files.en';
import { stationsEn } from './stations.en';
import { votersEn } from './voters.en';
import { townEn } from './town.en';
import { rollEn } from './roll.en';
import { nominationEn } from './nomination.en';
import { repsEn } from './reps.en';
import { errorsEn } from './errors.en';
import { refusalsEn } from './refusals.en';
import { auditEn } from './audit.en';
import { templatesEn } from './templates.en';
import { editsEn } from './edits.en';
import { partyEn } from './party.en';

/** English strings. Every key of zh-CN.ts, with the same `{parameters}`. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Community two-committee election',
  'app.noElection': 'No election file open',
  'app.skipToContent': 'Skip to content',
  'ui.loading': 'Loading…',

  'nav.start': 'Start',
  'nav.setup': 'Setup',
  'nav.desk': 'Desk',
  'nav.boxes': 'Boxes & turnout',
  'nav.counting': 'Counting',
  'nav.results': 'Results',
  'nav.signoff': 'Sign-off',
  'nav.export': 'Export',
  'nav.label': 'Pages',
  'nav.keyHint': 'Alt+{n}',

  'lang.switch': '中文',
  'lang.switchLabel': '切换语言 / Switch language',

  'drill.banner': 'DRILL — this is a rehearsal, not the real election; results are not valid',
  'drill.badge': 'DRILL',

  'help.open': 'Help',
  'help.title': 'Keyboard',
  'help.close': 'Close (Esc)',
  'help.global': 'Everywhere',
  'help.keyPages': 'Switch page',
  'help.keyHelp': 'Open/close this help',
  'help.keyLang': 'Switch 中文/English',
  'help.desk': 'Desk',
  'help.counting': 'Ballot entry',
  'help.keyboardOnly': 'Everything works from the keyboard; a barcode scanner types the number and Enter.',

  'page.placeholder': 'This page is being connected to the backend.',

  'api.networkError': 'Cannot reach the local election service (network error). Check that the app is still running, then try again.',
  'api.unauthorized': 'The access token is invalid or expired. Close this page and open it again from the election app.',
  'api.badAnswer': 'The local election service gave an unreadable answer (HTTP {status}).',
  'api.noTransport': 'No election service found: neither inside the desktop app nor a local service address.',
  'shell.absent': 'This needs the desktop app: in the browser, use the buttons on the page instead.',

  'tally.votes': '{count} votes',
  'tally.group': 'tally group of {strokes} strokes',
  'tally.label': '{count} votes (tally marks)',
  'tally.moreGroups': '…{groups} more groups of five',

  'ballot.section': 'Section {n}: {title} (seats: {seats})',
  'ballot.for': 'For',
  'ballot.against': 'Against',
  'ballot.abstain': 'Abstain',
  'ballot.writeIns': 'Write-ins',
  'ballot.writeInPrompt': 'Type the written-in name, Enter to add, Esc to cancel',
  'ballot.overvote': 'Overvote: {count} persons for {seats} seats (the rules decide)',
  'ballot.voidTitle': 'Void ballot — choose the reason',
  'ballot.void.unreadable': 'Unreadable',
  'ballot.void.identifying-mark': 'Identifying mark',
  'ballot.void.other': 'Other reason',
  'ballot.voidChosen': 'Void: {reason} (Enter to submit, Esc to cancel)',
  'ballot.doubtful': 'Doubtful — the committee rules on it after submission',
  'ballot.pendingAgainst': 'Against: type the candidate number',
  'ballot.pendingNumber': 'Number {n}… (Space to confirm)',
  'ballot.submitHint': 'Enter submits this ballot',
  'ballot.current': 'Current section',
  'ballot.empty': '(blank, counts as abstaining)',
  'ballot.keys.title': 'Entry keys',
  'ballot.keys.number': 'Number: for (again to undo)',
  'ballot.keys.minus': '- then number: against',
  'ballot.keys.w': 'w: write-in (type the name, Enter ends)',
  'ballot.keys.tab': 'Tab / →: next section   Shift+Tab / ←: previous',
  'ballot.keys.enter': 'Enter: next section; on the last one submits (Ctrl+Enter submits anywhere)',
  'ballot.keys.v': 'v: void (1 unreadable 2 identifying mark 3 other)',
  'ballot.keys.d': 'd: mark doubtful',
  'ballot.keys.backspace': 'Backspace: undo last step',
  'ballot.keys.esc': 'Esc: clear this ballot',
  'ballot.unknownNumber': 'No candidate number {n} in this section',
  'ballot.label': 'Ballot entry',

  'custody.title': 'Box custody',
  'custody.kind.central': 'Central venue box',
  'custody.kind.station': 'Polling station box',
  'custody.kind.mobile': 'Mobile box',
  'custody.state': 'Current state: {state}',
  'custody.state.none': 'Not sealed yet',
  'custody.step.sealed-empty': 'Seal empty box',
  'custody.step.voting': 'Start voting',
  'custody.step.sealed-closed': 'Seal after voting',
  'custody.step.carried': 'Carry',
  'custody.step.received': 'Receive at central venue',
  'custody.step.seal-checked': 'Check seal',
  'custody.step.opened': 'Open box',
  'custody.sealNumber': 'Seal number',
  'custody.emptySeal': 'Empty-box seal: {seal}',
  'custody.closedSeal': 'Closing seal: {seal}',
  'custody.carriedBy': 'Carried by (at least 3, separated by commas)',
  'custody.sealSeen': 'Seal number seen',
  'custody.sealIntact': 'Seal intact',
  'custody.sealBroken': 'Seal broken',
  'custody.sealMismatch': 'Seal number differs from the closing record ({seal}) — report to the committee',
  'custody.sealsMatching': 'Matching: {seals}.',
  'custody.sealsStillNeeded': 'This box carries {count} seals and each must be checked; still to enter: {seals}',
  'custody.sealEmptyNamed': '{seal} (empty-box seal)',
  'custody.sealClosedNamed': '{seal} (closing seal)',
  'custody.sealsRestart': 'Enter the seals again',
  'custody.sealBrokenFlag': 'Seal broken: flagged, the committee decides',
  'custody.done': 'Done',
  'custody.next': 'Next step',
  'custody.notYet': 'Not yet',
  'custody.needSeal': 'Type or scan the seal number first',
  'custody.needCarriers': 'Name who carries the box',
  'custody.skipped': 'A central box is not carried',

  'desk.title': 'Certificate check & issuance',
  'desk.inputLabel': 'Voter certificate number (scan or type, then Enter)',
  'desk.placeholder': 'Scan the certificate',
  'desk.issuedCount': 'This desk has issued {count}',
  'desk.answer.issue': 'Issue a ballot',
  'desk.answer.issueDetail': '{name}   {group}',
  'desk.answer.proxy': 'Proxy vote: trustee {trustee}',
  'desk.answer.noProxy': 'Votes in person',
  'desk.answer.already': 'Already issued — do not issue again',
  'desk.answer.alreadyDetail': 'Issued {when} at {venue}, {desk}',
  'desk.answer.wrongVenue': 'Wrong venue — do not issue',
  'desk.answer.wrongVenueDetail': 'Send the voter to {venue}',
  'desk.answer.unknown': 'Unknown certificate — do not issue',
  'desk.answer.unknownDetail': 'Number {number} is not on the roll; check it',
  'desk.answer.waiting': 'Scan a voter certificate',
  'desk.answer.busy': 'Looking up…',
  'desk.certificate': 'Certificate {number}',
  'desk.keys.f2': 'F2 assisted writing',
  'desk.keys.f3': 'F3 exchange spoiled ballot (last one)',
  'desk.assistedDone': 'Assisted writing recorded',
  'desk.exchangeDone': 'Exchanged: spoiled ballot taken back, a new one issued',
  'desk.noLastBallot': 'No ballot issued yet: nothing to assist or exchange',
  'desk.invalidNumber': 'A certificate number has only digits and letters',

  'gallery.title': 'Widget gallery',
  ...startEn, ...setupEn, ...deskEn, ...boxesEn,
  ...countingEn, ...resultsEn, ...signoffEn, ...announceEn, ...exportEn,
  ...drillEn,
  ...sessionEn,
  ...guideEn,
  ...filesEn,
  ...stationsEn,
  ...votersEn,
  ...townEn,
  ...rollEn,
  ...nominationEn,
  ...repsEn,
  ...errorsEn,
  ...refusalsEn,
  ...auditEn,
  ...templatesEn,
  ...editsEn,
  ...partyEn,
  ...candfieldsEn,
};
