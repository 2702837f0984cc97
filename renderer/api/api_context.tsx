import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ApiClient } from './client';

const ApiClientContext = createContext<ApiClient | null>(null);

/** Makes the API client available to every feature below it. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

/** The API client; features call the host only through it. */
export function useApi(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApi must be used inside <ApiProvider>');
  return client;
}

/** Whether the push channel to the host is up (always true in the desktop window). */
export function useConnected(): boolean {
  const api = useApi();
  const [connected, setConnected] = useState(api.transport.connected());
  useEffect(() => api.transport.onConnectionChange(setConnected), [api]);
  return connected;
}
