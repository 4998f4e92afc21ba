import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import type { RuleProfile, RuleProfilePartial } from '../../../shared/rules/profile';
import { RULE_CHOICES, RULE_KEYS, useRuleText, type RuleKey } from './rules';
import { ErrorNote, Field, OkNote, useAction, useLoad } from '../../ui';
import { approvalField, CommitteeApprovalFields, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import { useMayCall } from '../../app/session/may-call';

type Draft = Record<RuleKey, string>;

const toDraft = (rules: RuleProfile): Draft =>
  Object.fromEntries(RULE_KEYS.map((k) => [k, String(rules[k])])) as Draft;

function fromText(k: RuleKey, raw: string): RuleProfile[RuleKey] {
  if (k === 'minCommittee' || k === 'proxyLimit') return Number(raw);
  if (k === 'requireWoman') return raw === 'true';
  return raw as RuleProfile[RuleKey];
}

/**
 * Changing the rule profile before voting starts: every key with its value in force, the default named beside it,
 * only changed keys sent. Tab moves, arrow keys choose, Enter saves; the backend's refusal (voting started, proxies
 * over a lower limit — with the trustees named) is shown as it comes.
 */
export function RulesEditForm({
  rules,
  defaults,
  seats,
  onSaved,
}: {
  rules: RuleProfile;
  defaults: RuleProfile;
  seats: number;
  onSaved(): void;
}) {
  const may = useMayCall();
  const api = useApi();
  const t = useT();
  const { value, name } = useRuleText();
  const [draft, setDraft] = useState<Draft>(() => toDraft(rules));
  // Kept as data, not text, so the notice follows the language switch.
  const [done, setDone] = useState<{ changed: RuleKey[] } | null>(null);
  const action = useAction();
  const people = useLoad(() => api.call('listPeople', {}), [api]);
  const staff = people.data ?? [];
  const [approval, setApproval] = useState(NO_APPROVAL);

  const changes: RuleProfilePartial = {};
  for (const k of RULE_KEYS) {
    if (draft[k] === '') continue;
    const v = fromText(k, draft[k]);
    if (v !== rules[k]) (changes as Record<string, unknown>)[k] = v;
  }
  const changedKeys = Object.keys(changes) as RuleKey[];
  const set = (k: RuleKey, raw: string) => {
    setDone(null);
    action.clear();
    setDraft((d) => ({ ...d, [k]: raw }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (changedKeys.length === 0) {
      setDone({ changed: [] });
      return;
    }
    const out = await action.run(() => api.call('setRules', { ...changes, ...approvalField(approval) }));
    if (out) {
      setApproval(NO_APPROVAL);
      setDone({ changed: out.changed });
      onSaved();
    }
  };

  return (
    <form
      className="ui-card ui-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        // Enter on a choice saves too, as it does in the number fields.
        if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
      data-testid="rules-edit"
    >
      <h3>{t('setup.rules.edit')}</h3>
      <p className="ui-muted">{t('setup.rules.editHint')}</p>
      <div className="ui-grid">
        {RULE_KEYS.map((k) => {
          const choices = RULE_CHOICES[k];
          const hint = t('setup.rules.useDefault', { value: value(k, defaults[k]) });
          return (
            <Field key={k} label={name(k)} hint={hint}>
              {choices ? (
                <select value={draft[k]} onChange={(e) => set(k, e.target.value)} data-edit-rule={k}>
                  {choices.map((c) => {
                    const label = value(k, fromText(k, c));
                    return (
                      <option key={c} value={c}>
                        {String(defaults[k]) === c ? t('setup.rules.defaultMark', { value: label }) : label}
                      </option>
                    );
                  })}
                </select>
              ) : (
                <input
                  type="number"
                  min={0}
                  max={k === 'minCommittee' && seats > 0 ? seats : undefined}
                  step={1}
                  required
                  value={draft[k]}
                  onChange={(e) => set(k, e.target.value)}
                  data-edit-rule={k}
                />
              )}
            </Field>
          );
        })}
      </div>
      <div className="ui-grid">
        <CommitteeApprovalFields people={staff} value={approval} onChange={setApproval} label={t('setup.lists.decidedBy')} testId="approval-person" />
      </div>
      <ErrorNote error={action.error} testId="rules-edit-error" />
      {done && (
        <OkNote testId="rules-edit-done">
          {done.changed.length === 0
            ? t('setup.rules.nothingChanged')
            : t('setup.rules.saved', { keys: done.changed.map((k) => name(k)).join(t('setup.rules.sep')) })}
        </OkNote>
      )}
      <div className="ui-actions">
        <button type="submit" disabled={action.busy} {...may('setRules')} data-testid="rules-save">
          {changedKeys.length > 0 ? t('setup.rules.saveN', { n: changedKeys.length }) : t('setup.rules.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDone(null);
            action.clear();
            setDraft(toDraft(defaults));
          }}
          data-testid="rules-defaults"
        >
          {t('setup.rules.allDefaults')}
        </button>
      </div>
    </form>
  );
}
