/**
 * The QR code on a printed tally sheet (选举结果报告单): the station key fingerprint, the round's result hash and the
 * audit head at its last sign-off, so the town office can register the key and check the file by scanning the
 * paper. ASCII only, because desk barcode scanners type what they read as keystrokes:
 *
 *   CERSHEET1;FP=<64 hex>;ROUND=<n>;RESULT=<64 hex>;HEAD=<count>:<64 hex>      (HEAD=- before anyone signed)
 */
export const SHEET_QR_PREFIX = 'CERSHEET1';

export interface SheetQr {
  fingerprint: string;
  round: number;
  resultHash: string;
  signedHead: { count: number; hash: string } | null;
}

export function sheetQrText(q: SheetQr): string {
  const head = q.signedHead === null ? '-' : `${q.signedHead.count}:${q.signedHead.hash}`;
  return `${SHEET_QR_PREFIX};FP=${q.fingerprint};ROUND=${q.round};RESULT=${q.resultHash};HEAD=${head}`;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads a scanned QR text (case and surrounding spaces ignored); a message saying what is wrong otherwise. */
export function parseSheetQr(text: string): { ok: true; qr: SheetQr } | { ok: false; problem: string } {
  const parts = text.trim().toLowerCase().split(';');
  if (parts[0] !== SHEET_QR_PREFIX.toLowerCase()) return { ok: false, problem: `not a tally sheet QR code (it must start with ${SHEET_QR_PREFIX})` };
  const fields = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, problem: `"${part.slice(0, 20)}" is not KEY=VALUE` };
    fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const unknown = [...fields.keys()].filter((k) => !['fp', 'round', 'result', 'head'].includes(k));
  if (unknown.length > 0) return { ok: false, problem: `unknown field(s) ${unknown.join(', ').slice(0, 60)}` };
  const fp = fields.get('fp') ?? '';
  const result = fields.get('result') ?? '';
  const round = fields.get('round') ?? '';
  const head = fields.get('head') ?? '';
  if (!HEX64.test(fp)) return { ok: false, problem: 'FP must be the 64-hex-digit key fingerprint' };
  if (!HEX64.test(result)) return { ok: false, problem: 'RESULT must be the 64-hex-digit result hash' };
  if (!/^[1-9]\d{0,3}$/.test(round)) return { ok: false, problem: 'ROUND must be a round number' };
  const m = /^([1-9]\d{0,9}):([0-9a-f]{64})$/.exec(head);
  if (head !== '-' && m === null) return { ok: false, problem: 'HEAD must be COUNT:HASH or -' };
  return {
    ok: true,
    qr: { fingerprint: fp, round: Number(round), resultHash: result, signedHead: m === null ? null : { count: Number(m[1]), hash: m[2]! } },
  };
}
