import { normalizeName } from '../../../shared/domain/names';
import type { Rng } from './prng';

/**
 * Plausible Chinese names for drills: common surnames, weighted roughly by how common they are, and given names of
 * one or two characters chosen from lists typical for men and for women. Invented people only.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 68], ['刘', 53], ['陈', 45], ['杨', 31], ['黄', 24], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 14], ['孙', 14], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 11], ['林', 10], ['高', 10], ['罗', 10],
  ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 6], ['邓', 6], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['方', 3], ['白', 3], ['邹', 2], ['孟', 2], ['熊', 2],
  ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2],
  ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2], ['万', 2], ['钱', 2],
];

const MALE_CHARS = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩',
  '建', '国', '志', '文', '海', '亮', '俊', '峰', '林', '东', '成', '春', '德', '光', '荣', '新', '永', '庆', '忠', '兵',
  '晨', '阳', '凯', '健', '立', '瑞', '博', '毅', '旭', '振',
] as const;

const FEMALE_CHARS = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '慧', '莉', '萍', '红', '梅', '琳', '颖', '洁',
  '秀', '英', '兰', '华', '凤', '玉', '桂', '珍', '琴', '云', '佳', '欣', '悦', '璐', '倩', '晶', '蕾', '雯', '露', '月',
  '春', '晓', '丹', '宁', '思', '雨', '文', '小', '海', '彤',
] as const;

export type Gender = 'female' | 'male';

export function randomName(rng: Rng, gender: Gender): string {
  const surname = rng.weighted(SURNAMES);
  const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.3) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
  return surname + given;
}

/**
 * Draws names no one else in `taken` has (compared as the app compares names), and adds them to `taken`:
 * candidates, committee members and officials must be told apart by name.
 */
export function distinctName(rng: Rng, gender: Gender, taken: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = randomName(rng, gender);
    const key = normalizeName(name);
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
  throw new Error('could not find a distinct name');
}
