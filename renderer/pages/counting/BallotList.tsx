import { memo, useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { BallotEntry, type EnteredBallot } from '../../widgets/BallotEntry';
import type { BallotView, DoubtfulRuling, Sheet } from '../../../shared/api/counting';
import { contentText, toContent } from './ballot-text';
import { ErrorNote, Field, useAction, useLoad } from '../../ui';
import { type PersonView } from '../people';
import { approvalOf, CommitteeApprovalFields, NO_APPROVAL, type ApprovalDraft } from '../../widgets/CommitteeApproval';
import { type BallotOfficeView } from './round-ballot';
import { ReasonPrompt, type PromptRequest } from './ReasonPrompt';
import { useMayCall } from '../../app/session/may-call';
import type { SheetBallots } from './sheet-ballots';
import { useRowWindow } from './row-window';
import { SignedWarning } from './SignedWarning';

type Work = { kind: 'correct'; ballot: BallotView } | { kind: 'rule'; ballot: BallotView } | null;

/** Every row is one line of this height (counting-ballots li in counting.css), so a row's place is known unread. */
const ROW_HEIGHT = 38;
/** Unruled doubtful ballots offered as links to go to (the count says how many there are in all). */
const UNRULED_LINKS = 20;

/**
 * The ballots entered so far (latest first), each with a correction; doubtful ones with the committee's ruling. Only
 * the rows in view are drawn and read (a box may hold tens of thousands: row-window.ts); any ballot is one "go to"
 * away.
 */
export function BallotList({
  round,
  box,
  sheet,
  list,
  offices,
  people,
  me,
  accepted,
  onChange,
}: {
  round: number;
  box: string;
  sheet: Sheet | undefined;
  list: SheetBallots;
  offices: BallotOfficeView[];
  people: PersonView[];
  /** The name of the person signed in (null: nobody). */
  me: string | null;
  /** The box was accepted: a correction now needs a committee approval. */
  accepted: boolean;
  /** A ballot was corrected or ruled: the backend's answer for it (both sheets for a ruling with double entry). */
  onChange(changed: readonly BallotView[]): void;
}) {
  const t = useT();
  const [work, setWork] = useState<Work>(null);
  const [target, setTarget] = useState<number | null>(null);
  const count = list.tally?.ballots ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  // Row i (from the top) is ballot count − i: the latest first.
  const rows = useRowWindow(scroller, count, ROW_HEIGHT);
  const indexes: number[] = [];
  for (let i = rows.first; i <= rows.last; i++) indexes.push(i);
  const oldest = count - rows.last;
  const newest = count - rows.first;
  const { need } = list;
  useEffect(() => {
    if (count > 0) need(oldest, newest);
  }, [need, count, oldest, newest, list.version]);

  const goTo = (position: number) => {
    setTarget(position);
    rows.center(count - position);
  };
  const done = (changed: readonly BallotView[]) => {
    setWork(null);
    onChange(changed);
  };
  return (
    <section className="ui-card" data-testid="ballot-list">
      <h4>
        {t('counting.list.title', { n: count })}
        {list.unruled.length > 0 && <strong className="ui-text-warn"> · {t('counting.list.unruled', { n: list.unruled.length })}</strong>}
      </h4>
      <GoTo count={count} unruled={list.unruled} onGo={goTo} />
      {work?.kind === 'correct' && (
        <Correction
          round={round}
          box={box}
          sheet={sheet}
          ballot={work.ballot}
          offices={offices}
          people={people}
          me={me}
          accepted={accepted}
          onDone={done}
          onCancel={() => setWork(null)}
        />
      )}
      {work?.kind === 'rule' && (
        <Ruling round={round} box={box} ballot={work.ballot} offices={offices} people={people} onDone={done} onCancel={() => setWork(null)} />
      )}
      <div ref={scroller} className="counting-ballots" data-testid="ballot-scroller">
        <ul style={{ height: rows.total }}>
          {indexes.map((index) => {
            const position = count - index;
            return (
              <BallotRow key={position} position={position} ballot={list.at(position)} offices={offices} target={position === target} onWork={setWork} />
            );
          })}
        </ul>
      </div>
    </section>
  );
}

/**
 * One ballot's row. Placed from the bottom of the list by its position, so a ballot added at the top moves no other
 * row and the rows already drawn are not drawn again.
 */
const BallotRow = memo(function BallotRow({
  position,
  ballot: b,
  offices,
  target,
  onWork,
}: {
  position: number;
  ballot: BallotView | undefined;
  offices: BallotOfficeView[];
  target: boolean;
  onWork(work: Work): void;
}) {
  const t = useT();
  const may = useMayCall();
  const doubtful = b !== undefined && 'doubtful' in b.content;
  const classes = [doubtful && !b.ruling ? 'counting-doubtful' : '', target ? 'counting-target' : ''].filter(Boolean).join(' ');
  const text = b === undefined ? '' : contentText(t, b.content, offices);
  return (
    <li className={classes || undefined} style={{ bottom: (position - 1) * ROW_HEIGHT, height: ROW_HEIGHT }} data-testid={`ballot-${position}`}>
      <span className="counting-ballot-no">{t('counting.list.position', { n: position })}</span>
      {b === undefined ? (
        <span className="counting-ballot-text ui-muted">{t('counting.list.loadingRow')}</span>
      ) : (
        <>
          <span className="counting-ballot-text" title={text}>
            {text}
          </span>
          {b.ruling && (
            <span className="counting-ruling" title={b.ruling.reason}>
              {' → '}
              {t('counting.list.ruled', {
                decision: 'void' in b.ruling.decision ? t(`ballot.void.${b.ruling.decision.void}`) : t('counting.ruling.countAsRead'),
                by: b.ruling.byName,
                reason: b.ruling.reason,
              })}
            </span>
          )}
          <span className="counting-ballot-actions">
            {doubtful && !b.ruling && (
              <button type="button" onClick={() => onWork({ kind: 'rule', ballot: b })} {...may('ruleDoubtful')} data-testid={`rule-${position}`}>
                {t('counting.rule')}
              </button>
            )}
            <button type="button" onClick={() => onWork({ kind: 'correct', ballot: b })} {...may('correctBallot')} data-testid={`correct-${position}`}>
              {t('counting.correct')}
            </button>
          </span>
        </>
      )}
    </li>
  );
});

/** A ballot number typed to go to it, and the doubtful ballots awaiting a ruling as links. */
function GoTo({ count, unruled, onGo }: { count: number; unruled: readonly number[]; onGo(position: number): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (count === 0) return null;
  return (
    <form
      className="ui-row counting-goto"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(text.trim());
        if (!/^\d+$/.test(text.trim()) || n < 1 || n > count) return setError(t('counting.list.gotoInvalid', { n: count }));
        setError(null);
        onGo(n);
      }}
    >
      <Field label={t('counting.list.goto')}>
        <input inputMode="numeric" size={6} value={text} onChange={(e) => setText(e.target.value)} data-testid="ballot-goto" />
      </Field>
      <button type="submit" data-testid="ballot-goto-button">
        {t('counting.list.gotoButton')}
      </button>
      {unruled.length > 0 && (
        <p className="counting-unruled-links" data-testid="unruled-links">
          {t('counting.list.unruledAt')}
          {unruled.slice(0, UNRULED_LINKS).map((p) => (
            <button key={p} type="button" className="ui-link" onClick={() => onGo(p)} data-testid={`goto-${p}`}>
              {t('counting.list.position', { n: p })}
            </button>
          ))}
          {unruled.length > UNRULED_LINKS && ' …'}
        </p>
      )}
      <ErrorNote error={error} testId="ballot-goto-error" />
    </form>
  );
}

function Correction({
  round,
  box,
  sheet,
  ballot,
  offices,
  people,
  me,
  accepted,
  onDone,
  onCancel,
}: {
  round: number;
  box: string;
  sheet: Sheet | undefined;
  ballot: BallotView;
  offices: BallotOfficeView[];
  people: PersonView[];
  me: string | null;
  accepted: boolean;
  onDone(changed: readonly BallotView[]): void;
  onCancel(): void;
}) {
  const t = useT();
  const api = useApi();
  const [approval, setApproval] = useState<ApprovalDraft>(NO_APPROVAL);
  const [prompt, setPrompt] = useState<PromptRequest | null>(null);
  const action = useAction();
  // A signed round is frozen: say whose signatures a correction revokes before anything is typed.
  const signoffs = useLoad(() => api.call('listSignoffs', { round }), [api, round]);
  const rounds = useLoad(() => api.call('listRounds', {}), [api]);
  const signed = signoffs.data?.filter((s) => s.revoked === null) ?? [];
  const submit = (entered: EnteredBallot): Promise<boolean> =>
    new Promise((resolve) => {
      if (me === null) {
        action.setError(t('counting.signInFirst'));
        resolve(false);
        return;
      }
      const approved = approvalOf(approval);
      if (accepted && approved === undefined) {
        action.setError(t('counting.approval.pinFirst'));
        resolve(false);
        return;
      }
      setPrompt({
        title: t('counting.correction.title', { position: ballot.position }),
        label: t('counting.correction.reason'),
        onDone: async (reason) => {
          setPrompt(null);
          if (reason === null) return resolve(false);
          const note = 'doubtful' in ballot.content ? ballot.content.doubtful.note : t('counting.doubtful.defaultNote');
          const ok = await action.run(() =>
            api.call('correctBallot', {
              round,
              box,
              ...(sheet ? { sheet } : {}),
              position: ballot.position,
              ballot: toContent(entered, note),
              reason,
              ...(approved ? { approval: approved } : {}),
            }),
          );
          setApproval((a) => ({ ...a, pin: '' }));
          resolve(ok !== undefined);
          if (ok) onDone([ok]);
        },
      });
    });
  return (
    <div className="ui-card ui-card-accent" data-testid="correction">
      <h4>{t('counting.correction.title', { position: ballot.position })}</h4>
      <p>
        {t('counting.correction.old')}
        {t('b.sep.label')}
        {contentText(t, ballot.content, offices)}
      </p>
      {signed.length > 0 ? (
        <>
          <SignedWarning
            round={round}
            sealed={rounds.data?.find((r) => r.number === round)?.status === 'sealed'}
            signed={signed}
            people={people}
            onReopened={signoffs.reload}
          />
          <button type="button" onClick={onCancel}>
            {t('b.cancel')}
          </button>
        </>
      ) : signoffs.data === null && signoffs.error === null ? null : (
        <>
          <p data-testid="correction-by">
            {t('counting.correction.by')}
            {t('b.sep.label')}
            {me ?? t('counting.signInFirst')}
          </p>
          {accepted && (
            <div className="ui-row" data-testid="correction-approval">
              <p className="ui-text-warn">{t('counting.correction.approvalNeeded')}</p>
              <CommitteeApprovalFields
                people={people}
                value={approval}
                onChange={setApproval}
                label={t('counting.correction.approval')}
                testId="correction-approver"
              />
            </div>
          )}
          <p className="ui-muted">{t('counting.correction.explain')}</p>
          <BallotEntry offices={offices.map((o) => ({ id: o.id, title: o.title, seats: o.seats, candidates: o.candidates }))} onSubmit={submit} />
          {prompt && <ReasonPrompt request={prompt} />}
          <ErrorNote error={action.error} testId="correction-error" />
          <button type="button" onClick={onCancel}>
            {t('b.cancel')}
          </button>
        </>
      )}
    </div>
  );
}

function Ruling({
  round,
  box,
  ballot,
  offices,
  people,
  onDone,
  onCancel,
}: {
  round: number;
  box: string;
  ballot: BallotView;
  offices: BallotOfficeView[];
  people: PersonView[];
  onDone(changed: readonly BallotView[]): void;
  onCancel(): void;
}) {
  const t = useT();
  const api = useApi();
  const marks = 'doubtful' in ballot.content ? ballot.content.doubtful.marks : undefined;
  const [choice, setChoice] = useState<string>(marks ? 'count' : 'unreadable');
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<ApprovalDraft>(NO_APPROVAL);
  const action = useAction();
  const submit = async () => {
    if (approval.person === null) return action.setError(t('counting.ruling.whoFirst'));
    const approved = approvalOf(approval);
    if (approved === undefined) return action.setError(t('counting.approval.pinFirst'));
    const ruling: DoubtfulRuling =
      choice === 'count' ? { marks: marks ?? {} } : { void: choice as 'unreadable' | 'identifying-mark' | 'other' };
    const ok = await action.run(() => api.call('ruleDoubtful', { round, box, position: ballot.position, ruling, approval: approved, reason }));
    setApproval((a) => ({ ...a, pin: '' }));
    if (ok) onDone(ok);
  };
  return (
    <form
      className="ui-card ui-card-accent"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="ruling"
    >
      <h4>{t('counting.ruling.title', { position: ballot.position })}</h4>
      <p>{contentText(t, ballot.content, offices)}</p>
      <div className="ui-row">
        <Field label={t('counting.ruling.decision')}>
          <select value={choice} onChange={(e) => setChoice(e.target.value)} autoFocus data-testid="ruling-choice">
            {marks && <option value="count">{t('counting.ruling.countAsRead')}</option>}
            <option value="unreadable">{t('counting.ruling.void', { reason: t('ballot.void.unreadable') })}</option>
            <option value="identifying-mark">{t('counting.ruling.void', { reason: t('ballot.void.identifying-mark') })}</option>
            <option value="other">{t('counting.ruling.void', { reason: t('ballot.void.other') })}</option>
          </select>
        </Field>
        <CommitteeApprovalFields people={people} value={approval} onChange={setApproval} label={t('counting.ruling.by')} testId="ruling-by" />
        <label className="ui-field ui-grow">
          <span>{t('counting.ruling.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="ruling-reason" />
        </label>
      </div>
      <ErrorNote error={action.error} testId="ruling-error" />
      <div className="ui-row">
        <button type="submit" className="ui-primary" disabled={action.busy || reason.trim() === ''} data-testid="ruling-save">
          {t('counting.ruling.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('b.cancel')}
        </button>
      </div>
    </form>
  );
}
