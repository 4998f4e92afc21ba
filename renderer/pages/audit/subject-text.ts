import type { Translate } from '../../../shared/i18n';
import type { AuditEventView } from './AuditScreen';

/** An event's subject as a person reads it: "王秀兰（选民证 10000001）", "票箱 中心会场票箱"; as logged when the name is unknown. */
export function subjectText(t: Translate, e: Pick<AuditEventView, 'subject' | 'about'>): string {
  if (e.about) return t(`audit.subject.${e.about.kind}`, { name: e.about.name, ref: e.about.ref });
  return e.subject ?? t('audit.none');
}
