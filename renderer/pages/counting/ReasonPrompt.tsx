import { useEffect, useRef, useState } from 'react';
import { useT } from '../../app/i18n';
import { Field } from '../../ui';

export interface PromptRequest {
  title: string;
  label: string;
  initial?: string;
  /** The text confirmed (Enter), or null when cancelled (Esc). */
  onDone(text: string | null): void | Promise<void>;
}

/** One focused text field asking why (a doubtful note, a correction's reason): Enter confirms, Esc cancels. */
export function ReasonPrompt({ request }: { request: PromptRequest }) {
  const t = useT();
  const [text, setText] = useState(request.initial ?? '');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <form
      className="counting-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== '') void request.onDone(text.trim());
      }}
      data-testid="reason-prompt"
    >
      <strong>{request.title}</strong>
      <Field label={request.label}>
        <input
          ref={ref}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              void request.onDone(null);
            }
          }}
          data-testid="reason-input"
        />
      </Field>
      <div className="ui-row">
        <button type="submit" className="ui-primary" disabled={text.trim() === ''}>
          {t('b.confirm')} <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={() => void request.onDone(null)}>
          {t('b.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
