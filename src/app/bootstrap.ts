import { ConfigError, loadConfig, type AppConfig } from './config';
import { setBackendReady } from '../fhir/backendReady';

/**
 * Start-up: read config.json, and when it asks for the embedded mock, start the mock FHIR
 * backend (Mock Service Worker in front of a Web Worker). The app renders at once; requests
 * wait until the backend answers (src/fhir/backendReady.ts). This is the one file in src/ that
 * imports mocks/, and it does so lazily, so a build pointed at a real server never loads it.
 */
export async function bootstrap(): Promise<AppConfig> {
  const config = await loadConfig();
  if (config.backend.kind === 'mock') {
    const backend = config.backend;
    setBackendReady(
      import('../../mocks/browser').then(({ startMockBackend }) =>
        startMockBackend({
          scenarioId: backend.scenario,
          seedOptions: backend.patients ? { patients: backend.patients } : undefined,
          quiet: true,
        }),
      ),
    );
  }
  return config;
}

/** Shown when start-up fails, before React and translations exist: both languages, plain DOM. */
export function renderFatal(root: HTMLElement, error: unknown): void {
  const message = error instanceof ConfigError ? error.message : String(error);
  root.replaceChildren();
  const main = document.createElement('main');
  main.style.cssText = 'font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #14212b';
  const h1 = document.createElement('h1');
  h1.textContent = 'Akson Journal kunne ikke starte / could not start';
  const p = document.createElement('p');
  p.textContent = 'Kontakt systemansvarlig. / Contact your system administrator.';
  const pre = document.createElement('pre');
  pre.style.whiteSpace = 'pre-wrap';
  pre.textContent = message;
  main.append(h1, p, pre);
  root.append(main);
}
