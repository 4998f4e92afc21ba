import iconv from 'iconv-lite';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { idNumberCheckChar, REGISTRATION_CATEGORIES } from '../../../shared/domain/roll';

/** Synthetic voters for tests and the benchmark: deterministic, valid, all distinct. */

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏飞鑫晨欣怡佳琪子涵梓轩一诺雨桐';

export interface TestVoter {
  name: string;
  idNumber: string;
  gender: '男' | '女';
  birthDate: string;
  group: string;
  category: string;
  certificate: string;
}

export function makeIdNumber(region: string, birth: string, seq3: string): string {
  const first17 = region + birth.replaceAll('-', '') + seq3;
  return first17 + idNumberCheckChar(first17);
}

const BASE_DAY = Date.UTC(1940, 0, 1);

export function makeVoter(i: number, opts: { certificatePrefix?: string } = {}): TestVoter {
  const day = i % 20000; // 1940-01-01 … 1994-10-05: everyone is an adult in 2025
  const block = Math.floor(i / 20000);
  const male = i % 2 === 1;
  const birth = new Date(BASE_DAY + day * 86_400_000).toISOString().slice(0, 10);
  const seq3 = String(100 + (block % 40) * 20 + (male ? 1 : 0) + Math.floor(block / 40) * 2).padStart(3, '0').slice(-3);
  const surname = SURNAMES[i % SURNAMES.length]!;
  const given = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]! + (i % 3 === 0 ? '' : GIVEN[(i * 7) % GIVEN.length]!);
  const category = REGISTRATION_CATEGORIES[i % 10 === 0 ? 1 : i % 17 === 0 ? 2 : 0]!;
  return {
    name: surname + given,
    idNumber: makeIdNumber('110105', birth, seq3),
    gender: male ? '男' : '女',
    birthDate: birth,
    group: `第${(i % 12) + 1}居民小组`,
    category: category.short,
    certificate: makeCertificateNumber(i + 1, opts.certificatePrefix ?? ''),
  };
}

export const CSV_HEADER = '姓名,身份证号,性别,出生日期,居民小组,登记类别,选民证号';

export function voterCsvLine(v: TestVoter, withCertificate = true): string {
  return [v.name, v.idNumber, v.gender, v.birthDate, v.group, v.category, withCertificate ? v.certificate : ''].join(',');
}

export function makeRollCsv(count: number, opts: { withCertificates?: boolean; from?: number } = {}): string {
  const lines = [CSV_HEADER];
  for (let i = 0; i < count; i++) lines.push(voterCsvLine(makeVoter((opts.from ?? 0) + i), opts.withCertificates ?? true));
  return `${lines.join('\r\n')}\r\n`;
}

export function utf8(text: string, bom = false): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export function gbk(text: string): Uint8Array {
  return iconv.encode(text, 'gbk');
}
