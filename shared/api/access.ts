import type { StaffRole } from '../domain/authority';
import type { MethodName } from './contract';

/**
 * Who may call each method of the contract, the way the law sees the day: the election committee decides, desk
 * staff issue, counters enter, callers call, scrutineers supervise and sign.
 * - 'anyone': no sign-in (the start page, sign-in itself, drills on a drill file);
 * - 'signed-in': any signed-in person (reads);
 * - a list of roles: a signed-in person holding one of them.
 * Every method must be listed (`satisfies` below): a new method without an entry fails the type check. Before the
 * election's first committee PIN is set, the file is being set up and every method is open (docs/roles.md).
 * Some decisions also need a committee member's PIN typed at the moment (an approval in the method's input).
 */
export type Access = 'anyone' | 'signed-in' | readonly StaffRole[];

const COMMITTEE = ['committee'] as const;
const DESK = ['desk'] as const;
const SCRUTINEERS = ['scrutineer', 'chief-scrutineer'] as const;
const COUNTERS = ['counter', 'chief-counter'] as const;
const SIGNERS = ['scrutineer', 'chief-scrutineer', 'caller', 'counter', 'chief-counter'] as const;

export const METHOD_ACCESS = {
  // sign-in
  signInCandidates: 'anyone',
  signIn: 'anyone',
  signOut: 'anyone',
  whoAmI: 'anyone',
  // set-up: the committee
  getElection: 'anyone',
  createElection: 'anyone',
  setRules: COMMITTEE,
  addOffice: COMMITTEE,
  addCandidate: COMMITTEE,
  setPersonKeySalt: COMMITTEE,
  updateCandidate: COMMITTEE,
  removeCandidate: COMMITTEE,
  updateOffice: COMMITTEE,
  removeOffice: COMMITTEE,
  // corrections and removals before round 1 (issue 12, edits)
  updateVenue: COMMITTEE,
  removeVenue: COMMITTEE,
  updateBox: COMMITTEE,
  removeBox: COMMITTEE,
  updateDesk: COMMITTEE,
  removeDesk: COMMITTEE,
  updatePerson: COMMITTEE,
  removeCommitteeMember: COMMITTEE,
  removeOfficial: COMMITTEE,
  reinstateVoter: COMMITTEE,
  voteTimeline: 'signed-in',
  addVenue: COMMITTEE,
  addBox: COMMITTEE,
  setBoxStaff: COMMITTEE,
  listRounds: 'signed-in',
  roundBallot: 'signed-in',
  setVotingStatus: COMMITTEE,
  // the guided day: where the day stands (a read), and opening the poll with its sealed boxes (the committee)
  dayProgress: 'signed-in',
  openVoting: COMMITTEE,
  // people
  listPeople: 'signed-in',
  addCommitteeMember: COMMITTEE,
  leaveCommittee: COMMITTEE,
  addOfficial: COMMITTEE,
  grantRole: COMMITTEE,
  revokeRole: COMMITTEE,
  declareRelative: COMMITTEE,
  listRelatives: 'signed-in',
  /** The service decides: a first PIN with a committee member signed in, a change with the current PIN or by the committee. */
  setPin: 'signed-in',
  checkPin: 'signed-in',
  // custody: sealing, carrying and checking boxes happens before scrutineers; the desk seals its own box
  recordCustodyStep: ['committee', 'desk', ...SCRUTINEERS],
  decideFlaggedBox: COMMITTEE,
  custodyTrail: 'signed-in',
  custodyOverview: 'signed-in',
  // audit
  verifyAudit: 'signed-in',
  auditEvents: 'signed-in',
  auditLog: 'signed-in',
  auditFacets: 'signed-in',
  verifyAuditStep: 'signed-in',
  // blank files to fill in
  rollTemplate: 'signed-in',
  // roll and desk
  importRoll: COMMITTEE,
  listVoters: 'signed-in',
  lookupCertificate: 'signed-in',
  voterHistory: 'signed-in',
  rollGroups: 'signed-in',
  rollSummary: 'signed-in',
  assignGroup: COMMITTEE,
  reassignVoter: COMMITTEE,
  // the roll's life until round 1 opens, and objections (申诉)
  rollStatus: 'signed-in',
  addVoter: COMMITTEE,
  removeVoter: COMMITTEE,
  correctVoter: COMMITTEE,
  setEligibleCount: COMMITTEE,
  publishRoll: COMMITTEE,
  // reps (issue 12): the representatives list of an election by residents' representatives
  representativesStatus: 'signed-in',
  listRepresentatives: 'signed-in',
  addRepresentative: COMMITTEE,
  removeRepresentative: COMMITTEE,
  setHouseholdCount: COMMITTEE,
  importRepresentatives: COMMITTEE,
  listObjections: 'signed-in',
  fileObjection: COMMITTEE,
  decideObjection: COMMITTEE,
  // nomination to formal candidates (the committee records; everyone signed in reads)
  nominationOverview: 'signed-in',
  setJointNominators: COMMITTEE,
  recordNomination: COMMITTEE,
  setPreliminaryList: COMMITTEE,
  recordNominationVote: COMMITTEE,
  decideNominationTie: COMMITTEE,
  confirmFormalList: COMMITTEE,
  withdrawNomination: COMMITTEE,
  // the Party members' meeting: excused members (issue 12)
  partyMeeting: 'signed-in',
  excuseMember: COMMITTEE,
  undoExcusal: COMMITTEE,
  mobileLists: 'signed-in',
  approveProxy: COMMITTEE,
  revokeProxy: COMMITTEE,
  listProxies: 'signed-in',
  addDesk: COMMITTEE,
  listDesks: 'signed-in',
  receiveBallots: ['committee', ...DESK],
  returnUnusedBallots: ['committee', ...DESK],
  ballotStock: 'signed-in',
  issueBallot: DESK,
  recordAssistedWriting: DESK,
  exchangeSpoiled: DESK,
  undoLastIssue: ['committee', ...DESK],
  notVotedSummary: 'signed-in',
  turnout: 'signed-in',
  // sealing
  stationFingerprint: 'signed-in',
  exportFolder: 'signed-in',
  setExportFolder: COMMITTEE,
  sealToFile: COMMITTEE,
  verifySealedFile: 'signed-in',
  // counting, in public under the scrutineers
  countingSettings: 'signed-in',
  setDoubleEntry: COMMITTEE,
  openBox: ['committee', ...SCRUTINEERS],
  recordBallotsFound: [...COUNTERS, ...SCRUTINEERS],
  enterBallot: COUNTERS,
  correctBallot: [...COUNTERS, ...SCRUTINEERS],
  ruleDoubtful: COMMITTEE,
  finishBox: [...COUNTERS, ...SCRUTINEERS],
  boxDisagreements: 'signed-in',
  settleDisagreement: SCRUTINEERS,
  boxBallots: 'signed-in',
  boxTally: 'signed-in',
  ballotChanges: 'signed-in',
  countingOverview: 'signed-in',
  // results and sign-off
  computeResults: ['committee', 'chief-counter', 'chief-scrutineer'],
  storedResult: 'signed-in',
  storedResultHash: 'signed-in',
  exportRecord: 'signed-in',
  createNextRound: COMMITTEE,
  roundCandidates: 'signed-in',
  updateRoundCandidate: COMMITTEE,
  electionStanding: 'signed-in',
  /** The committee chair signs too (the service checks the chair's seat). */
  signResult: [...SIGNERS, 'committee'],
  listSignoffs: 'signed-in',
  reopenCount: COMMITTEE,
  tallySheet: 'signed-in',
  resultAnnouncement: 'signed-in',
  // drills run on a drill file of their own (the drill service refuses a real election)
  startDrill: 'anyone',
  drillProgress: 'anyone',
  drillCredentials: 'anyone',
  drillState: 'anyone',
  discardInterruptedDrill: 'anyone',
  // which election file of the data folder is open: chosen before anyone signs in to it (the sign-in belongs to the
  // file), as in Electron's file dialogs
  listElectionFiles: 'anyone',
  currentElectionFile: 'anyone',
  createElectionFile: 'anyone',
  openElectionFile: 'anyone',
  // several laptops (docs/stations.md): the committee sends packages out and takes returns in; a fresh laptop opens a
  // package before anyone can sign in to it; the station's desk staff write its returns
  exportStationPackage: COMMITTEE,
  openStationPackage: 'anyone',
  writeStationReturn: ['committee', ...DESK, ...SCRUTINEERS],
  importStationReturn: COMMITTEE,
  stationsOverview: 'signed-in',
  // slips: figures and fingerprints only; the takeover slip is printed before anyone can sign in to the new laptop
  stationSlip: 'anyone',
  // never lose the day: the copy's health shows on the Start page; the committee chooses its folder and enters
  // phoned-in figures; a fresh laptop takes over a station or restores a file before anyone can sign in to it
  secondCopyStatus: 'anyone',
  chooseSecondCopyFolder: COMMITTEE,
  takeOverStation: 'anyone',
  restoreFromCopy: 'anyone',
  recordPhonedTurnout: COMMITTEE,
  // voter certificates: the committee issues them; a reprint is the committee's too (the desk serves a voter who
  // lost one from the roll, by ID card)
  certificateBatches: 'signed-in',
  certificateCards: 'signed-in',
  startCertificatePrint: COMMITTEE,
  certificatePrintProgress: 'signed-in',
  cancelCertificatePrint: COMMITTEE,
  recordCertificateReprint: COMMITTEE,
  // town-office mode works on a town office file, not on this election: a single-operator file (docs/town.md)
  townFile: 'anyone',
  townOpenFile: 'anyone',
  townCreateFile: 'anyone',
  townCloseFile: 'anyone',
  townRegisterKey: 'anyone',
  townKeys: 'anyone',
  townImportCommunities: 'anyone',
  townImportStart: 'anyone',
  townImportProgress: 'anyone',
  townUploadSealed: 'anyone',
  townBoard: 'anyone',
  townReport: 'anyone',
} as const satisfies Record<MethodName, Access>;

/** True when a person acting in these roles may call the method (sign-in itself aside). */
export function rolesMayCall(access: Access, roles: readonly StaffRole[]): boolean {
  if (access === 'anyone' || access === 'signed-in') return true;
  return access.some((r) => roles.includes(r));
}

export function accessOf(method: MethodName): Access {
  return METHOD_ACCESS[method];
}
