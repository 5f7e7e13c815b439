import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootstrap, renderFatal } from './bootstrap';
import { initI18n } from '../i18n';
import { usePreferences } from '../session/store';
import { App } from './App';

const rootElement = document.getElementById('root') as HTMLElement;

async function start(): Promise<void> {
  const [config] = await Promise.all([bootstrap(), initI18n(usePreferences.getState().language)]);
  createRoot(rootElement).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => renderFatal(rootElement, error));
