import type { PageRenderers } from '../app/AppShell';
import { BoxesScreen } from './boxes/BoxesScreen';
import { DeskScreen } from './desk/DeskScreen';
import { SetupScreen } from './setup/SetupScreen';
import { StartScreen } from './start/StartScreen';

/**
 * The screens, by page id. Each screen is a component in this folder using `useApi()`, `useT()` and
 * `useElection()`; pages not listed here show a placeholder.
 */
export const screens: PageRenderers = {
  start: () => <StartScreen />,
  setup: (route) => <SetupScreen route={route} />,
  desk: () => <DeskScreen />,
  boxes: () => <BoxesScreen />,
};
