import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/fonts';
import './ui/styles.css';
import { ApiProvider } from './api/api_context';
import { createApiClient } from './api/client';
import type { DesktopBridge } from './api/transport';
import { createHttpTransport } from './api/transport_http';
import { createIpcTransport } from './api/transport_ipc';
import { App } from './app/app';
import { useUiStore } from './app/ui_store';
import { initI18n } from './i18n/i18n';

declare global {
  interface Window {
    /** Present only in the desktop window, exposed by the Electron preload. */
    readonly delegateDesk?: DesktopBridge;
  }
}

// The transport is chosen once, here; no feature knows which one it runs on.
const transport = window.delegateDesk
  ? createIpcTransport(window.delegateDesk)
  : createHttpTransport(new URL('./', window.location.href));

void initI18n(useUiStore.getState().language).then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <ApiProvider client={createApiClient(transport)}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
});
