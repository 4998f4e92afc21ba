import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { saveMadeFile } from '../../api/save-file';
import type { InputOf } from '../../../shared/api/envelope';
import type { StationsContract } from '../../../shared/api/stations';
import { ErrorNote, useAction } from '../../ui';

/** Saves the A4 slip (PDF) of the package, return or takeover just made: the save dialog in Electron, a download in a browser. */
export function SlipButton({ slip, testId }: { slip: InputOf<StationsContract, 'stationSlip'>; testId: string }) {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const go = async () => {
    setSaved(null);
    const path = await action.run(async () => {
      const f = await api.call('stationSlip', slip);
      return saveMadeFile({ fileName: f.fileName, mimeType: f.mime, content: { base64: f.contentBase64 } });
    });
    if (path) setSaved(path);
  };
  return (
    <div className="ui-row">
      <button type="button" onClick={() => void go()} disabled={action.busy} data-testid={testId}>
        {t('stations.slipPdf')}
      </button>
      {saved && <span className="ui-muted">{t('stations.slipSaved', { path: saved })}</span>}
      <ErrorNote error={action.error} />
    </div>
  );
}
