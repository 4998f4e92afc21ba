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
import { FilesBesideSignIn } from './pages/start/FilesBesideSignIn';
import './styles/base.css';
import './styles/app.css';
import './styles/widgets.css';

// The client is created first: in browser mode it takes the token out of the address before the router reads it.
const client = startClient(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <NativeMenu />
      <ApiProvider client={client}>
        <SessionProvider>
          <ElectionProvider>
            <ElectionLoader>
              <AppShell pages={screens} besideSignIn={<FilesBesideSignIn />} />
            </ElectionLoader>
          </ElectionProvider>
        </SessionProvider>
      </ApiProvider>
    </LangProvider>
  </StrictMode>,
);
