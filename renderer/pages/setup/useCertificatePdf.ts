import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import type { CertificateBatch, CertificatePrintView } from '../../../shared/api/certificates';
import { useAction, type Action } from '../../ui';

const POLL_MS = 400;

export interface CertificatePdf {
  job: CertificatePrintView | null;
  action: Action;
  start(batch: CertificateBatch): Promise<void>;
  cancel(): Promise<void>;
}

/** A batch drawn into a PDF by the backend: started, followed by polling its progress, cancelled on request. */
export function useCertificatePdf(): CertificatePdf {
  const api = useApi();
  const { lang } = useLang();
  const action = useAction();
  const [job, setJob] = useState<CertificatePrintView | null>(null);
  const running = job?.state === 'running' ? job.job : null;
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    if (!running) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api.call('certificatePrintProgress', { job: running }).then(
        (v) => {
          if (!alive.current) return;
          setJob(v);
          if (v.state === 'running') timer = setTimeout(poll, POLL_MS);
        },
        (err: unknown) => action.setError(err),
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => clearTimeout(timer);
  }, [api, running, action.setError]);

  const start = useCallback(
    async (batch: CertificateBatch) => {
      setJob(null);
      const started = await action.run(() => api.call('startCertificatePrint', { batch, lang }));
      if (started) setJob(started);
    },
    [api, lang, action],
  );

  const cancel = useCallback(async () => {
    if (!running) return;
    const v = await action.run(() => api.call('cancelCertificatePrint', { job: running }));
    if (v) setJob(v);
  }, [api, running, action]);

  return { job, action, start, cancel };
}
