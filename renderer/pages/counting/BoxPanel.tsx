import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { BallotEntry, type EnteredBallot } from '../../widgets/BallotEntry';
import type { BallotView, BoxCountView, DisagreementView, Sheet } from '../../../shared/api/counting';
import type { RunningTally } from '../../../shared/rules/running-tally';
import { BallotList } from './BallotList';
import { toContent } from './ballot-text';
import { ErrorNote, Field, Loading, OkNote, useAction } from '../../ui';
import { usePeople } from '../people';
import { useSession } from '../../app/session/session-context';
import { type BallotOfficeView, signed, useRoundBallot } from './round-ballot';
import { Disagreements } from './Disagreements';
import { ReasonPrompt, type PromptRequest } from './ReasonPrompt';
import { TallyBoard } from './TallyBoard';
import { useSheetBallots } from './sheet-ballots';
import { useMayCall } from '../../app/session/may-call';

function focusBallotSheet(): void {
  focusTestId('ballot-sheet');
}

function focusTestId(id: string): void {
  setTimeout(() => document.querySelector<HTMLElement>(`[data-testid=${id}]`)?.focus(), 0);
}

/** One box: open it (seal check first), record the ballots found, enter the called ballots, rule, correct, finish. */
export function BoxPanel({ round, box }: { round: number; box: string }) {
  const may = useMayCall();
  const t = useT();
  const api = useApi();
  const offices = useRoundBallot(round);
  const { people } = usePeople();
  const me = useSession().session;
  const [view, setView] = useState<BoxCountView | null>(null);
  const [missing, setMissing] = useState(false);
  const [doubleEntry, setDoubleEntry] = useState<boolean | null>(null);
  const [sheet, setSheet] = useState<Sheet>('A');
  const [prompt, setPrompt] = useState<PromptRequest | null>(null);
  const [disagreements, setDisagreements] = useState<DisagreementView[]>([]);
  const [okText, setOkText] = useState<string | null>(null);
  const [bigBoard, setBigBoard] = useState(false);
  const action = useAction();

  // The box's state; its ballots and tally are the sheet's (useSheetBallots), read once and then kept up to date
  // from each answer.
  const loadView = useCallback(async () => {
    try {
      const all = await api.call('countingOverview', { round });
      const v = all.find((b) => b.box === box) ?? null;
      setMissing(v === null);
      setView(v);
      // Both sheets complete: their differences are real, show them (also after coming back to the box).
      if (v && doubleEntry && v.status === 'counting' && v.found !== null && v.sheets.every((s) => s.entered >= v.found!)) {
        setDisagreements(await api.call('boxDisagreements', { round, box }));
      }
    } catch (err) {
      action.setError(err);
    }
  }, [api, round, box, doubleEntry, action.setError]);
  const list = useSheetBallots(round, box, sheet, view !== null && view.status !== 'not-opened', offices);
  const entryOffices = useMemo(() => offices.map(toEntryOffice), [offices]);
  const load = useCallback(async () => {
    await Promise.all([loadView(), list.reload()]);
  }, [loadView, list.reload]);

  useEffect(() => {
    void loadView();
  }, [loadView]);
  useEffect(() => {
    api.call('countingSettings', {}).then(
      (s) => setDoubleEntry(s.doubleEntry),
      (err) => (setDoubleEntry(false), action.setError(err)),
    );
  }, [api, action.setError]);

  // Double entry: the counter signed in at this computer says which sheet before entering; coming back, the sheet
  // they already enter is chosen again.
  const mySheet = me === null ? undefined : view?.sheets.find((s) => s.counter === me.name)?.sheet;
  useEffect(() => {
    if (doubleEntry && mySheet !== undefined) setSheet(mySheet);
  }, [doubleEntry, mySheet]);
  const askedSheet = useRef(false);
  const ready = doubleEntry === true && view?.status === 'counting' && view.found !== null;
  useEffect(() => {
    if (!ready || askedSheet.current) return;
    askedSheet.current = true;
    focusTestId('sheet-picker');
  }, [ready]);
  const afterFound = () => (doubleEntry ? focusTestId('sheet-picker') : focusBallotSheet());

  const open = async () => {
    const v = await action.run(() => api.call('openBox', { round, box }));
    if (v) {
      setView(v);
      setOkText(t('counting.opened', { name: v.name }));
      setTimeout(() => document.querySelector<HTMLElement>('[data-testid=found-input]')?.focus(), 0);
    }
  };

  // Where the next ballot goes on each sheet: what the box view says or what was entered since, whichever is further
  // (the view is reloaded after each entry and may come back after the next one was sent). Sent with each entry, so a
  // re-send lands on the same place and a stale screen is told instead of adding a ballot.
  // Entries go one after another (the entry widget lets the counter type on while one is sent), so each is given its
  // position after the answer for the one before.
  const nextPosition = useRef(new Map<Sheet, number>());
  const sending = useRef<Promise<unknown>>(Promise.resolve());
  const enteredOnSheet = view?.sheets.find((s) => s.sheet === sheet)?.entered ?? 0;
  const found = useRef<number | null>(null);
  found.current = view?.found ?? null;
  const enter = useCallback(
    (entered: EnteredBallot): Promise<boolean> => {
      const send = (note: string): Promise<boolean> => {
        const turn = sending.current.then(() => sendNow(note));
        sending.current = turn;
        return turn;
      };
      const sendNow = async (note: string): Promise<boolean> => {
        try {
          const position = Math.max(nextPosition.current.get(sheet) ?? 1, enteredOnSheet + 1);
          const r = await api.call('enterBallot', {
            round,
            box,
            ...(doubleEntry ? { sheet } : {}),
            ballot: toContent(entered, note),
            position,
          });
          nextPosition.current.set(sheet, r.position + 1);
          action.setError(null);
          setOkText(t(r.alreadyEntered ? 'counting.alreadyEntered' : 'counting.entered', { position: r.position }));
          list.entered(r.ballot);
          setView((v) => v && enteredOn(v, r.ballot, me?.name ?? null));
          // This sheet is complete: with double entry the other sheet may be too, and their differences are shown.
          if (doubleEntry && found.current !== null && r.position >= found.current) void loadView();
          return true;
        } catch (err) {
          action.setError(err);
          return false;
        }
      };
      if (!('doubtful' in entered)) return send('');
      // A doubtful ballot needs a note for the committee; the entry waits and comes back if it is cancelled.
      return new Promise<boolean>((resolve) => {
        setPrompt({
          title: t('counting.doubtful.title'),
          label: t('counting.doubtful.note'),
          initial: t('counting.doubtful.defaultNote'),
          onDone: async (note) => {
            setPrompt(null);
            focusBallotSheet();
            resolve(note === null ? false : await send(note));
          },
        });
      });
    },
    [api, round, box, doubleEntry, sheet, enteredOnSheet, list.entered, loadView, me, t, action.setError],
  );

  const finish = async () => {
    if (doubleEntry) {
      // A sheet still being entered on the other computer is not a disagreement: say so instead of listing every ballot.
      const fresh = await action.run(() => api.call('countingOverview', { round }));
      const v = fresh?.find((b) => b.box === box);
      if (!v) return;
      setView(v);
      const behind = v.found === null ? undefined : v.sheets.find((x) => x.entered < v.found!);
      if (behind && v.found !== null) {
        action.setError(t('counting.double.sheetBehind', { sheet: behind.sheet, entered: behind.entered, found: v.found }));
        return;
      }
    }
    const r = await action.run(() => api.call('finishBox', { round, box }));
    if (!r) return;
    setView(r.box);
    setDisagreements(r.disagreements);
    setOkText(r.accepted ? t('counting.accepted', { name: r.box.name }) : null);
    if (r.accepted) void loadView();
  };

  if (missing) return <ErrorNote error={t('counting.noSuchBox', { box })} />;
  if (!view || doubleEntry === null) return <Loading />;

  const tally = list.tally;
  const entered = view.sheets.find((s) => s.sheet === sheet)?.entered ?? 0;
  // The signed-in counter is the sheet's counter: with double entry nobody enters before someone signs in.
  const waitingForCounter = doubleEntry && me === null;

  return (
    <div className="counting-box" data-testid="box-panel" data-status={view.status}>
      <p>
        <a href={hrefFor('counting')}>← {t('counting.backToBoxes')}</a>
      </p>
      <h3 className="counting-box-title">
        {view.name} <small className="ui-muted">{view.box}</small>
        <span className={`counting-badge counting-status-${view.status}`} data-testid="box-status">
          {t(`counting.status.${view.status}`)}
        </span>
      </h3>
      <ErrorNote error={action.error} testId="counting-error" />
      <OkNote testId="counting-ok">{okText}</OkNote>

      {view.status === 'not-opened' ? (
        <div className="ui-card">
          <p className="ui-lead">{t('counting.openExplain')}</p>
          <button type="button" className="ui-primary" onClick={open} disabled={action.busy} autoFocus {...may('openBox')} data-testid="open-box">
            {t('counting.open')}
          </button>
          {action.error !== null && (
            <p>
              <a href={hrefFor('boxes')}>{t('counting.toCustody')}</a>
            </p>
          )}
        </div>
      ) : (
        <>
          {disagreements.length > 0 && (
            <Disagreements
              round={round}
              box={box}
              list={disagreements}
              sheets={view.sheets}
              offices={offices}
              me={me?.name ?? null}
              onChange={(d) => {
                setDisagreements(d);
                void load();
                // The last disagreement settled: the box is finished again at once (accepted, or told what is missing).
                if (d.length === 0) void finish();
              }}
            />
          )}
          <FoundForm view={view} round={round} onChange={(v) => (setView(v), afterFound())} />
          {doubleEntry && (
            <div className="ui-row" data-testid="sheet-choice">
              <Field label={t('counting.sheet')}>
                <select value={sheet} onChange={(e) => setSheet(e.target.value as Sheet)} data-testid="sheet-picker">
                  <option value="A">{t('counting.sheetName', { sheet: 'A' })}</option>
                  <option value="B">{t('counting.sheetName', { sheet: 'B' })}</option>
                </select>
              </Field>
              <p data-testid="counter-name">
                {t('counting.counter')}
                {t('b.sep.label')}
                {me?.name ?? t('counting.signInFirst')}
              </p>
              {waitingForCounter && view.status === 'counting' && <p className="ui-text-warn" data-testid="choose-counter">{t('counting.double.chooseFirst')}</p>}
            </div>
          )}
          <div className="counting-count-grid">
            <div>
              <h4 data-testid="entry-title">
                {view.status === 'accepted' ? (
                  t('counting.status.accepted')
                ) : view.found !== null && entered >= view.found ? (
                  <span className="ui-text-good">{t('counting.allEntered', { found: view.found })}</span>
                ) : (
                  <>
                    {t('counting.entryTitle', { n: entered + 1 })}
                    {view.found !== null && <small className="ui-muted"> {t('counting.ofFound', { found: view.found })}</small>}
                  </>
                )}
              </h4>
              {view.status === 'counting' && entered === 0 && (
                <p className="ui-text-warn ui-lead" data-testid="mix-reminder">
                  {t('counting.mixReminder')}
                </p>
              )}
              {view.status === 'counting' ? (
                entryOffices.length > 0 && <BallotEntry
                    offices={entryOffices}
                    onSubmit={enter}
                    disabled={prompt !== null || waitingForCounter}
                    autoFocus={view.found !== null && !doubleEntry}
                  />
              ) : (
                <p className="ui-lead">{t('counting.acceptedNoEntry')}</p>
              )}
              {prompt && <ReasonPrompt request={prompt} />}
            </div>
            <div>
              <div className="ui-head">
                <h4>{t('counting.tallyTitle')}</h4>
                <button type="button" onClick={() => setBigBoard(true)} data-testid="big-board">
                  {t('counting.bigBoard')}
                </button>
              </div>
              {tally ? <TallyBoard tally={tally} size="normal" /> : <Loading />}
            </div>
          </div>
          {view.status === 'counting' && (
            <div className="ui-card">
              <p>{t('counting.finishExplain')}</p>
              <button type="button" className="ui-primary" onClick={finish} disabled={action.busy} {...may('finishBox')} data-testid="finish-box">
                {t('counting.finish')}
              </button>
            </div>
          )}
          <ErrorNote error={list.error} testId="ballots-error" />
          <BallotList
            round={round}
            box={box}
            sheet={doubleEntry ? sheet : undefined}
            list={list}
            offices={offices}
            people={people}
            me={me?.name ?? null}
            accepted={view.status === 'accepted'}
            onChange={(changed) => {
              list.replaced(changed);
              void loadView();
            }}
          />
        </>
      )}
      {bigBoard && tally && <BigBoard title={view.name} tally={tally} onClose={() => setBigBoard(false)} />}
    </div>
  );
}

/** The box's view after a ballot was entered on a sheet: its count (and its counter, now the person signed in). */
function enteredOn(v: BoxCountView, b: BallotView, me: string | null): BoxCountView {
  return { ...v, sheets: v.sheets.map((s) => (s.sheet === b.sheet ? { ...s, entered: Math.max(s.entered, b.position), counter: s.counter ?? me } : s)) };
}

function toEntryOffice(o: BallotOfficeView) {
  return { id: o.id, title: o.title, seats: o.seats, candidates: o.candidates.map((c) => ({ id: c.id, name: c.name })) };
}

/** The ballots taken out of the box, typed once; the difference to the ballots issued is shown at once. */
function FoundForm({ view, round, onChange }: { view: BoxCountView; round: number; onChange(v: BoxCountView): void }) {
  const t = useT();
  const api = useApi();
  const [text, setText] = useState(view.found === null ? '' : String(view.found));
  const action = useAction();
  const submit = async () => {
    const found = Number(text.trim());
    if (!/^\d+$/.test(text.trim())) {
      action.setError(t('counting.found.invalid'));
      return;
    }
    const v = await action.run(() => api.call('recordBallotsFound', { round, box: view.box, found }));
    if (v) onChange(v);
  };
  const diff = view.difference;
  return (
    <div className="ui-card counting-found">
      <form
        className="ui-row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t('counting.found.label')}>
          <input
            inputMode="numeric"
            value={text}
            onChange={(e) => setText(e.target.value)}
            disabled={view.status === 'accepted'}
            data-testid="found-input"
            size={6}
          />
        </Field>
        <button type="submit" disabled={action.busy || view.status === 'accepted'} data-testid="found-save">
          {t('counting.found.save')}
        </button>
        <p className="counting-found-numbers" data-testid="found-numbers">
          {t('counting.found.issued', { issued: view.issued })}
          {view.found !== null && <> · {t('counting.found.found', { found: view.found })}</>}
          {diff !== null && (
            <strong className={diff === 0 ? 'ui-text-good' : 'ui-text-bad'} data-testid="found-diff">
              {' · '}
              {diff === 0 ? t('counting.found.match') : t('counting.found.diff', { diff: signed(diff) })}
            </strong>
          )}
        </p>
      </form>
      <ErrorNote error={action.error} testId="found-error" />
    </div>
  );
}

/** The running tally large enough for the hall: a full-screen overlay, Esc closes. */
function BigBoard({ title, tally, onClose }: { title: string; tally: RunningTally; onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className="counting-bigboard"
      tabIndex={-1}
      role="dialog"
      aria-label={t('counting.tallyTitle')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
          focusBallotSheet();
        }
      }}
      data-testid="bigboard"
    >
      <h2>
        {title} — {t('counting.tallyTitle')} <small>{t('counting.bigBoardClose')}</small>
      </h2>
      <TallyBoard tally={tally} size="large" />
    </div>
  );
}
