import { useT } from '../../app/i18n';
import { DataFolderFiles } from './DataFolderFiles';

/** Under the sign-in form: the data folder's election files, folded, to switch to another file without signing in here. */
export function FilesBesideSignIn() {
  const t = useT();
  return (
    <details className="start-files-beside" data-testid="files-beside-signin">
      <summary>{t('start.files')}</summary>
      <DataFolderFiles />
    </details>
  );
}
