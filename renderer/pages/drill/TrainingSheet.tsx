import type { DrillCredentialsView, DrillSampleView } from '../../../shared/api/drill';
import { useT } from '../../app/i18n';
import { ErrorNote, type Loaded, Loading, useAction } from '../../ui';
import { printPage } from '../../api/shell';

type Person = DrillCredentialsView['people'][number];

/**
 * The drill's training material, printable on A4: the certificates to practise with at the desks, and the officials
 * with the PINs the drill gave them. Printing shows only this sheet (everything else on the page is marked ui-no-print).
 */
/** `samples`: the practice certificates; null when not known (a note says where to find numbers); 'none' for a complete drill. */
export function TrainingSheet({ election, samples, creds }: { election: string; samples: DrillSampleView[] | null | 'none'; creds: Loaded<DrillCredentialsView> }) {
  const t = useT();
  const print = useAction();

  return (
    <section className="drill-sheet" aria-labelledby="drill-sheet-title" data-testid="drill-sheet">
      <div className="ui-spread">
        <h2 id="drill-sheet-title">
          <span className="drill-mark">{t('drill.badge')}</span>
          {t('drillpage.sheet.title')}
        </h2>
        <button type="button" className="ui-no-print" onClick={() => void print.run(printPage)} data-testid="drill-print">
          {t('drillpage.sheet.print')} <kbd>Ctrl+P</kbd>
        </button>
      </div>
      <p className="ui-big">{election}</p>
      <p className="ui-text-warn">{t('drillpage.sheet.notReal')}</p>
      <ErrorNote error={print.error} />

      {samples !== 'none' && (
        <>
          <h3>{t('drillpage.samples.title')}</h3>
          {samples ? <Samples samples={samples} /> : <p className="ui-muted">{t('drillpage.samples.none')}</p>}
        </>
      )}

      <h3>{t('drillpage.pins.title')}</h3>
      <p className="ui-muted">{t('drillpage.pins.hint')}</p>
      <ErrorNote error={creds.error} testId="drill-pins-error" />
      {creds.loading && !creds.data && <Loading />}
      {creds.data && <Pins people={creds.data.people} />}
    </section>
  );
}

function Samples({ samples }: { samples: DrillSampleView[] }) {
  const t = useT();
  return (
    <>
      <p className="ui-muted">{t('drillpage.samples.hint')}</p>
      <table className="ui-table" data-testid="drill-samples">
        <thead>
          <tr>
            <th scope="col">{t('drillpage.samples.certificate')}</th>
            <th scope="col">{t('drillpage.samples.name')}</th>
            <th scope="col">{t('drillpage.samples.group')}</th>
            <th scope="col">{t('drillpage.samples.desk')}</th>
            <th scope="col">{t('drillpage.samples.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {samples.map((s) => (
            <tr key={s.certificate} data-testid="drill-sample" data-box={s.box} data-kind={s.kind}>
              <td className="drill-cert" data-testid="drill-sample-certificate">
                {s.certificate}
              </td>
              <td>{s.name}</td>
              <td>{s.group}</td>
              <td>
                {s.boxName}（{s.box}）<br />
                <small>{s.venueName}</small>
              </td>
              <td>
                {s.kind === 'proxy'
                  ? t('drillpage.samples.kind.proxy', { trustee: s.trusteeCertificate ?? '—' })
                  : t(`drillpage.samples.kind.${s.kind}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Pins({ people }: { people: Person[] }) {
  const t = useT();
  const duty = (p: Person): string =>
    [
      ...(p.committee ? [t('drillpage.pins.committee', { position: t(`setup.position.${p.committee}`) })] : []),
      ...p.roles.map((r) => `${t(`setup.role.${r.role}`)}${r.venue ? t('drillpage.pins.venue', { venue: r.venueName ?? r.venue }) : ''}`),
      ...p.boxes.map((box) => t('drillpage.pins.mobileStaff', { box })),
    ].join('、');
  // Those who sign (and so need their PIN) first, in the order the drill set them.
  const ordered = [...people.filter((p) => p.pin !== null), ...people.filter((p) => p.pin === null)];
  return (
    <table className="ui-table" data-testid="drill-pins">
      <thead>
        <tr>
          <th scope="col">{t('drillpage.pins.name')}</th>
          <th scope="col">{t('drillpage.pins.role')}</th>
          <th scope="col">{t('drillpage.pins.pin')}</th>
        </tr>
      </thead>
      <tbody>
        {ordered.map((p) => (
          <tr key={p.id} data-testid="drill-pin-row">
            <th scope="row">{p.name}</th>
            <td>{duty(p)}</td>
            <td data-testid="drill-pin">
              {p.pin === null ? (
                t('drillpage.pins.none')
              ) : p.pinCurrent === false ? (
                <span className="drill-pin-changed">{t('drillpage.pins.changed', { pin: p.pin })}</span>
              ) : (
                <span className="drill-pin">{p.pin}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
