import { useT } from '../../app/i18n';

/** The Start page's way into town-office mode: open or create a town office file. */
export function TownModeEntry() {
  const t = useT();
  return (
    <section className="ui-card" data-testid="start-town">
      <h3>{t('town.start.title')}</h3>
      <p className="ui-muted">{t('town.start.explain')}</p>
      <p className="town-start-links">
        <a href="#/town/file" data-testid="start-town-open">
          {t('town.start.open')}
        </a>
        <a href="#/town/new" data-testid="start-town-create">
          {t('town.start.create')}
        </a>
      </p>
    </section>
  );
}
