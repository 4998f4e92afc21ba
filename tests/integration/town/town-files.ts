import type { SealSpec } from '../../helpers/sealed-files';

/** The elections of the test town, each a function of nothing: built the same way every run. */
const residentsOffices = [
  { id: 'chair', title: '主任', seats: 1, rank: 1 },
  { id: 'vice', title: '副主任', seats: 1, rank: 2 },
  { id: 'member', title: '委员', seats: 3, rank: 3 },
];

/** 幸福里社区 residents, round 1: members 张伟 and 刘洋 tie for the last seat (both over half): a tie re-vote is owed. */
export const xingfuRegular: SealSpec['rounds'][number] = {
  registered: 150,
  participants: 100,
  offices: residentsOffices,
  candidates: [
    { id: 'c1', name: '王芳', office: 'chair', gender: 'female', votes: 80 },
    { id: 'c2', name: '李强', office: 'chair', gender: 'male', votes: 15 },
    { id: 'c3', name: '张敏', office: 'vice', gender: 'female', votes: 70 },
    { id: 'c4', name: '赵刚', office: 'vice', gender: 'male', votes: 20 },
    { id: 'c5', name: '陈军', office: 'member', gender: 'male', votes: 60 },
    { id: 'c6', name: '杨光', office: 'member', gender: 'male', votes: 58 },
    { id: 'c7', name: '张伟', office: 'member', gender: 'male', votes: 55 },
    { id: 'c8', name: '刘洋', office: 'member', gender: 'male', votes: 55 },
    { id: 'c9', name: '孙亮', office: 'member', gender: 'male', votes: 10 },
  ],
};

/** Its tie re-vote: 张伟 wins. */
export const xingfuTieRevote: SealSpec['rounds'][number] = {
  kind: 'tie-revote',
  registered: 150,
  participants: 90,
  offices: [{ id: 'member', title: '委员', seats: 1, rank: 3 }],
  candidates: [
    { id: 'c7', name: '张伟', office: 'member', gender: 'male', votes: 50 },
    { id: 'c8', name: '刘洋', office: 'member', gender: 'male', votes: 40 },
  ],
};

/** 春晖社区 Party: only two members reach half of 38: a member seat is vacant and, for a Party committee, owed. */
export const chunhuiParty: SealSpec = {
  community: '春晖社区',
  body: 'party',
  method: 'meeting',
  rounds: [{
    registered: 40,
    participants: 38,
    offices: [
      { id: 'secretary', title: '书记', seats: 1, rank: 1 },
      { id: 'deputy', title: '副书记', seats: 1, rank: 2 },
      { id: 'member', title: '委员', seats: 3, rank: 3 },
    ],
    candidates: [
      { id: 'p1', name: '王晶文', office: 'secretary', gender: 'female', votes: 30 },
      { id: 'p2', name: '周平', office: 'secretary', gender: 'male', votes: 6 },
      { id: 'p3', name: '侯雪敏', office: 'deputy', gender: 'female', votes: 28 },
      { id: 'p4', name: '吴涛', office: 'deputy', gender: 'male', votes: 8 },
      { id: 'p5', name: '马超', office: 'member', gender: 'male', votes: 25 },
      { id: 'p6', name: '何静', office: 'member', gender: 'female', votes: 22 },
      { id: 'p7', name: '林峰', office: 'member', gender: 'male', votes: 15 },
      { id: 'p8', name: '高远', office: 'member', gender: 'male', votes: 10 },
    ],
  }],
};

/** 和平社区 residents: 70 of 150 took part, not a majority: the round is void and the election must be held again. */
export const hepingResidents: SealSpec = {
  community: '和平社区',
  body: 'residents',
  method: 'direct',
  rounds: [{ ...xingfuRegular, participants: 70, candidates: xingfuRegular.candidates.map((c) => ({ ...c, votes: Math.min(c.votes, 40) })) }],
};
