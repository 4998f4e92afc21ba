import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { printPage } from '../../api/shell';
import { ErrorNote, useAction } from '../../ui';
import { usePlaceName, type ListedVoter, type VoterQuery } from '../../widgets/VoterSearch';

const PRINT_PAGE = 1000;

/**
 * The list of the voters the search shows (one residents' group, one polling station …), on A4: fetched in full only
 * when asked for, drawn in the print-only part of the page, with a column for the voter's signature at the desk.
 * Only those to vote are printed (in an election by representatives, the representatives).
 */
export function PrintList({ query, what, title }: { query: VoterQuery; what: string; title: string }) {
  const api = useApi();
  const t = useT();
  const placeName = usePlaceName();
  const [voters, setVoters] = useState<ListedVoter[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; n: number } | null>(null);
  const action = useAction();

  const print = () =>
    action.run(async () => {
      const all: ListedVoter[] = [];
      for (let total = Infinity; all.length < total; ) {
        const page = await api.call('listVoters', { ...query, electors: true, offset: all.length, limit: PRINT_PAGE });
        total = page.total;
        all.push(...page.voters);
        setProgress({ done: all.length, n: total });
        if (page.voters.length === 0) break;
      }
      flushSync(() => setVoters(all));
      setProgress(null);
      await printPage();
    });

  const withHousehold = voters ? voters.some((v) => v.household !== undefined) : null;
  return (
    <>
      <div className="ui-actions ui-no-print">
        <button type="button" onClick={() => void print()} disabled={action.busy} data-testid="voters-print">
          {t('voters.print')}
        </button>
        <span className="ui-muted">{t('voters.printHint')}</span>
        {progress && <span role="status">{t('voters.preparing', progress)}</span>}
      </div>
      <ErrorNote error={action.error} />
      {voters && (
        <section className="ui-print-only voters-print" data-testid="voters-print-list">
          <h2>{t('voters.printTitle', { title })}</h2>
          <p>{t('voters.printWhat', { what, n: voters.length })}</p>
          <table className="ui-table">
            <thead>
              <tr>
                <th>{t('voters.col.no')}</th>
                <th>{t('vsearch.col.name')}</th>
                <th>{t('vsearch.col.group')}</th>
                <th>{t('vsearch.col.certificate')}</th>
                {withHousehold && <th>{t('roll.col.household')}</th>}
                <th>{t('vsearch.col.place')}</th>
                <th>{t('voters.col.signature')}</th>
              </tr>
            </thead>
            <tbody>
              {voters.map((v, i) => (
                <tr key={v.certificate}>
                  <td>{i + 1}</td>
                  <td>{v.name}</td>
                  <td>{v.group}</td>
                  <td>{v.certificate}</td>
                  {withHousehold && <td>{v.household ?? ''}</td>}
                  <td>{placeName(v.assignment)}</td>
                  <td className="voters-sign" />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
