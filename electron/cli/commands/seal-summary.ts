import type { SealSummaryView } from '../../../shared/api/seal';

const KIND_NAMES: Record<string, string> = { regular: '正式选举 regular', 'tie-revote': '再次投票 tie re-vote', supplementary: '另行选举 supplementary' };

/** A committee override of missing sign-offs, said plainly: who decided, why, and whose signatures are missing. */
function overrideLines(s: SealSummaryView): string[] {
  if (s.override === null) return ['签名 / sign-offs:       齐全 complete (every sign-off the tally sheets list was given)'];
  return [
    '注意：签名不全，由选举委员会决定封存 / NOTE: sign-offs were MISSING; the election committee decided to seal anyway',
    `  决定人 / approved by:  ${s.override.approvers.join('、')}`,
    `  原因 / reason:         ${s.override.reason}`,
    ...s.override.missing.map((m) => `  缺少 / missing:        第 ${m.round} 轮 round ${m.round}: ${m.name === null ? `没有人担任 nobody held ${m.role}` : `${m.name} (${m.role})`}`),
  ];
}

/** The human summary of a sealed file, printed by `station seal` and `station verify`. */
export function formatSealSummary(s: SealSummaryView): string {
  const lines = [
    `选举 / election:        ${s.electionTitle}`,
    `封存时间 / sealed at:   ${s.sealedAt}`,
    `站点密钥指纹 / station key fingerprint: ${s.fingerprint.short}`,
    `  (full: ${s.fingerprint.full})`,
    `操作日志 / audit head before sealing: ${s.auditHead.count} events, ${s.auditHead.hash}`,
    `封存序号 / sealed file number: ${s.sequence}`,
    s.supersedes === null
      ? '取代 / supersedes:      无（本选举的第一份封存文件） none (the first sealed file of this election)'
      : `取代 / supersedes:      payload sha256 ${s.supersedes}（此前的封存文件作废 the earlier sealed file is replaced）`,
    ...overrideLines(s),
    `轮次 / rounds:          ${s.rounds.length}`,
  ];
  for (const r of s.rounds) {
    lines.push(
      `  第 ${r.number} 轮 / round ${r.number}: ${KIND_NAMES[r.kind] ?? r.kind}, ${r.valid ? '有效 valid' : '无效 NOT valid'}, ${r.ballots} ballots, ` +
        `签名 sign-offs ${r.signoffs}${r.revokedSignoffs > 0 ? ` (+${r.revokedSignoffs} revoked)` : ''}`,
    );
    for (const o of r.elected) {
      lines.push(`    ${o.office}: 当选 elected ${o.names.length > 0 ? o.names.join('、') : '—'}${o.vacant > 0 ? `; 空缺 vacant ${o.vacant}` : ''}`);
    }
    lines.push(`    result hash ${r.resultHash}`);
    // With the result hash, the two numbers printed on the round's tally sheet.
    if (r.signedHead !== null) lines.push(`    audit head at the last signature 最后签字时日志: ${r.signedHead.count} events, ${r.signedHead.hash}`);
  }
  return `${lines.join('\n')}\n`;
}
