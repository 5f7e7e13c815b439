/// <reference lib="webworker" />
import type { SeedOptions } from './seed/index';
import { createMockBackend, type MockBackend } from './fhir-server/backend';
import { createIndexedDbDeltaStore, withMemoryFallback } from './fhir-server/persistence';
import { deserializeRequest, serializeResponse, type FromWorker, type ToWorker } from './worker-protocol';

/**
 * The mock FHIR backend in a Web Worker: generating ten thousand patients and searching them
 * happens off the page's main thread, so the app stays responsive while the data is built.
 * The service worker sends requests here on a port of their own (and MSW, on the page, when the
 * service worker has none yet); see mocks/browser.ts.
 */
declare const self: DedicatedWorkerGlobalScope;

let backend: MockBackend | undefined;
const post = (message: FromWorker) => self.postMessage(message);

async function answer(message: Extract<ToWorker, { type: 'request' }>): Promise<FromWorker> {
  const response = backend ? await backend.handle(deserializeRequest(message.request)) : undefined;
  return { type: 'response', id: message.id, response: response ? await serializeResponse(response) : null };
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      try {
        backend = createMockBackend({
          scenarioId: message.scenarioId,
          seedOptions: message.seedOptions as Partial<SeedOptions> | undefined,
          persistence: withMemoryFallback(createIndexedDbDeltaStore(), (m) => post({ type: 'log', message: m })),
          log: (m) => post({ type: 'log', message: m }),
        });
        await backend.personas();
        post({ type: 'ready' });
      } catch (error) {
        post({ type: 'failed', message: String(error) });
      }
      break;
    }
    case 'request':
      post(await answer(message));
      break;
    case 'port': {
      const port = event.ports[0];
      if (!port) break;
      port.onmessage = async (request: MessageEvent<ToWorker>) => {
        if (request.data.type === 'request') port.postMessage(await answer(request.data));
      };
      break;
    }
    case 'warm':
      // The user has started to use the page: build the clinical data while they pick who to be.
      void backend?.ready();
      break;
    case 'flush': {
      await backend?.flush();
      post({ type: 'flushed', id: message.id });
      break;
    }
  }
};
