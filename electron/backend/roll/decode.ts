import iconv from 'iconv-lite';
import type { RollError } from '../../../shared/domain/roll';

/** What the user may choose for a CSV roll: detect, or force one. GBK is decoded as GB18030, its superset. */
export type RollEncodingChoice = 'auto' | 'utf8' | 'gbk';
export type RollEncoding = 'utf8' | 'gbk';

export type DecodeResult = { ok: true; text: string; encoding: RollEncoding } | { ok: false; error: RollError };

const BOM = [0xef, 0xbb, 0xbf];
const REPLACEMENT = '\uFFFD';

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** Offset of the first byte that is not well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfChar(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function encodingError(line: number, zh: string, en: string): DecodeResult {
  return { ok: false, error: { line, column: '', field: null, code: 'encoding', zh, en } };
}

function decodeUtf8(bytes: Uint8Array, forced: boolean): DecodeResult {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const line = lineOfByte(bytes, bad);
    return encodingError(
      line,
      `文件第 ${line} 行含有不是 UTF-8 编码的字节，不能按 UTF-8 读取，否则姓名会变成乱码。` +
        (forced ? '该文件多半是 GBK 编码（Excel 中文版默认），请改选“GBK”编码后重新导入。' : ''),
      `line ${line} holds bytes that are not valid UTF-8; reading it as UTF-8 would garble the names.` +
        (forced ? ' The file is most likely GBK (the default of Chinese Excel): choose the GBK encoding and import again.' : ''),
    );
  }
  const text = new TextDecoder('utf-8').decode(hasBom(bytes) ? bytes.subarray(3) : bytes);
  const rep = text.indexOf(REPLACEMENT);
  if (rep >= 0) {
    const line = lineOfChar(text, rep);
    return encodingError(
      line,
      `文件第 ${line} 行含有替换字符“�”：姓名在之前的转换中已经损坏。请从原始名单重新导出（若原文件是 GBK，请选择 GBK 编码）。`,
      `line ${line} contains the replacement character "�": the text was already garbled by an earlier conversion.` +
        ' Export the roll again from its source (if the source is GBK, choose the GBK encoding).',
    );
  }
  return { ok: true, text, encoding: 'utf8' };
}

function decodeGbk(bytes: Uint8Array, forced: boolean): DecodeResult {
  if (forced && (hasBom(bytes) || (hasNonAscii(bytes) && firstInvalidUtf8(bytes) < 0))) {
    return encodingError(
      1,
      '该文件是 UTF-8 编码，按 GBK 读取会把姓名变成乱码。请选择“UTF-8”或“自动识别”后重新导入。',
      'this file is UTF-8; reading it as GBK would garble the names. Choose UTF-8 (or automatic detection) and import again.',
    );
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const rep = text.indexOf(REPLACEMENT);
  if (rep >= 0) {
    const line = lineOfChar(text, rep);
    return encodingError(
      line,
      `文件第 ${line} 行既不是有效的 UTF-8 也不是有效的 GBK 编码，无法读取。请用 Excel 另存为“CSV UTF-8”或 XLSX 后重新导入。`,
      `line ${line} is neither valid UTF-8 nor valid GBK. Save the roll again from Excel as "CSV UTF-8" or XLSX and import that.`,
    );
  }
  return { ok: true, text, encoding: 'gbk' };
}

/**
 * Decodes a CSV roll. Automatic detection: a file that is valid UTF-8 (with or without BOM) is UTF-8 — GBK Chinese
 * text is practically never valid UTF-8 — otherwise GB18030. A forced choice that does not fit the bytes is an error
 * naming the line, never silently garbled names.
 */
export function decodeRollText(bytes: Uint8Array, choice: RollEncodingChoice = 'auto'): DecodeResult {
  if (choice === 'utf8') return decodeUtf8(bytes, true);
  if (choice === 'gbk') return decodeGbk(bytes, true);
  if (hasBom(bytes) || firstInvalidUtf8(bytes) < 0) return decodeUtf8(bytes, false);
  return decodeGbk(bytes, false);
}
