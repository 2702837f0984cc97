/** The entry of `badge_print.html`: the print page alone, without the staff app around it. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../ui/fonts';
import './print.css';
import { createApiClient } from '../../api/client';
import { createHttpTransport } from '../../api/transport_http';
import { createIpcTransport } from '../../api/transport_ipc';
import { PrintPage } from './print_page';

// In the desktop app's hidden print window the preload bridge is there; in a headless
// Chromium the page talks to the host that served it. The same page either way.
const transport = window.delegateDesk
  ? createIpcTransport(window.delegateDesk)
  : createHttpTransport(new URL('./', window.location.href));
const jobId = new URLSearchParams(window.location.hash.slice(1)).get('job');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PrintPage api={createApiClient(transport)} jobId={jobId} />
    </StrictMode>,
  );
}
