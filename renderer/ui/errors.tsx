import type { ReactNode } from 'react';
import { isClientError } from '../api';

/** The words to show for a failed call: the backend's own "中文 / English" text with the field it names, or the transport's. */
export function errorText(err: unknown): string {
  if (isClientError(err)) return err.path ? `${err.message}（${err.path}）` : err.message;
  return err instanceof Error ? err.message : String(err);
}

function isNothing(value: unknown): boolean {
  return value === null || value === undefined || value === false || value === '';
}

/** A refusal or failure, in red with a sign (not colour alone), announced to screen readers. */
export function ErrorNote({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  if (isNothing(error)) return null;
  return (
    <p className="ui-error" role="alert" data-testid={testId}>
      ⚠ {errorText(error)}
    </p>
  );
}

/** What was just done, in green. */
export function OkNote({ children, testId = 'ok' }: { children: ReactNode; testId?: string }) {
  if (isNothing(children)) return null;
  return (
    <p className="ui-ok" role="status" data-testid={testId}>
      ✓ {children}
    </p>
  );
}
