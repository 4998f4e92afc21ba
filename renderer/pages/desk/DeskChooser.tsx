import { useEffect, useRef } from 'react';
import { useT } from '../../app/i18n';

export const DESK_STORAGE_KEY = 'station.desk';
export const HELPER_STORAGE_KEY = 'station.deskHelper';

/** Choosing this computer's desk once; the choice is remembered until "change desk". */
export function DeskChooser({ desks, onChoose }: { desks: { id: string; name: string; box: string }[]; onChoose(id: string): void }) {
  const t = useT();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section className="ui-card" data-testid="desk-chooser">
      <h2>{t('deskpage.choose')}</h2>
      <p className="ui-muted">{t('deskpage.chooseHint')}</p>
      {desks.length === 0 && <p className="ui-text-warn">{t('deskpage.noDesks')}</p>}
      <ul className="desk-choice-list">
        {desks.map((d, i) => (
          <li key={d.id}>
            <button type="button" ref={i === 0 ? first : undefined} onClick={() => onChoose(d.id)} data-testid={`desk-choose-${d.id}`}>
              {d.name} <small>（{d.box}）</small>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
