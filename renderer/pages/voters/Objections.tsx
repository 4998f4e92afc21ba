import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ObjectionView } from '../../../shared/api/roll-life';
import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { printPage } from '../../api/shell';
import { ErrorNote, Field, Loading, OkNote, useAction, useLoad } from '../../ui';
import { approvalField, NO_APPROVAL } from '../../widgets/CommitteeApproval';
import type { ListedVoter } from '../../widgets/VoterSearch';
import { DecisionFields } from './RollChangeForms';
import { correctionOf, EMPTY_DRAFT, VoterFieldsInputs, type VoterDraft } from './VoterFieldsInputs';

/**
 * Objections (申诉) to the published roll: recorded as filed, listed with the deadline each must be decided by
 * (counted down, late ones flagged), decided by the committee — an upheld one can change the roll in the same
 * write — and each decision printable on A4 for publication.
 */
export function Objections({ voter, today, title, reloadKey, onChanged }: {
  voter: ListedVoter | null;
  today: string;
  title: string;
  reloadKey: number;
  onChanged(): void;
}) {
  const api = useApi();
  const t = useT();
  const list = useLoad(() => api.call('listObjections', {}), [api, reloadKey]);
  const [printing, setPrinting] = useState<ObjectionView | null>(null);
  const print = async (o: ObjectionView) => {
    flushSync(() => setPrinting(o));
    await printPage();
  };
  const changed = () => {
    list.reload();
    onChanged();
  };
  return (
    <div className="ui-stack" data-testid="objections">
      <FileObjection voter={voter} today={today} onFiled={changed} />
      <ErrorNote error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data?.length === 0 && <p className="ui-muted">{t('roll.obj.none')}</p>}
      <ol className="voters-objections ui-list">
        {list.data?.map((o) => (
          <li key={o.id} className="ui-card" data-testid={`objection-${o.id}`}>
            <ObjectionFacts o={o} />
            {o.decision === null ? (
              <DecideObjection o={o} today={today} onDecided={changed} />
            ) : (
              <button type="button" onClick={() => void print(o)} data-testid={`objection-${o.id}-print`}>
                {t('roll.obj.print')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {printing && <DecisionPaper o={printing} title={title} />}
    </div>
  );
}

function ObjectionFacts({ o }: { o: ObjectionView }) {
  const t = useT();
  const when = useWhen();
  const decision = o.decision === null ? null : t(o.decision === 'upheld' ? 'roll.obj.upheld' : 'roll.obj.rejected');
  return (
    <>
      <strong>{t('roll.obj.item', o)}</strong>
      <p>{o.about ? t('roll.obj.about', o.about) : t('roll.obj.aboutNone')}</p>
      <p className="voters-pre">{o.what}</p>
      {o.filedLate && <p className="ui-text-warn" data-testid={`objection-${o.id}-filed-late`}>{t('roll.obj.filedLate')}</p>}
      {o.decision === null ? (
        <p className={o.decisionLate ? 'ui-text-bad' : 'ui-text-warn'} data-testid={`objection-${o.id}-deadline`}>
          {o.decisionLate ? t('roll.obj.overdue', { date: when.date(o.decideBy) }) : t('roll.obj.daysLeft', { date: when.date(o.decideBy), n: o.daysLeft ?? 0 })}
        </p>
      ) : (
        <>
          <p data-testid={`objection-${o.id}-decision`}>{t('roll.obj.decision', { decision: decision!, date: o.decidedOn ? when.date(o.decidedOn) : '', reason: o.decisionReason ?? '' })}</p>
          {o.decisionLate && <p className="ui-text-warn">{t('roll.obj.decidedLate', { date: when.date(o.decideBy) })}</p>}
          {o.change && (
            <p data-testid={`objection-${o.id}-change`}>
              {t('roll.obj.changed', { kind: t(`roll.obj.kind.${o.change.kind}`), name: o.change.name, certificate: o.change.certificate })}
            </p>
          )}
        </>
      )}
    </>
  );
}

function FileObjection({ voter, today, onFiled }: { voter: ListedVoter | null; today: string; onFiled(): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall()('fileObjection');
  const [filedBy, setFiledBy] = useState('');
  const [filedOn, setFiledOn] = useState(today);
  const [aboutChosen, setAboutChosen] = useState(true);
  const [what, setWhat] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const about = aboutChosen && voter ? { about: voter.certificate } : {};
    const out = await action.run(() => api.call('fileObjection', { filedBy, filedOn, what, ...about }));
    if (out) {
      setDone(t('roll.obj.filed', out));
      setFiledBy('');
      setWhat('');
      onFiled();
    }
  };
  return (
    <form className="ui-form" onSubmit={submit} data-testid="objection-file">
      <h4>{t('roll.obj.file')}</h4>
      <div className="ui-grid">
        <Field label={t('roll.obj.filedBy')}>
          <input value={filedBy} onChange={(e) => setFiledBy(e.target.value)} required maxLength={64} data-testid="objection-filed-by" />
        </Field>
        <Field label={t('roll.obj.filedOn')}>
          <input type="date" value={filedOn} max={today} onChange={(e) => setFiledOn(e.target.value)} required data-testid="objection-filed-on" />
        </Field>
        <label className="ui-check">
          <input type="radio" checked={aboutChosen && voter !== null} disabled={!voter} onChange={() => setAboutChosen(true)} data-testid="objection-about-chosen" />
          {voter ? t('roll.obj.aboutChosen', voter) : t('roll.chooseVoter')}
        </label>
        <label className="ui-check">
          <input type="radio" checked={!aboutChosen || voter === null} onChange={() => setAboutChosen(false)} data-testid="objection-about-roll" />
          {t('roll.obj.aboutRoll')}
        </label>
      </div>
      <Field label={t('roll.obj.what')}>
        <textarea value={what} onChange={(e) => setWhat(e.target.value)} required maxLength={500} rows={2} data-testid="objection-what" />
      </Field>
      <ErrorNote error={action.error} testId="objection-file-error" />
      {done && <OkNote testId="objection-filed">{done}</OkNote>}
      <button type="submit" disabled={action.busy} {...may} data-testid="objection-file-submit">
        {t('roll.obj.submit')}
      </button>
    </form>
  );
}

type ChangeKind = 'none' | 'remove' | 'correct' | 'add';

function DecideObjection({ o, today, onDecided }: { o: ObjectionView; today: string; onDecided(): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall()('decideObjection');
  const [decision, setDecision] = useState<'upheld' | 'rejected'>('upheld');
  const [reason, setReason] = useState('');
  const [decidedOn, setDecidedOn] = useState(today);
  const [kind, setKind] = useState<ChangeKind>('none');
  const [draft, setDraft] = useState<VoterDraft>(EMPTY_DRAFT);
  const [approval, setApproval] = useState(NO_APPROVAL);
  const action = useAction();
  const kinds: ChangeKind[] = o.about ? ['none', 'remove', 'correct'] : ['none', 'add'];
  const changeOf = () => {
    if (decision !== 'upheld' || kind === 'none') return {};
    if (kind === 'remove') return { change: { kind: 'remove' as const } };
    if (kind === 'correct') return { change: { kind: 'correct' as const, change: correctionOf(draft) } };
    const { name, idNumber, group, category, ...rest } = correctionOf(draft);
    return { change: { kind: 'add' as const, voter: { name: name ?? '', idNumber: idNumber ?? '', group: group ?? '', category: category ?? 'resident', ...rest } } };
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = await action.run(() => api.call('decideObjection', { objection: o.id, decision, reason, decidedOn, ...changeOf(), ...approvalField(approval) }));
    if (out) onDecided();
  };
  const id = `objection-${o.id}`;
  return (
    <form className="ui-form" onSubmit={submit} data-testid={`${id}-decide`}>
      <h4>{t('roll.obj.decide')}</h4>
      <div className="ui-grid">
        <Field label={t('roll.obj.decisionField')}>
          <select value={decision} onChange={(e) => setDecision(e.target.value as 'upheld' | 'rejected')} data-testid={`${id}-decision-field`}>
            <option value="upheld">{t('roll.obj.upheld')}</option>
            <option value="rejected">{t('roll.obj.rejected')}</option>
          </select>
        </Field>
        <Field label={t('roll.obj.decidedOn')}>
          <input type="date" value={decidedOn} min={o.filedOn} onChange={(e) => setDecidedOn(e.target.value)} required data-testid={`${id}-decided-on`} />
        </Field>
        {decision === 'upheld' && (
          <Field label={t('roll.obj.change')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as ChangeKind)} data-testid={`${id}-change-kind`}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`roll.obj.change.${k}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {decision === 'upheld' && (kind === 'correct' || kind === 'add') && (
          <VoterFieldsInputs value={draft} onChange={setDraft} required={kind === 'add'} testId={`${id}-voter`} />
        )}
        <DecisionFields approval={approval} onApproval={setApproval} reason={reason} onReason={setReason} testId={id} />
      </div>
      <ErrorNote error={action.error} testId={`${id}-error`} />
      <button type="submit" disabled={action.busy} {...may} data-testid={`${id}-submit`}>
        {t('roll.obj.decideSubmit')}
      </button>
    </form>
  );
}

/** The decision on A4, for posting beside the roll. */
function DecisionPaper({ o, title }: { o: ObjectionView; title: string }) {
  const t = useT();
  const when = useWhen();
  const decision = t(o.decision === 'upheld' ? 'roll.obj.upheld' : 'roll.obj.rejected');
  return (
    <section className="ui-print-only voters-decision" data-testid="objection-paper">
      <h2>{t('roll.obj.printTitle', { title })}</h2>
      <p>{t('roll.obj.item', o)}</p>
      <p>{o.about ? t('roll.obj.about', o.about) : t('roll.obj.aboutNone')}</p>
      <p>{t('roll.obj.printBody', { filedBy: o.filedBy, filedOn: when.date(o.filedOn), what: o.what })}</p>
      <p>{t('roll.obj.printDecision', { decision, reason: o.decisionReason ?? '' })}</p>
      {o.change && <p>{t('roll.obj.changed', { kind: t(`roll.obj.kind.${o.change.kind}`), name: o.change.name, certificate: o.change.certificate })}</p>}
      <p className="voters-decision-sign">{t('roll.obj.printSign', { date: o.decidedOn ? when.date(o.decidedOn) : '' })}</p>
    </section>
  );
}
