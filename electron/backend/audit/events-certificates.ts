import type { AuditEventMeaning } from './catalogue';

/** Audit events of the voter certificates (electron/backend/certificates). */
export const CERTIFICATE_AUDIT_EVENTS = {
  'certificates.printed': { zh: '生成一批选民证(PDF)', en: 'a batch of voter certificates drawn into a PDF (which batch, how many, the file)' },
  'certificate.reprinted': { zh: '补打选民证(遗失或损坏,附原因)', en: "one voter's certificate printed again (lost or damaged), with the reason" },
} as const satisfies Record<string, AuditEventMeaning>;
