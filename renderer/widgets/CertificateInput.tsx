import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useLang } from '../app/i18n';
import { errorText } from '../ui';
import { formatDateTime } from '../ui/when';
import { isCertificateNumber, normalizeCertificate } from './certificate';

/** The desk's answer to one scanned certificate. */
export type DeskAnswer =
  | { kind: 'issue'; certificate: string; name: string; group: string; proxy: { trustee: string } | null }
  | { kind: 'already-issued'; certificate: string; at: string; venue: string; desk: string }
  | { kind: 'wrong-venue'; certificate: string; venue: string }
  | { kind: 'unknown'; certificate: string }
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
  /** A certificate number found by another way (the voter search): put in the field, to be checked and sent with Enter. */
  fill?: { certificate: string; seq: number } | null;
}

type Panel =
  | { kind: 'waiting' }
  | { kind: 'busy'; certificate: string }
  | { kind: 'answer'; answer: DeskAnswer }
  | { kind: 'error'; message: string };

const TONE: Record<DeskAnswer['kind'] | 'waiting' | 'busy' | 'error', string> = {
  issue: 'tone-go',
  'already-issued': 'tone-stop',
  'wrong-venue': 'tone-warn',
  unknown: 'tone-none',
  'not-open': 'tone-idle',
  waiting: 'tone-idle',
  busy: 'tone-idle',
  error: 'tone-stop',
};

/**
 * The desk's one field. It keeps the keyboard focus (after every answer, when the window regains focus, and when a
 * click lands on nothing focusable), so a scanner's "digits + Enter" always arrives here.
 */
export function CertificateInput({ onScan, onAssisted, onExchange, issuedCount, fill = null }: CertificateInputProps) {
  const { t, lang } = useLang();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [panel, setPanel] = useState<Panel>({ kind: 'waiting' });
  const [lastIssued, setLastIssued] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [seq, setSeq] = useState(0);
  const busy = panel.kind === 'busy';

  const refocus = useCallback(() => inputRef.current?.focus(), []);

  useEffect(() => {
    refocus();
    window.addEventListener('focus', refocus);
    return () => window.removeEventListener('focus', refocus);
  }, [refocus]);

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
      if (answer.kind === 'issue') setLastIssued(answer.certificate);
    } catch (err) {
      setPanel({ kind: 'error', message: errorText(err, lang) });
    }
    setSeq((n) => n + 1);
    refocus();
  };

  const followUp = useCallback(
    async (action: ((certificate: string) => void | Promise<void>) | undefined, done: string) => {
      if (!action) return;
      if (!lastIssued) {
        setNotice(t('desk.noLastBallot'));
        return refocus();
      }
      try {
        await action(lastIssued);
        setNotice(done);
      } catch (err) {
        setNotice(errorText(err, lang));
      }
      refocus();
    },
    [lastIssued, refocus, t, lang],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' && onAssisted) {
        e.preventDefault();
        void followUp(onAssisted, t('desk.assistedDone'));
      } else if (e.key === 'F3' && onExchange) {
        e.preventDefault();
        void followUp(onExchange, t('desk.exchangeDone'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [followUp, onAssisted, onExchange, t]);

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
    case 'unknown':
      return (
        <>
          <p className="answer-word">? {t('desk.answer.unknown')}</p>
          <p className="answer-detail">{t('desk.answer.unknownDetail', { number: a.certificate })}</p>
        </>
      );
  }
}
