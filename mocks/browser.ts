import { setupWorker, type SetupWorker } from 'msw/browser';
import type { SeedOptions } from './seed/index';
import { createMockBackend, type MockBackend } from './fhir-server/backend';
import { createMswHandlers } from './fhir-server/msw';
import { createIndexedDbDeltaStore, withMemoryFallback } from './fhir-server/persistence';

/**
 * Starts the mock FHIR backend in the browser: Mock Service Worker answers /fhir/…, /personas,
 * /token and /mock/… on this origin from an in-memory repository, and the changes a user makes
 * are kept in IndexedDB ('akson-mock-fhir') so they survive a reload. Everything else goes to
 * the network untouched.
 *
 * `scenarioId` is the scenario to start with when this browser has none active yet; a tester
 * switches scenario (and discards the saved changes) with POST /mock/reset {"scenario": "<id>"}.
 */
export interface StartMockBackendOptions {
  scenarioId?: string;
  seedOptions?: Partial<SeedOptions>;
  /** No MSW console logging of intercepted requests. */
  quiet?: boolean;
}

export async function startMockBackend(options: StartMockBackendOptions = {}): Promise<{ backend: MockBackend; worker: SetupWorker }> {
  const log = (message: string) => console.warn(message);
  const backend = createMockBackend({
    scenarioId: options.scenarioId,
    seedOptions: options.seedOptions,
    persistence: withMemoryFallback(createIndexedDbDeltaStore(), log),
    log,
  });
  const worker = setupWorker(...createMswHandlers(backend, { origins: [window.location.origin] }));
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? false,
  });
  // Save pending changes when the page is hidden (tab switch, reload, close).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void backend.flush();
  });
  window.addEventListener('pagehide', () => void backend.flush());
  // Personas first: the sign-in page needs only the core data.
  await backend.personas();
  return { backend, worker };
}
