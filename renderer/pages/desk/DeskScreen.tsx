import { SecondCopyWarning } from '../../widgets/SecondCopyWarning';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { CertificateInput, type DeskAnswer, type LastIssued } from '../../widgets/CertificateInput';
import { currentRound } from '../rounds';
import { ErrorNote, Loading, OkNote, useLoad } from '../../ui';
import { useMayCall } from '../../app/session/may-call';
import './desk.css';
import { issuedAnswer, notOpenAnswer, refusalAnswer, refusalOf } from './answers';
import { DeskChooser, DESK_STORAGE_KEY, HELPER_STORAGE_KEY } from './DeskChooser';
import { FindVoter } from './FindVoter';
import { UndoLastIssue } from './UndoLastIssue';

interface PendingProxy {
  certificate: string;
  trustee: { name: string; group: string };
}

/**
 * Issuance at one desk: the desk is chosen once (remembered on this computer), the round is the one open for voting,
 * and the one field takes every scan. The live count is this desk's own, from the backend's issuance records (so it
 * survives a reload and is the same on every computer). A proxy ballot asks for the trustee's own certificate next;
 * Esc cancels that.
 */
export function DeskScreen() {
  const api = useApi();
  // Only desk staff issue: anyone else at this screen is told so before the first scan, not by a refusal after it.
  const mayIssue = useMayCall()('issueBallot');
  const t = useT();
  const desks = useLoad(() => api.call('listDesks', {}), [api]);
  const rounds = useLoad(() => api.call('listRounds', {}), [api]);
  const people = useLoad(() => api.call('listPeople', {}), [api]);
  const [deskId, setDeskId] = useState<string | null>(() => localStorage.getItem(DESK_STORAGE_KEY));
  const [helperId, setHelperId] = useState<string>(() => localStorage.getItem(HELPER_STORAGE_KEY) ?? '');
  const [pending, setPending] = useState<PendingProxy | null>(null);
  const [stock, setStock] = useState<{ issued: number; spoiled: number; inHand: number; boxName: string } | null>(null);
  const [deskIssued, setDeskIssued] = useState<number | null>(null);
  const [finding, setFinding] = useState(false);
  const [found, setFound] = useState<{ certificate: string; name: string; seq: number } | null>(null);
  const [last, setLast] = useState<LastIssued | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [undone, setUndone] = useState<{ name: string; seq: number } | null>(null);

  const desk = desks.data?.find((d) => d.id === deskId) ?? null;
  const round = rounds.data ? currentRound(rounds.data) : null;
  const helpers = (people.data ?? []).filter((p) => p.roles.some((r) => r.role === 'writing-helper'));
  const deskCount = desks.data?.filter((d) => d.box === desk?.box).length ?? 0;

  // One turnout answer carries both this desk's issued count and its box's ballot stock.
  const refreshCounts = useCallback(async () => {
    if (!desk || !round) return;
    const turnout = await api.call('turnout', { round: round.number });
    const mine = turnout.boxes.find((s) => s.box === desk.box);
    setStock(mine ? { issued: mine.issued, spoiled: mine.spoiled, inHand: mine.inHand, boxName: mine.boxName } : null);
    setDeskIssued(turnout.byDesk.find((d) => d.desk === desk.id)?.issued ?? 0);
  }, [api, desk, round]);

  useEffect(() => {
    setDeskIssued(null);
    void refreshCounts().catch(() => setStock(null));
    const timer = setInterval(() => void refreshCounts().catch(() => {}), 10_000);
    return () => clearInterval(timer);
  }, [refreshCounts]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && finding) {
        e.preventDefault();
        setFinding(false);
      } else if (e.key === 'Escape' && undoing) {
        e.preventDefault();
        setUndoing(false);
      } else if (e.key === 'Escape' && pending) {
        e.preventDefault();
        setPending(null);
      } else if (e.key === 'F4') {
        e.preventDefault();
        setFinding((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, finding, undoing]);

  if (!desks.data || !rounds.data) {
    return (
      <div className="ui-screen ui-stack">
        <ErrorNote error={desks.error ?? rounds.error} />
        {(desks.loading || rounds.loading) && <Loading />}
      </div>
    );
  }
  if (!round) return <p className="ui-text-warn">{t('deskpage.noRound')}</p>;
  if (!desk) {
    return (
      <div className="ui-screen ui-stack">
        <DeskChooser
          desks={desks.data}
          onChoose={(id) => {
            localStorage.setItem(DESK_STORAGE_KEY, id);
            setDeskId(id);
          }}
        />
      </div>
    );
  }

  const onScan = async (scanned: string): Promise<DeskAnswer> => {
    const proxy = pending;
    const certificate = proxy ? proxy.certificate : scanned;
    setFound(null);
    setUndone(null);
    try {
      const out = await api.call('issueBallot', {
        certificate,
        round: round.number,
        desk: desk.id,
        ...(proxy ? { trusteeCertificate: scanned } : {}),
      });
      setPending(null);
      setLast({ certificate: out.certificate, name: out.voter.name });
      setDeskIssued((n) => (n ?? 0) + 1); // shown at once; the backend's count follows
      void refreshCounts().catch(() => {});
      return issuedAnswer(out);
    } catch (err) {
      const r = refusalOf(err);
      if (r?.reason === 'proxy-trustee-required') {
        setPending({ certificate, trustee: r.trustee });
        return { kind: 'proxy-ask', certificate, trustee: t('deskpage.trustee', { name: r.trustee.name, group: r.trustee.group }) };
      }
      setPending(null);
      const calm = r ? notOpenAnswer(certificate, r, round.number, stock?.boxName ?? desk.box, t) : null;
      if (calm) return calm;
      const answer = r ? refusalAnswer(certificate, r) : null;
      if (answer?.kind === 'already-issued' || answer?.kind === 'household-voted') return { ...answer, desk: desks.data?.find((d) => d.id === answer.desk)?.name ?? answer.desk };
      if (answer) return answer;
      throw err;
    }
  };

  const chosenHelper = () => {
    // No helper registered is a set-up gap, said with where to fix it; one registered but not chosen is chosen above.
    if (helpers.length === 0) throw new Error(t('deskpage.noHelpers'));
    const helper = helpers.find((h) => String(h.id) === helperId);
    if (!helper) throw new Error(t('deskpage.chooseHelper'));
    return helper;
  };
  const askAssisted = (v: LastIssued) => t('deskpage.confirmAssisted', { name: v.name, helper: chosenHelper().name });
  const onAssisted = async (certificate: string) => {
    await api.call('recordAssistedWriting', { certificate, round: round.number, helper: chosenHelper().id });
  };

  const onExchange = async () => {
    await api.call('exchangeSpoiled', { round: round.number, desk: desk.id });
    void refreshCounts().catch(() => {});
  };

  return (
    <div className="ui-screen ui-stack desk-screen" data-testid="desk-screen">
      <header className="desk-head">
        <p className="desk-where" data-testid="desk-where">
          {t('deskpage.where', { desk: desk.name, box: stock?.boxName ?? desk.box, round: round.number })}
        </p>
        {mayIssue.title !== undefined && (
          <p className="ui-text-warn" data-testid="desk-not-allowed" data-refused={mayIssue['data-refused']}>
            {mayIssue.title}
          </p>
        )}
        {round.status !== 'voting' && (
          <p className="ui-text-warn" role="status" data-testid="desk-not-voting">
            {t('deskpage.notVoting', { status: t(`sa.status.${round.status}`) })}{' '}
            {round.status === 'prepared' && <a href={hrefFor('boxes')}>{t('deskpage.calm.toBoxes')}</a>}
          </p>
        )}
        <label className="ui-inline">
          {t('deskpage.helper')}
          <select
            value={helperId}
            onChange={(e) => {
              setHelperId(e.target.value);
              localStorage.setItem(HELPER_STORAGE_KEY, e.target.value);
            }}
            data-testid="desk-helper"
          >
            <option value="">{t('setup.choose')}</option>
            {helpers.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setFinding((open) => !open)} aria-keyshortcuts="F4" aria-expanded={finding} data-testid="desk-find">
          {t('deskfind.open')} <kbd>F4</kbd>
        </button>
        <button type="button" onClick={() => setUndoing((open) => !open)} aria-expanded={undoing} data-testid="desk-undo">
          {t('deskundo.open')}
        </button>
        <a href={hrefFor('desk', 'not-voted')} data-testid="desk-not-voted-link">
          {t('notvoted.open')}
        </a>
        <button
          type="button"
          onClick={() => {
            localStorage.removeItem(DESK_STORAGE_KEY);
            setDeskId(null);
          }}
        >
          {t('deskpage.changeDesk')}
        </button>
      </header>
      <SecondCopyWarning />
      {pending && (
        <div className="desk-proxy-prompt" role="alert" data-testid="proxy-prompt">
          <p className="ui-big">{t('deskpage.proxyTitle')}</p>
          <p>{t('deskpage.proxyAsk', { name: pending.trustee.name, group: pending.trustee.group })}</p>
          <p className="ui-muted">{t('deskpage.proxyCancel')}</p>
        </div>
      )}
      {finding && (
        <FindVoter
          onClose={() => setFinding(false)}
          onFound={(v) => {
            setFinding(false);
            setFound((f) => ({ certificate: v.certificate, name: v.name, seq: (f?.seq ?? 0) + 1 }));
          }}
        />
      )}
      {undoing && (
        <UndoLastIssue
          round={round.number}
          desk={desk.id}
          last={last}
          onClose={() => setUndoing(false)}
          onUndone={(v) => {
            setUndoing(false);
            setLast(null);
            setUndone((u) => ({ name: v.name, seq: (u?.seq ?? 0) + 1 }));
            void refreshCounts().catch(() => {});
          }}
        />
      )}
      {undone && <OkNote testId="desk-undone">{t('deskundo.done', { name: undone.name })}</OkNote>}
      {found && <OkNote testId="desk-found">{t('deskfind.filled', { name: found.name })}</OkNote>}
      <CertificateInput
        fill={found}
        onScan={onScan}
        onAssisted={onAssisted}
        askAssisted={askAssisted}
        forgetLast={undone?.seq ?? 0}
        onExchange={onExchange}
        issuedCount={deskIssued ?? 0}
      />
      {stock && (
        <p className="desk-stock" data-testid="desk-stock">
          {deskCount > 1
            ? t('deskpage.stockShared', { box: stock.boxName, issued: stock.issued, spoiled: stock.spoiled, inHand: stock.inHand })
            : t('deskpage.stock', { spoiled: stock.spoiled, inHand: stock.inHand })}
        </p>
      )}
    </div>
  );
}
