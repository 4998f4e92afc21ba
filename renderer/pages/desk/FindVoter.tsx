import { useState } from 'react';
import { useT } from '../../app/i18n';
import { VoterSearch, type ListedVoter } from '../../widgets/VoterSearch';
import { idNumberTypo } from './id-number-typo';
import { DeskPanel } from './DeskPanel';

/**
 * A voter who came without their certificate: found by name or ID number with the one voter search; choosing them
 * puts their certificate number in the desk's field (issuing still takes Enter there, after the ID card is checked).
 * A typed 18-character ID number that cannot be right (check character, birth date) is said so in one line at once,
 * so nobody takes "nobody found" for "not on the roll". Several voters of one name are listed with group and place.
 */
export function FindVoter({ onFound, onClose }: { onFound(voter: ListedVoter): void; onClose(): void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const typo = idNumberTypo(search);
  return (
    <DeskPanel title={t('deskfind.title')} hint={t('deskfind.hint')} className="desk-find" testId="desk-find-panel" onClose={onClose}>
      {typo && (
        <p className="ui-text-warn" role="alert" data-testid="desk-find-id-typo">
          {typo.kind === 'check-digit'
            ? t('deskfind.idCheckDigit', { id: typo.idNumber, expected: typo.expected })
            : t('deskfind.idBirthDate', { id: typo.idNumber })}
        </p>
      )}
      <VoterSearch rows={6} onChoose={onFound} onQuery={(q) => setSearch(q.search ?? '')} autoFocus testId="desk-find-search" />
    </DeskPanel>
  );
}
