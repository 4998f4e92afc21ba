import { useT } from '../../app/i18n';
import type { RuleProfile, RuleProfilePartial } from '../../../shared/rules/profile';

/** The DOMAIN.md §9 keys in display order, with their possible values (numbers are typed). */
export const RULE_KEYS = [
  'overvote',
  'samePersonInTwoOffices',
  'minCommittee',
  'tieRevoteThreshold',
  'supplementaryThreshold',
  'proxyLimit',
  'requireWoman',
] as const satisfies readonly (keyof RuleProfile)[];
export type RuleKey = (typeof RULE_KEYS)[number];

export const RULE_CHOICES: Partial<Record<RuleKey, readonly string[]>> = {
  overvote: ['void-section', 'void-ballot'],
  samePersonInTwoOffices: ['void-ballot', 'count-higher-office'],
  tieRevoteThreshold: ['over-third-of-participants', 'none'],
  supplementaryThreshold: ['third-of-ballots-cast', 'none'],
  requireWoman: ['true', 'false'],
};

export function useRuleText() {
  const t = useT();
  const value = (key: RuleKey, v: RuleProfile[RuleKey]): string => {
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? t('setup.rules.yes') : t('setup.rules.no');
    switch (v) {
      case 'void-section': return t('setup.rules.v.void-section');
      case 'void-ballot': return key === 'overvote' ? t('setup.rules.v.void-ballot') : t('setup.rules.v.void-ballot-same');
      case 'count-higher-office': return t('setup.rules.v.count-higher-office');
      case 'over-third-of-participants': return t('setup.rules.v.over-third-of-participants');
      case 'third-of-ballots-cast': return t('setup.rules.v.third-of-ballots-cast');
      case 'none': return t('setup.rules.v.none');
      default: return String(v);
    }
  };
  const name = (key: RuleKey): string => t(`setup.rules.k.${key}`);
  return { value, name };
}

/** The resolved profile as a table: key, its value, and whether it is the default for this body and method. */
export function RulesTable({ rules, defaults }: { rules: RuleProfile; defaults: RuleProfile }) {
  const t = useT();
  const { value, name } = useRuleText();
  return (
    <table className="ui-table" data-testid="rules-table">
      <thead>
        <tr>
          <th>{t('setup.rules.key')}</th>
          <th>{t('setup.rules.value')}</th>
          <th>{t('setup.rules.default')}</th>
        </tr>
      </thead>
      <tbody>
        {RULE_KEYS.map((k) => (
          <tr key={k} data-rule={k}>
            <th scope="row">
              {name(k)}
            </th>
            <td>{value(k, rules[k])}</td>
            <td>{rules[k] === defaults[k] ? t('setup.rules.isDefault') : t('setup.rules.defaultWas', { value: value(k, defaults[k]) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rule overrides as chosen in the create form: only keys moved off "default" are sent. */
export function RulesEditor({
  given,
  defaults,
  onChange,
}: {
  given: RuleProfilePartial;
  defaults: RuleProfile;
  onChange(next: RuleProfilePartial): void;
}) {
  const t = useT();
  const { value, name } = useRuleText();
  const set = (k: RuleKey, raw: string) => {
    const next: Record<string, unknown> = { ...given };
    if (raw === '') delete next[k];
    else if (k === 'minCommittee' || k === 'proxyLimit') next[k] = Number(raw);
    else if (k === 'requireWoman') next[k] = raw === 'true';
    else next[k] = raw;
    onChange(next as RuleProfilePartial);
  };
  return (
    <fieldset className="ui-fieldset" data-testid="rules-editor">
      <legend>{t('setup.rules.title')}</legend>
      <p className="ui-muted">{t('setup.rules.hint')}</p>
      <div className="ui-grid">
        {RULE_KEYS.map((k) => {
          const choices = RULE_CHOICES[k];
          const current = given[k];
          return (
            <label key={k} className="ui-field">
              <span className="ui-field-label">
                {name(k)}
              </span>
              {choices ? (
                <select value={current === undefined ? '' : String(current)} onChange={(e) => set(k, e.target.value)} data-rule={k}>
                  <option value="">{t('setup.rules.useDefault', { value: value(k, defaults[k]) })}</option>
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {value(k, (c === 'true' ? true : c === 'false' ? false : c) as RuleProfile[RuleKey])}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  type="number"
                  min={0}
                  value={current === undefined ? '' : String(current)}
                  placeholder={t('setup.rules.useDefault', { value: value(k, defaults[k]) })}
                  onChange={(e) => set(k, e.target.value)}
                  data-rule={k}
                />
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
