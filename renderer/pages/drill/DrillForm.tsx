import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DRILL_MAX_VOTERS, type StartDrillInput } from '../../../shared/api/drill';
import { useT } from '../../app/i18n';
import { ErrorNote, Field } from '../../ui';

/** The recommended stage first. */
const STAGE_ORDER = ['ready-to-vote', 'complete'] as const satisfies readonly StartDrillInput['stage'][];

const SEED_PATTERN = /^[\p{L}\p{N}_-]{1,32}$/u;

/** A seed that changes each time the page is opened, so two trainings in a row differ unless a seed is typed. */
function freshSeed(): string {
  return String(1000 + Math.floor(Math.random() * 9000));
}

/**
 * The drill form, keyboard first: the voters field has the focus, Tab goes to the seed and the stage (↑ ↓ choose),
 * and Enter anywhere in the form starts the drill.
 */
export function DrillForm({ busy, onStart }: { busy: boolean; onStart(input: StartDrillInput): void }) {
  const t = useT();
  const [voters, setVoters] = useState('300');
  const [seed, setSeed] = useState(freshSeed);
  const [stage, setStage] = useState<StartDrillInput['stage']>('ready-to-vote');
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const n = Number(voters.trim());
    if (!/^\d+$/.test(voters.trim()) || n < 10 || n > DRILL_MAX_VOTERS) {
      setProblem(t('drillpage.form.invalidVoters'));
      first.current?.focus();
      return;
    }
    if (!SEED_PATTERN.test(seed.trim())) {
      setProblem(t('drillpage.form.invalidSeed'));
      return;
    }
    setProblem(null);
    onStart({ voters: n, seed: seed.trim(), stage });
  };

  return (
    <form className="ui-card ui-form" onSubmit={submit} data-testid="drill-form" aria-labelledby="drill-form-title">
      <h3 id="drill-form-title">{t('drillpage.form.title')}</h3>
      <div className="drill-fields">
        <Field label={t('drillpage.form.voters')}>
          <input
            ref={first}
            inputMode="numeric"
            value={voters}
            onChange={(e) => setVoters(e.target.value)}
            disabled={busy}
            aria-describedby="drill-voters-hint"
            data-testid="drill-voters"
          />
          <span className="ui-field-hint" id="drill-voters-hint">
            {t('drillpage.form.votersHint')}
          </span>
        </Field>
        <Field label={t('drillpage.form.seed')}>
          <input value={seed} onChange={(e) => setSeed(e.target.value)} disabled={busy} aria-describedby="drill-seed-hint" data-testid="drill-seed" />
          <span className="ui-field-hint" id="drill-seed-hint">
            {t('drillpage.form.seedHint')}
          </span>
        </Field>
      </div>
      <fieldset className="drill-stages" disabled={busy}>
        <legend>
          {t('drillpage.form.stage')} <span className="ui-muted">{t('drillpage.form.stageKeys')}</span>
        </legend>
        {STAGE_ORDER.map((s) => (
            <label key={s} className="drill-stage">
              <input
                type="radio"
                name="drill-stage"
                value={s}
                checked={stage === s}
                onChange={() => setStage(s)}
                aria-describedby={`drill-stage-${s}-hint`}
                data-testid={`drill-stage-${s}`}
              />
              <span className="drill-stage-title">{t(`drillpage.stage.${s}`)}</span>
              <span className="drill-stage-hint" id={`drill-stage-${s}-hint`}>
                {t(`drillpage.stage.${s}.hint`)}
              </span>
            </label>
        ))}
      </fieldset>
      <ErrorNote error={problem} testId="drill-form-problem" />
      <button type="submit" className="ui-primary drill-start" disabled={busy} data-testid="drill-start">
        {t('drillpage.form.start')} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
