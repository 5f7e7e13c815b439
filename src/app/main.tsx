import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { bootstrap, renderFatal } from './bootstrap';
import { initI18n } from '../i18n';
import { usePreferences } from '../session/store';
import { App } from './App';

const rootElement = document.getElementById('root') as HTMLElement;

/** Ends the current task: the browser may paint and handle input before start-up goes on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Start-up in short tasks (a long one would hold up everything else on a slow tablet): the
 * first page's modules have just run; the translations, then React's first render follow.
 */
async function start(): Promise<void> {
  const config = bootstrap();
  config.catch(() => undefined); // reported below, where it is awaited
  await nextTask();
  await initI18n(usePreferences.getState().language);
  const loaded = await config;
  const root = createRoot(rootElement);
  // A transition: React renders the first page in slices, with the browser free in between
  // (what index.html shows stays until it commits).
  startTransition(() => {
    root.render(
      <StrictMode>
        <App config={loaded} />
      </StrictMode>,
    );
  });
}

start().catch((error: unknown) => renderFatal(rootElement, error));
