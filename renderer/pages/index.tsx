import type { PageRenderers } from '../app/AppShell';
import { BoxesScreen } from './boxes/BoxesScreen';
import { DeskScreen } from './desk/DeskScreen';
import { NotVotedScreen } from './desk/NotVotedScreen';
import { SetupScreen } from './setup/SetupScreen';
import { StartScreen } from './start/StartScreen';
import { CountingScreen } from './counting/CountingScreen';
import { ResultsScreen } from './results/ResultsScreen';
import { SignoffPage } from './signoff/SignoffScreen';
import { ExportScreen } from './export/ExportScreen';
import { DrillScreen } from './drill/DrillScreen';
import { StationsScreen } from './stations/StationsScreen';
import { VotersScreen } from './voters/VotersScreen';
import { AuditScreen } from './audit/AuditScreen';

/**
 * The screens, by page id. Each screen is a component in this folder using `useApi()`, `useT()` and
 * `useElection()`; pages not listed here show a placeholder.
 */
export const screens: PageRenderers = {
  start: () => <StartScreen />,
  setup: (route) => <SetupScreen route={route} />,
  desk: (route) => (route.rest[0] === 'not-voted' ? <NotVotedScreen /> : <DeskScreen />),
  boxes: () => <BoxesScreen />,
  counting: (route) => <CountingScreen box={route.rest[0]} />,
  results: (route) => <ResultsScreen rest={route.rest} />,
  signoff: (route) => <SignoffPage rest={route.rest} />,
  export: () => <ExportScreen />,
  drill: () => <DrillScreen />,
  stations: () => <StationsScreen />,
  voters: () => <VotersScreen />,
  audit: () => <AuditScreen />,
};
