import { createContext, useContext, type ReactNode } from 'react';
import type { AppClient } from '../api';

/** The one client, created at start-up in main.tsx and handed to every screen through context. */
const ApiContext = createContext<AppClient | null>(null);

export function ApiProvider({ client, children }: { client: AppClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): AppClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside <ApiProvider>');
  return client;
}
