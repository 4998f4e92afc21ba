import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { formatCertificateNumber } from '../../../shared/domain/certificate';
import { ErrorNote, Field, OkNote, useAction } from '../../ui';
import { voterCardOf, type VoterCard } from './voter-cards';

const SHOWN = 20;

interface Found {
  total: number;
  voters: { name: string; group: string; certificate: string; assignment: string }[];
}

/**
 * One voter's certificate again (lost or damaged): a small search by name or certificate number (the roll's
 * listVoters), the reason, then the reprint is recorded and the card handed to `onReprint` to print.
 */
export function CertificateReprint({ onReprint }: { onReprint(card: VoterCard): void }) {
  const api = useApi();
  const t = useT();
  const may = useMayCall();
  const search = useAction();
  const record = useAction();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<VoterCard | null>(null);

  const find = async (ev: FormEvent) => {
    ev.preventDefault();
    const q = query.trim();
    if (!q) return;
    setChosen(null);
    setDone(null);
    const page = await search.run(() => api.call('listVoters', { search: q, offset: 0, limit: SHOWN }));
    if (page) setFound({ total: page.total, voters: page.voters.map((v) => ({ ...v, assignment: v.assignment.name })) });
  };

  const reprint = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!chosen) return;
    const card = await record.run(() => api.call('recordCertificateReprint', { certificate: chosen, reason }));
    if (!card) return;
    const printed = voterCardOf(card);
    setDone(printed);
    setChosen(null);
    setReason('');
    onReprint(printed);
  };

  return (
    <section className="ui-card ui-no-print" data-testid="cert-reprint">
      <h3>{t('setup.cert.reprint.title')}</h3>
      <p className="ui-muted">{t('setup.cert.reprint.hint')}</p>
      <form className="ui-row" onSubmit={(ev) => void find(ev)}>
        <label className="ui-field ui-grow">
          <span className="ui-field-label">{t('setup.cert.reprint.search')}</span>
          <input value={query} maxLength={40} onChange={(ev) => setQuery(ev.target.value)} data-testid="cert-reprint-search" />
        </label>
        <button type="submit" disabled={search.busy || !query.trim()} data-testid="cert-reprint-find">
          {t('setup.cert.reprint.find')}
        </button>
      </form>
      <ErrorNote error={search.error} />
      {found && found.voters.length === 0 && <p data-testid="cert-reprint-none">{t('setup.cert.reprint.none')}</p>}
      {found && found.total > found.voters.length && <p className="ui-muted">{t('setup.cert.reprint.more', { n: found.total, shown: found.voters.length })}</p>}
      {found && found.voters.length > 0 && (
        <table className="ui-table ui-table-rows" data-testid="cert-reprint-results">
          <tbody>
            {found.voters.map((v) => (
              <tr key={v.certificate} data-certificate={v.certificate}>
                <td>{v.name}</td>
                <td>{v.group}</td>
                <td className="ui-mono">{formatCertificateNumber(v.certificate)}</td>
                <td>{v.assignment}</td>
                <td>
                  <button type="button" onClick={() => setChosen(v.certificate)} aria-pressed={chosen === v.certificate} {...may('recordCertificateReprint')}>
                    {t('setup.cert.reprint.choose')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && (
        <form className="ui-row" onSubmit={(ev) => void reprint(ev)} data-testid="cert-reprint-form">
          <Field label={`${t('setup.cert.reprint.reason')} · ${formatCertificateNumber(chosen)}`}>
            <input value={reason} maxLength={500} required onChange={(ev) => setReason(ev.target.value)} data-testid="cert-reprint-reason" />
          </Field>
          <button type="submit" className="ui-primary" disabled={record.busy || !reason.trim()} data-testid="cert-reprint-record">
            {t('setup.cert.reprint.record')}
          </button>
        </form>
      )}
      <ErrorNote error={record.error} />
      <OkNote testId="cert-reprint-done">{done && t('setup.cert.reprint.done', { name: done.name, certificate: formatCertificateNumber(done.certificate) })}</OkNote>
    </section>
  );
}
