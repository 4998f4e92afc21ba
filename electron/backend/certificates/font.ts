import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { refused, says } from '../context';
import { FILE_LIMITS, readInputFile } from '../files/input-file';

/**
 * The Chinese font the certificates are drawn with. The app carries none (a CJK font is 15–20 MB): it uses one the
 * system has, looked for at print time in the usual places of Linux, Windows and macOS, or the file named by
 * STATION_CERT_FONT (a .ttf/.otf, or a .ttc with the face's PostScript name after a '#': "/path/x.ttc#Face-Name").
 * Only the characters used end up in the PDF (a subset).
 */

export interface FontFace {
  file: string;
  /** The face's PostScript name inside a collection (.ttc); null for a single-font file. */
  face: string | null;
}

export interface CertificateFonts {
  regular: FontFace;
  /** The bold face for names and headings; the regular one where the system has no bold. */
  bold: FontFace;
}

interface Candidate {
  regular: FontFace;
  bold?: FontFace;
}

const noto = (dir: string): Candidate => ({
  regular: { file: join(dir, 'NotoSansCJK-Regular.ttc'), face: 'NotoSansCJKsc-Regular' },
  bold: { file: join(dir, 'NotoSansCJK-Bold.ttc'), face: 'NotoSansCJKsc-Bold' },
});

/** Where systems keep a Chinese font, most common first. */
export function systemFontCandidates(env: NodeJS.ProcessEnv = process.env): Candidate[] {
  const windows = join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
  return [
    noto('/usr/share/fonts/opentype/noto'),
    noto('/usr/share/fonts/noto-cjk'),
    noto('/usr/share/fonts/google-noto-cjk'),
    noto('/usr/share/fonts/opentype/noto-cjk'),
    { regular: { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' } },
    { regular: { file: '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' } },
    { regular: { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', face: null } },
    {
      regular: { file: join(windows, 'msyh.ttc'), face: 'MicrosoftYaHei' },
      bold: { file: join(windows, 'msyhbd.ttc'), face: 'MicrosoftYaHei-Bold' },
    },
    { regular: { file: join(windows, 'simhei.ttf'), face: null } },
    { regular: { file: join(windows, 'simsun.ttc'), face: 'SimSun' } },
    {
      regular: { file: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
      bold: { file: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Semibold' },
    },
    { regular: { file: '/System/Library/Fonts/STHeiti Light.ttc', face: 'STHeitiSC-Light' } },
  ];
}

function faceOfSetting(setting: string): FontFace {
  const hash = setting.lastIndexOf('#');
  return hash > 0 ? { file: setting.slice(0, hash), face: setting.slice(hash + 1) } : { file: setting, face: null };
}

/** The fonts to use, or a refusal naming where it looked and how to name a font. */
export function findCertificateFonts(
  env: NodeJS.ProcessEnv = process.env,
  candidates: Candidate[] = systemFontCandidates(env),
  exists: (file: string) => boolean = existsSync,
): CertificateFonts {
  const setting = env.STATION_CERT_FONT?.trim();
  if (setting) {
    const face = faceOfSetting(setting);
    if (!exists(face.file)) {
      throw refused(says('error.certificates.fontFileNamedStation', { file: face.file }));
    }
    return { regular: face, bold: face };
  }
  for (const c of candidates) {
    if (!exists(c.regular.file)) continue;
    return { regular: c.regular, bold: c.bold && exists(c.bold.file) ? c.bold : c.regular };
  }
  const looked = candidates.map((c) => c.regular.file).join(', ');
  throw refused(
    says('error.certificates.chineseFontFoundDraw', { looked }),
  );
}

/** A font file's bytes, read with the size limit of every file the station reads. */
export async function readFontFile(file: string): Promise<Buffer> {
  try {
    return await readInputFile(file, FILE_LIMITS.font);
  } catch (e) {
    throw refused(says('error.certificates.readFontFile', { file, message: (e as Error).message }));
  }
}
