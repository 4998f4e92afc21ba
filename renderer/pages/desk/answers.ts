import { isClientError } from '../../api';
import type { IssuanceRefusal, IssuedOutput } from '../../../shared/api/issuance';
import type { DeskAnswer } from '../../widgets/CertificateInput';
import type { Translate } from '../../../shared/i18n';
import type { RoundStatus } from '../../../shared/domain/round';
import { hrefFor } from '../../app/router';

const REASONS = new Set<IssuanceRefusal['reason']>([
  'bad-certificate',
  'unknown-certificate',
  'already-issued',
  'wrong-venue',
  'proxy-trustee-required',
  'trustee-mismatch',
  'no-approved-proxy',
  'round-not-voting',
  'box-not-open',
  'no-ballots-left',
  'not-a-writing-helper',
  'issue-undone',
  'household-voted',
  'household-missing',
]);

/** The desk refusal carried by a backend error (ApiError.details), if it is one. */
export function refusalOf(err: unknown): IssuanceRefusal | null {
  if (!isClientError(err)) return null;
  const d = err.details as { reason?: unknown } | undefined;
  return d && typeof d.reason === 'string' && REASONS.has(d.reason as IssuanceRefusal['reason']) ? (d as IssuanceRefusal) : null;
}

export function issuedAnswer(out: IssuedOutput): DeskAnswer {
  return {
    kind: 'issue',
    certificate: out.certificate,
    name: out.voter.name,
    group: out.voter.group,
    proxy: out.trustee ? { trustee: `${out.trustee.name}（${out.trustee.group}）` } : null,
  };
}

/**
 * The widget's answer for a refusal it has a panel for (already issued, wrong venue, unknown); null for the others,
 * which the screen shows in words (the backend's message).
 */
export function refusalAnswer(certificate: string, r: IssuanceRefusal): DeskAnswer | null {
  switch (r.reason) {
    case 'already-issued':
      return {
        kind: 'already-issued',
        certificate,
        at: r.first.at,
        venue: `${r.first.venueName}（${r.first.boxName}）`,
        desk: r.first.desk,
      };
    case 'household-voted':
      return {
        kind: 'household-voted',
        certificate,
        household: r.household,
        name: r.by.name,
        byCertificate: r.by.certificate,
        at: r.first.at,
        venue: `${r.first.venueName}（${r.first.boxName}）`,
        desk: r.first.desk,
      };
    case 'wrong-venue':
      return {
        kind: 'wrong-venue',
        certificate,
        venue: r.assigned.kind === 'mobile-box' ? `${r.assigned.name}` : r.assigned.name,
      };
    case 'unknown-certificate':
      return { kind: 'unknown', certificate };
    default:
      return null;
  }
}

/**
 * The calm answer when the round or the desk's box is not open for voting: what is missing, and a link to the Boxes
 * page where the committee fixes it (none when voting there is over). Null for any other refusal.
 */
export function notOpenAnswer(certificate: string, r: IssuanceRefusal, round: number, boxName: string, t: Translate): DeskAnswer | null {
  const toBoxes = { href: hrefFor('boxes'), label: t('deskpage.calm.toBoxes') };
  if (r.reason === 'round-not-voting') {
    const prepared = r.status === 'prepared';
    const what = prepared
      ? t('deskpage.calm.roundPrepared', { round })
      : t('deskpage.calm.roundOver', { round, status: t(`sa.status.${r.status as RoundStatus}`) });
    return { kind: 'not-open', certificate, what, fix: prepared ? toBoxes : null };
  }
  if (r.reason === 'box-not-open') {
    if (r.lastStep === null) return { kind: 'not-open', certificate, what: t('deskpage.calm.boxNotSealed', { box: boxName }), fix: toBoxes };
    if (r.lastStep === 'sealed-empty') return { kind: 'not-open', certificate, what: t('deskpage.calm.boxSealed', { box: boxName }), fix: toBoxes };
    return { kind: 'not-open', certificate, what: t('deskpage.calm.boxClosed', { box: boxName }), fix: null };
  }
  return null;
}
