import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, OkNote, useAction } from '../../ui';

const GENESIS = '0'.repeat(64);
/** Records checked per call: a few tens of milliseconds of hashing, so progress moves and the backend stays free. */
const STRETCH = 4000;

type Outcome =
  | { ok: true; count: number; head: string }
  | { ok: false; badSeq: number; position: number; code: 'out-of-sequence' | 'not-following' | 'edited' };

/**
 * "Verify the chain" on demand: the backend's chain walk (the one `station audit verify` runs) in stretches, with
 * progress, ending at the head (count:hash) or at the first broken link.
 */
export function ChainCheck({ onShow }: { onShow(seq: number): void }) {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const verify = () =>
    action.run(async () => {
      setOutcome(null);
      let at = { afterSeq: 0, prevHash: GENESIS };
      for (;;) {
        const step = await api.call('verifyAuditStep', { ...at, limit: STRETCH });
        if (!alive.current) return;
        if (!step.ok) {
          setOutcome(step);
          setProgress(null);
          return;
        }
        setProgress({ done: step.count, total: Math.max(step.total, step.count) });
        if (step.done) {
          setOutcome({ ok: true, count: step.count, head: step.head });
          setProgress(null);
          return;
        }
        at = { afterSeq: step.count, prevHash: step.head };
      }
    });

  return (
    <section className="ui-card audit-chain" data-testid="audit-chain">
      <div className="ui-row">
        <button type="button" onClick={() => void verify()} disabled={action.busy} data-testid="audit-verify">
          {t('audit.verify')}
        </button>
        <span className="ui-muted">{t('audit.verifyExplain')}</span>
      </div>
      {progress && (
        <p role="status" data-testid="audit-verify-progress">
          <progress value={progress.done} max={progress.total || 1} /> {t('audit.verifying', progress)}
        </p>
      )}
      <ErrorNote error={action.error} />
      {outcome?.ok && (
        <OkNote testId="audit-intact">
          <span className="ui-mono">{t('audit.intact', { count: outcome.count, hash: outcome.head })}</span>
        </OkNote>
      )}
      {outcome && !outcome.ok && (
        <div className="ui-card ui-card-bad" role="alert" data-testid="audit-broken">
          <p>
            {t('audit.broken', {
              seq: outcome.badSeq,
              why:
                outcome.code === 'out-of-sequence'
                  ? t('audit.why.out-of-sequence', { expected: outcome.position })
                  : t(`audit.why.${outcome.code}`),
            })}
          </p>
          <button type="button" onClick={() => onShow(outcome.badSeq)}>
            {t('audit.showBroken')}
          </button>
        </div>
      )}
    </section>
  );
}
