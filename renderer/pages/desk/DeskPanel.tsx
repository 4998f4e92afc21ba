import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';

/** A panel opened over the desk (find a voter, undo the last issue): its title, a close button and a hint. */
export function DeskPanel({
  title,
  hint,
  className,
  testId,
  onClose,
  children,
}: {
  title: string;
  hint: string;
  className: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className={`ui-card ${className}`} role="dialog" aria-label={title} data-testid={testId}>
      <div className="ui-spread">
        <h3>{title}</h3>
        <button type="button" onClick={onClose}>
          {t('deskfind.close')}
        </button>
      </div>
      <p className="ui-muted">{hint}</p>
      {children}
    </section>
  );
}
