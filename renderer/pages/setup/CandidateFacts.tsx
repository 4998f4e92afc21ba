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

/** "1980年生 · 本科 · 中共党员" for the candidate list, or '' when nothing is known. */
export function candidateFactsText(f: Overview['candidateFacts'][number] | undefined, t: Translate): string {
  if (f === undefined) return '';
  return [
    f.birthYear === null ? null : t('candfields.born', { year: f.birthYear }),
    f.education === null ? null : t(`candfields.education.${f.education}`),
    f.politicalStatus === null ? null : t(`candfields.status.${f.politicalStatus}`),
  ]
    .filter((x) => x !== null)
    .join(' · ');
}

export function CandidateFactFields({ value, onChange }: { value: CandidateFactsDraft; onChange(next: CandidateFactsDraft): void }) {
  const t = useT();
  return (
    <>
      <Field label={t('candfields.birthYear')}>
        <input
          type="number"
          min={BIRTH_YEAR_RANGE.min}
          max={BIRTH_YEAR_RANGE.max}
          value={value.birthYear}
          onChange={(e) => onChange({ ...value, birthYear: e.target.value })}
          className="ui-input-short"
          data-testid="candidate-birth-year"
        />
      </Field>
      <Field label={t('candfields.education')}>
        <Choice options={EDUCATIONS} value={value.education} word={(x) => t(`candfields.education.${x}`)} onChange={(education) => onChange({ ...value, education })} testId="candidate-education" />
      </Field>
      <Field label={t('candfields.politicalStatus')}>
        <Choice
          options={POLITICAL_STATUSES}
          value={value.politicalStatus}
          word={(x) => t(`candfields.status.${x}`)}
          onChange={(politicalStatus) => onChange({ ...value, politicalStatus })}
          testId="candidate-political-status"
        />
      </Field>
    </>
  );
}

/** One of a fixed list, or — for "not given". */
function Choice<T extends string>(props: { options: readonly T[]; value: '' | T; word(x: T): string; onChange(next: '' | T): void; testId: string }) {
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.target.value as '' | T)} data-testid={props.testId}>
      <option value="">—</option>
      {props.options.map((x) => (
        <option key={x} value={x}>
          {props.word(x)}
        </option>
      ))}
    </select>
  );
}
