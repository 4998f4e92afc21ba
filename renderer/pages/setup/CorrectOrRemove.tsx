import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../../app/i18n';
import { ErrorNote, Field, useAction } from '../../ui';
import { ConfirmRemoval } from './ConfirmRemoval';

export interface EditChoice {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
}

export interface EditValues {
  name: string;
  choice: string;
  reason: string;
}

/**
 * One row's "correct or remove" action before voting opens: a button that opens a small form (the name, one choice
 * such as the venue, the reason), Save, and Remove behind a confirmation; Escape closes it. The caller sends the
 * change; the reason goes into the audit log.
 */
export function CorrectOrRemove({
  what,
  name,
  choice,
  testId,
  save,
  remove,
  onDone,
}: {
  /** How the item is named in the confirmation and the notes ("票箱 M1"). */
  what: string;
  name?: string;
  choice?: EditChoice;
  testId: string;
  save(values: EditValues): Promise<unknown>;
  remove(reason: string): Promise<unknown>;
  onDone(message: string): void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [nameValue, setName] = useState(name ?? '');
  const [choiceValue, setChoice] = useState(choice?.value ?? '');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const close = () => {
    setOpen(false);
    setConfirming(false);
    setReason('');
    action.setError(null);
  };
  if (!open) {
    return (
      <button type="button" className="ui-link" onClick={() => setOpen(true)} aria-label={t('edits.openWhat', { what })} data-testid={`edit-${testId}`}>
        {t('edits.open')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => save({ name: nameValue.trim(), choice: choiceValue, reason }))) {
      close();
      onDone(t('edits.saved', { what }));
    }
  };
  const askRemove = () => {
    if (!reason.trim()) action.setError(new Error(t('edits.reasonFirst')));
    else setConfirming(true);
  };
  const doRemove = async () => {
    if (await action.run(() => remove(reason))) {
      close();
      onDone(t('edits.removed', { what }));
    } else {
      setConfirming(false);
    }
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  return (
    <form className="ui-form setup-edit" onSubmit={submit} onKeyDown={escape} data-testid={`edit-form-${testId}`}>
      {name !== undefined && (
        <Field label={t('edits.name')}>
          <input value={nameValue} onChange={(e) => setName(e.target.value)} autoFocus required />
        </Field>
      )}
      {choice && (
        <Field label={choice.label}>
          <select value={choiceValue} onChange={(e) => setChoice(e.target.value)} autoFocus={name === undefined}>
            {choice.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('edits.reason')}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </Field>
      <ErrorNote error={action.error} />
      {confirming ? (
        <ConfirmRemoval question={t('edits.confirm', { what })} busy={action.busy} onYes={() => void doRemove()} onCancel={() => setConfirming(false)} />
      ) : (
        <div className="ui-row">
          {(name !== undefined || choice) && (
            <button type="submit" disabled={action.busy}>
              {t('edits.save')}
            </button>
          )}
          <button type="button" onClick={askRemove} disabled={action.busy}>
            {t('edits.remove')}
          </button>
          <button type="button" onClick={close}>
            {t('edits.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
