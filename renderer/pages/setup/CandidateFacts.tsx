import { EDUCATIONS, POLITICAL_STATUSES, BIRTH_YEAR_RANGE, type Education, type PoliticalStatus } from '../../../shared/record/cer';
import type { Translate } from '../../../shared/i18n';
import { useT } from '../../app/i18n';
import { Field } from '../../ui';
import type { Overview } from './overview';

/** The candidate's optional record facts as typed: empty strings for "not given". */
export interface CandidateFactsDraft {
  birthYear: string;
  education: '' | Education;
  politicalStatus: '' | PoliticalStatus;
}
export const NO_FACTS: CandidateFactsDraft = { birthYear: '', education: '', politicalStatus: '' };

/** Only the facts given; a birth year that is not a whole number goes as typed, for the backend to refuse by field. */
export function candidateFactsInput(d: CandidateFactsDraft): { birthYear?: number; education?: Education; politicalStatus?: PoliticalStatus } {
  const year = d.birthYear.trim();
  return {
    ...(year !== '' ? { birthYear: Number(year) } : {}),
    ...(d.education !== '' ? { education: d.education } : {}),
    ...(d.politicalStatus !== '' ? { politicalStatus: d.politicalStatus } : {}),
  };
}

interface KnownFacts {
  birthYear: number | null;
  education: Education | null;
  politicalStatus: PoliticalStatus | null;
}

/** The stored facts as a draft to correct. */
export function factsDraftOf(f: KnownFacts | undefined): CandidateFactsDraft {
  return f === undefined ? NO_FACTS : { birthYear: f.birthYear === null ? '' : String(f.birthYear), education: f.education ?? '', politicalStatus: f.politicalStatus ?? '' };
}

/** The facts a correction changes: a new value, or null for one emptied; unchanged ones are left out. */
export function factsChange(before: KnownFacts | undefined, d: CandidateFactsDraft): { birthYear?: number | null; education?: Education | null; politicalStatus?: PoliticalStatus | null } {
  const year = d.birthYear.trim() === '' ? null : Number(d.birthYear.trim());
  const education = d.education === '' ? null : d.education;
  const politicalStatus = d.politicalStatus === '' ? null : d.politicalStatus;
  return {
    ...(year !== (before?.birthYear ?? null) ? { birthYear: year } : {}),
    ...(education !== (before?.education ?? null) ? { education } : {}),
    ...(politicalStatus !== (before?.politicalStatus ?? null) ? { politicalStatus } : {}),
  };
}

/** "1980年生 · 本科 · 中共党员" for the candidate list, or '' when nothing is known. */
export function candidateFactsText(f: KnownFacts | undefined, t: Translate): string {
  if (f === undefined) return '';
  return [
    f.birthYear === null ? null : t('candfields.born', { year: f.birthYear }),
    f.education === null ? null : t(`candfields.education.${f.education}`),
    f.politicalStatus === null ? null : t(`candfields.status.${f.politicalStatus}`),
  ]
    .filter((x) => x !== null)
    .join(' · ');
}

/** The three optional facts; `testPrefix` keeps the test ids apart where two forms show them on one page. */
export function CandidateFactFields({
  value,
  onChange,
  testPrefix = 'candidate',
  disabled = false,
  correcting = false,
}: {
  value: CandidateFactsDraft;
  onChange(next: CandidateFactsDraft): void;
  testPrefix?: string;
  disabled?: boolean;
  /** Labels of a correction form (an emptied field clears the fact), apart from the adding form's. */
  correcting?: boolean;
}) {
  const t = useT();
  const label = (k: 'birthYear' | 'education' | 'politicalStatus') => t(correcting ? `candfields.fix.${k}` : `candfields.${k}`);
  return (
    <>
      <Field label={label('birthYear')}>
        <input
          type="number"
          min={BIRTH_YEAR_RANGE.min}
          max={BIRTH_YEAR_RANGE.max}
          value={value.birthYear}
          onChange={(e) => onChange({ ...value, birthYear: e.target.value })}
          className="ui-input-short"
          disabled={disabled}
          data-testid={`${testPrefix}-birth-year`}
        />
      </Field>
      <Field label={label('education')}>
        <Choice options={EDUCATIONS} value={value.education} word={(x) => t(`candfields.education.${x}`)} onChange={(education) => onChange({ ...value, education })} testId={`${testPrefix}-education`} disabled={disabled} />
      </Field>
      <Field label={label('politicalStatus')}>
        <Choice
          options={POLITICAL_STATUSES}
          value={value.politicalStatus}
          word={(x) => t(`candfields.status.${x}`)}
          onChange={(politicalStatus) => onChange({ ...value, politicalStatus })}
          testId={`${testPrefix}-political-status`}
          disabled={disabled}
        />
      </Field>
    </>
  );
}

/** One of a fixed list, or — for "not given". */
function Choice<T extends string>(props: { options: readonly T[]; value: '' | T; word(x: T): string; onChange(next: '' | T): void; testId: string; disabled: boolean }) {
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.target.value as '' | T)} data-testid={props.testId} disabled={props.disabled}>
      <option value="">—</option>
      {props.options.map((x) => (
        <option key={x} value={x}>
          {props.word(x)}
        </option>
      ))}
    </select>
  );
}

export type GenderDraft = '' | 'female' | 'male';

/** A candidate's gender, or — for "not given"; labelled as the candidates form labels it. */
export function GenderField({ value, onChange, disabled = false, testId }: { value: GenderDraft; onChange(next: GenderDraft): void; disabled?: boolean; testId?: string }) {
  const t = useT();
  return (
    <Field label={t('setup.candidate.gender')}>
      <select value={value} onChange={(e) => onChange(e.target.value as GenderDraft)} disabled={disabled} data-testid={testId}>
        <option value="">—</option>
        <option value="female">{t('setup.gender.female')}</option>
        <option value="male">{t('setup.gender.male')}</option>
      </select>
    </Field>
  );
}
