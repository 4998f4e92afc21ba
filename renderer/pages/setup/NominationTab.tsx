import { useState, type FormEvent } from 'react';
import type { NominationOverview } from '../../../shared/api/nomination';
import type { ElectionOverview } from '../../../shared/api/setup';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, Loading, OkNote, useAction, useLoad } from '../../ui';
import { FormalList } from './FormalList';
import { NominationOffice } from './NominationOffice';

export function rangeText(t: ReturnType<typeof useT>, margin: NominationOverview['offices'][number]['margin']): string {
  if (margin.max === null) return t('nomination.rangeOpen', { min: margin.min });
  return margin.max === margin.min ? t('nomination.rangeExact', { n: margin.min }) : t('nomination.range', { min: margin.min, max: margin.max });
}

/** Nomination to formal candidates: the joint-nomination rule, one office at a time, and the formal list. */
export function NominationTab({ overview, onChanged }: { overview: ElectionOverview; onChanged(): void }) {
  const t = useT();
  const api = useApi();
  const [reloadKey, setReloadKey] = useState(0);
  const loaded = useLoad(() => api.call('nominationOverview', {}), [api, reloadKey]);
  const [office, setOffice] = useState<string | null>(null);
  const data = loaded.data;
  const changed = () => setReloadKey((k) => k + 1);
  const locked = (overview.rounds[0]?.status ?? 'prepared') !== 'prepared';
  if (!data) {
    return (
      <>
        <ErrorNote error={loaded.error} testId="nomination-load-error" />
        {loaded.loading && <Loading />}
      </>
    );
  }
  const current = data.offices.find((o) => o.office === office) ?? data.offices[0];
  return (
    <section className="ui-stack" data-testid="nomination-tab">
      <div className="ui-card ui-no-print">
        <h3>{t('setup.tab.nomination')}</h3>
        <p className="ui-muted">{t('nomination.explain')}</p>
        {locked && <p className="ui-text-warn" data-testid="nomination-locked">{t('nomination.locked')}</p>}
        <JointRule value={data.jointNominators} onSaved={changed} />
        <Field label={t('nomination.office')}>
          <select value={current?.office ?? ''} onChange={(e) => setOffice(e.target.value)} data-testid="nomination-office">
            {data.offices.map((o) => (
              <option key={o.office} value={o.office}>
                {t('nomination.officeOption', { title: o.title, seats: o.seats, range: rangeText(t, o.margin) })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {current && <NominationOffice key={current.office} office={current} jointNominators={data.jointNominators} onChanged={changed} />}
      <FormalList
        overview={overview}
        nominations={data}
        onConfirmed={() => {
          changed();
          onChanged();
        }}
      />
    </section>
  );
}

function JointRule({ value, onSaved }: { value: number; onSaved(): void }) {
  const t = useT();
  const api = useApi();
  const may = useMayCall()('setJointNominators');
  const [n, setN] = useState(String(value));
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = await action.run(() => api.call('setJointNominators', { jointNominators: Number(n) }));
    if (out) {
      setDone(t('nomination.ruleSaved', { n: out.jointNominators }));
      onSaved();
    }
  };
  return (
    <form className="ui-row" onSubmit={submit} data-testid="nomination-rule">
      <Field label={t('nomination.rule')}>
        <input type="number" min={2} max={500} value={n} onChange={(e) => setN(e.target.value)} required data-testid="nomination-rule-field" />
      </Field>
      <button type="submit" disabled={action.busy} {...may}>
        {t('nomination.ruleSave')}
      </button>
      <ErrorNote error={action.error} testId="nomination-rule-error" />
      <OkNote testId="nomination-rule-ok">{done}</OkNote>
    </form>
  );
}
