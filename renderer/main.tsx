import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startClient } from './api';
import { ApiProvider } from './app/api-context';
import { AppShell } from './app/AppShell';
import { ElectionProvider } from './app/election-context';
import { ElectionLoader } from './app/ElectionLoader';
import { LangProvider } from './app/i18n';
import { NativeMenu } from './app/NativeMenu';
import { SessionProvider } from './app/session/session-context';
import { screens } from './pages';
import { TownApp } from './pages/town/TownApp';
import { isTownHash, useHash } from './pages/town/town-route';
import { FilesBesideSignIn } from './pages/start/FilesBesideSignIn';
import './styles/base.css';
import './styles/app.css';
import './styles/widgets.css';

// The client is created first: in browser mode it takes the token out of the address before the router reads it.
const client = startClient(window);

/** Town-office mode (#/town…) works on a town office file with its own pages; everything else is the election. */
function ModeRoot() {
  if (isTownHash(useHash())) return <TownApp />;
  return (
    <SessionProvider>
      <ElectionProvider>
        <ElectionLoader>
          <AppShell pages={screens} besideSignIn={<FilesBesideSignIn />} />
        </ElectionLoader>
      </ElectionProvider>
    </SessionProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <ApiProvider client={client}>
        <NativeMenu />
        <ModeRoot />
      </ApiProvider>
    </LangProvider>
  </StrictMode>,
);
