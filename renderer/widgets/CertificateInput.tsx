import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useLang } from '../app/i18n';
import { errorText } from '../ui';
import { formatDateTime } from '../../shared/domain/when';
import { isCertificateNumber, normalizeCertificate } from './certificate';

/** The desk's answer to one scanned certificate. */
export type DeskAnswer =
  | { kind: 'issue'; certificate: string; name: string; group: string; proxy: { trustee: string } | null }
  | { kind: 'already-issued'; certificate: string; at: string; venue: string; desk: string }
  /** Household election: another member of the household already received this round's ballot. */
  | { kind: 'household-voted'; certificate: string; household: string; name: string; byCertificate: string; at: string; venue: string; desk: string }
  | { kind: 'wrong-venue'; certificate: string; venue: string }
  | { kind: 'unknown'; certificate: string }
  /** A proxy ballot: an instruction (scan the trustee's own certificate), not a refusal. */
  | { kind: 'proxy-ask'; certificate: string; trustee: string }
  /** Nothing wrong with the voter: the round or the desk's box is not open yet. Said calmly, with where to fix it. */
  | { kind: 'not-open'; certificate: string; what: string; fix: { href: string; label: string } | null };

export interface CertificateInputProps {
  /** Issues (or refuses) a ballot for the normalised certificate number; the answer is shown in the big panel. */
  onScan(certificate: string): DeskAnswer | Promise<DeskAnswer>;
  /** F2: record assisted writing (代写) for the last issued ballot. */
  onAssisted?(certificate: string): void | Promise<void>;
  /** F3: exchange a spoiled ballot (换票) for the last issued ballot. */
  onExchange?(certificate: string): void | Promise<void>;
  /** Ballots issued at this desk so far (live count). */
  issuedCount: number;
  /**
   * F2's question before it acts, for the last issued voter; throws (an Error whose message is shown) when assisted
   * writing cannot be recorded yet, e.g. no writing helper is registered. Without it the widget asks in its own words.
   */
  askAssisted?(last: LastIssued): string;
  /** Bump to forget the last issued ballot (it was undone): F2/F3 then have nothing to act on. */
  forgetLast?: number;
  /** A certificate number found by another way (the voter search): put in the field, to be checked and sent with Enter. */
  fill?: { certificate: string; seq: number } | null;
}

/** The last ballot issued at this field: what F2 and F3 act on. */
export interface LastIssued {
  certificate: string;
  name: string;
}

/** F2 or F3 asked and waiting for Enter (go) or Esc (cancel). */
interface Pending {
  act(): void | Promise<void>;
  question: string;
  done: string;
}

type Panel =
  | { kind: 'waiting' }
  | { kind: 'busy'; certificate: string }
  | { kind: 'answer'; answer: DeskAnswer }
  | { kind: 'error'; message: string };

const TONE: Record<DeskAnswer['kind'] | 'waiting' | 'busy' | 'error', string> = {
  issue: 'tone-go',
  'already-issued': 'tone-stop',
  'household-voted': 'tone-stop',
  'wrong-venue': 'tone-warn',
  unknown: 'tone-none',
  'proxy-ask': 'tone-ask',
  'not-open': 'tone-idle',
  waiting: 'tone-idle',
  busy: 'tone-idle',
  error: 'tone-stop',
};

/**
 * The desk's one field. It keeps the keyboard focus (after every answer, when the window regains focus, and when a
 * click lands on nothing focusable), so a scanner's "digits + Enter" always arrives here.
 */
export function CertificateInput({ onScan, onAssisted, onExchange, askAssisted, forgetLast = 0, issuedCount, fill = null }: CertificateInputProps) {
  const { t, lang } = useLang();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [panel, setPanel] = useState<Panel>({ kind: 'waiting' });
  const [lastIssued, setLastIssued] = useState<LastIssued | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPendingState] = useState<Pending | null>(null);
  // The key handler reads the ref: an Enter right after F2 must find the question even before React re-renders.
  const pendingRef = useRef<Pending | null>(null);
  const setPending = useCallback((p: Pending | null) => {
    pendingRef.current = p;
    setPendingState(p);
  }, []);
  const [seq, setSeq] = useState(0);
  const busy = panel.kind === 'busy';

  const refocus = useCallback(() => inputRef.current?.focus(), []);

  useEffect(() => {
    refocus();
    window.addEventListener('focus', refocus);
    return () => window.removeEventListener('focus', refocus);
  }, [refocus]);

  useEffect(() => {
    if (forgetLast === 0) return;
    setLastIssued(null);
    setPending(null);
  }, [forgetLast, setPending]);

  useEffect(() => {
    if (!fill) return;
    setValue(fill.certificate);
    refocus();
  }, [fill, refocus]);

  const onBlur = () => {
    // Give focus back unless it went somewhere on purpose (a dialog, another field, a button).
    setTimeout(() => {
      const active = document.activeElement;
      if (active === null || active === document.body || active === document.documentElement) refocus();
    }, 0);
  };

  const scan = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setPending(null);
    const certificate = normalizeCertificate(value);
    setValue('');
    setNotice(null);
    if (certificate === '') return refocus();
    if (!isCertificateNumber(certificate)) {
      setPanel({ kind: 'error', message: t('desk.invalidNumber') });
      setSeq((n) => n + 1);
      return refocus();
    }
    setPanel({ kind: 'busy', certificate });
    try {
      const answer = await onScan(certificate);
      setPanel({ kind: 'answer', answer });
      if (answer.kind === 'issue') setLastIssued({ certificate: answer.certificate, name: answer.name });
    } catch (err) {
      setPanel({ kind: 'error', message: errorText(err, lang) });
    }
    setSeq((n) => n + 1);
    refocus();
  };

  // F2/F3 ask first; Enter (with the field empty) does it, Esc cancels, and a scan meanwhile cancels it too.
  const ask = useCallback(
    (key: 'F2' | 'F3') => {
      const action = key === 'F2' ? onAssisted : onExchange;
      if (!action) return;
      if (!lastIssued) {
        setPending(null);
        setNotice(t('desk.noLastBallot'));
        return refocus();
      }
      const last = lastIssued;
      try {
        const question =
          key === 'F2'
            ? (askAssisted?.(last) ?? t('desk.confirm.assisted', { name: last.name }))
            : t('desk.confirm.exchange', { name: last.name });
        setNotice(null);
        setPending({ act: () => action(last.certificate), question, done: t(key === 'F2' ? 'desk.assistedDone' : 'desk.exchangeDone') });
      } catch (err) {
        setPending(null);
        setNotice(errorText(err, lang));
      }
      refocus();
    },
    [askAssisted, lastIssued, onAssisted, onExchange, refocus, setPending, t, lang],
  );

  const settle = useCallback(
    async (go: boolean) => {
      const p = pendingRef.current;
      setPending(null);
      if (!p || !go) return refocus();
      try {
        await p.act();
        setNotice(p.done);
      } catch (err) {
        setNotice(errorText(err, lang));
      }
      refocus();
    },
    [refocus, setPending, lang],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' || e.key === 'F3') {
        if ((e.key === 'F2' ? onAssisted : onExchange) === undefined) return;
        e.preventDefault();
        ask(e.key);
      } else if (pendingRef.current && e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        void settle(false);
      } else if (pendingRef.current && e.key === 'Enter' && (inputRef.current?.value ?? '') === '') {
        e.preventDefault();
        e.stopPropagation();
        void settle(true);
      }
    };
    // Capture: the confirmation's Enter must not reach the field's form as an empty scan.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [ask, settle, onAssisted, onExchange]);

  const formatWhen = (iso: string) => formatDateTime(iso, lang);

  const tone = TONE[panel.kind === 'answer' ? panel.answer.kind : panel.kind];

  return (
    <div className="desk">
      <form className="desk-form" onSubmit={scan}>
        <label htmlFor="certificate-field" className="desk-label">
          {t('desk.inputLabel')}
        </label>
        <input
          id="certificate-field"
          ref={inputRef}
          className="desk-field"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onBlur={onBlur}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('desk.placeholder')}
          aria-keyshortcuts="F2 F3"
          data-testid="certificate-field"
        />
      </form>
      <div
        key={seq}
        className={`desk-answer ${tone}`}
        role="status"
        aria-live="assertive"
        data-testid="desk-answer"
        data-kind={panel.kind === 'answer' ? panel.answer.kind : panel.kind}
        onMouseUp={refocus}
      >
        <AnswerBody panel={panel} formatWhen={formatWhen} />
      </div>
      {pending && (
        <div className="desk-confirm" role="alertdialog" aria-label={pending.question} data-testid="desk-confirm">
          <p className="desk-confirm-question">{pending.question}</p>
          <p className="desk-confirm-keys">{t('desk.confirm.keys')}</p>
        </div>
      )}
      {notice && (
        <p className="desk-notice" role="status" data-testid="desk-notice">
          {notice}
        </p>
      )}
      <footer className="desk-footer">
        <span className="desk-count" data-testid="desk-count">
          {t('desk.issuedCount', { count: issuedCount })}
        </span>
        <span className="desk-keys">
          {onAssisted && <kbd>{t('desk.keys.f2')}</kbd>} {onExchange && <kbd>{t('desk.keys.f3')}</kbd>}
        </span>
      </footer>
    </div>
  );
}

function AnswerBody({ panel, formatWhen }: { panel: Panel; formatWhen(iso: string): string }) {
  const { t } = useLang();
  if (panel.kind === 'waiting') return <p className="answer-word">{t('desk.answer.waiting')}</p>;
  if (panel.kind === 'busy') return <p className="answer-word">{t('desk.answer.busy')}</p>;
  if (panel.kind === 'error') return <p className="answer-word answer-error">{panel.message}</p>;
  const a = panel.answer;
  const cert = <p className="answer-cert">{t('desk.certificate', { number: a.certificate })}</p>;
  switch (a.kind) {
    case 'issue':
      return (
        <>
          <p className="answer-word">✔ {t('desk.answer.issue')}</p>
          <p className="answer-detail answer-name">{t('desk.answer.issueDetail', { name: a.name, group: a.group })}</p>
          <p className="answer-detail">{a.proxy ? t('desk.answer.proxy', { trustee: a.proxy.trustee }) : t('desk.answer.noProxy')}</p>
          {cert}
        </>
      );
    case 'already-issued':
      return (
        <>
          <p className="answer-word">✖ {t('desk.answer.already')}</p>
          <p className="answer-detail">{t('desk.answer.alreadyDetail', { when: formatWhen(a.at), venue: a.venue, desk: a.desk })}</p>
          {cert}
        </>
      );
    case 'household-voted':
      return (
        <>
          <p className="answer-word">✖ {t('desk.answer.household')}</p>
          <p className="answer-detail" data-testid="desk-household-voted">
            {t('desk.answer.householdDetail', { household: a.household, name: a.name, certificate: a.byCertificate, when: formatWhen(a.at), venue: a.venue, desk: a.desk })}
          </p>
          {cert}
        </>
      );
    case 'wrong-venue':
      return (
        <>
          <p className="answer-word">➜ {t('desk.answer.wrongVenue')}</p>
          <p className="answer-detail">{t('desk.answer.wrongVenueDetail', { venue: a.venue })}</p>
          {cert}
        </>
      );
    case 'not-open':
      return (
        <>
          <p className="answer-word">{t('desk.answer.notOpen')}</p>
          <p className="answer-detail" data-testid="desk-not-open">
            {a.what}
          </p>
          {a.fix && (
            <p className="answer-detail">
              <a href={a.fix.href} data-testid="desk-not-open-fix">
                {a.fix.label}
              </a>
            </p>
          )}
          <p className="answer-cert">{t('desk.answer.notOpenCert', { number: a.certificate })}</p>
        </>
      );
    case 'proxy-ask':
      return (
        <>
          <p className="answer-word">{t('desk.answer.proxyAsk')}</p>
          <p className="answer-detail" data-testid="desk-proxy-ask">
            {t('desk.answer.proxyAskDetail', { trustee: a.trustee })}
          </p>
          <p className="answer-cert">{t('desk.answer.proxyAskCancel')}</p>
        </>
      );
    case 'unknown':
      return (
        <>
          <p className="answer-word">? {t('desk.answer.unknown')}</p>
          <p className="answer-detail">{t('desk.answer.unknownDetail', { number: a.certificate })}</p>
        </>
      );
  }
}
