import { setupWorker, type SetupWorker } from 'msw/browser';
import type { SeedOptions } from './seed/index';
import { createMswHandlers, type RequestHandlerLike } from './fhir-server/msw';
import { deserializeResponse, serializeRequest, type FromWorker, type ToWorker } from './worker-protocol';

/**
 * Starts the mock FHIR backend in the browser. The backend itself (repository, seed, search,
 * IndexedDB persistence of changes) runs in a Web Worker so that building and searching ten
 * thousand patients never blocks the page; Mock Service Worker intercepts /fhir/…, /personas,
 * /token and /mock/… on this origin and forwards them to it. Everything else goes to the network.
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

class WorkerBackend implements RequestHandlerLike {
  private nextId = 1;
  private readonly pending = new Map<number, (message: FromWorker) => void>();
  readonly started: Promise<void>;

  constructor(readonly worker: Worker, init: ToWorker) {
    this.started = new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'ready') resolve();
        else if (message.type === 'failed') reject(new Error(message.message));
        else if (message.type === 'log') console.warn(message.message);
        else this.pending.get(message.id)?.(message);
      };
      worker.onerror = (event) => reject(new Error(`The mock backend worker failed: ${event.message}`));
    });
    worker.postMessage(init);
  }

  private call(build: (id: number) => ToWorker): Promise<FromWorker> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (message) => {
        this.pending.delete(id);
        resolve(message);
      });
      this.worker.postMessage(build(id));
    });
  }

  async handle(request: Request): Promise<Response | undefined> {
    const serialized = await serializeRequest(request);
    const answer = await this.call((id) => ({ type: 'request', id, request: serialized }));
    return answer.type === 'response' && answer.response ? deserializeResponse(answer.response) : undefined;
  }

  warm(): void {
    this.worker.postMessage({ type: 'warm' } satisfies ToWorker);
  }

  async flush(): Promise<void> {
    await this.call((id) => ({ type: 'flush', id }));
  }
}

export async function startMockBackend(options: StartMockBackendOptions = {}): Promise<{ backend: RequestHandlerLike; worker: SetupWorker }> {
  const backend = new WorkerBackend(new Worker(new URL('./backend-worker.ts', import.meta.url), { type: 'module', name: 'akson-mock-fhir' }), {
    type: 'init',
    scenarioId: options.scenarioId,
    seedOptions: options.seedOptions,
  });
  const worker = setupWorker(...createMswHandlers(backend, { origins: [window.location.origin] }));
  await Promise.all([
    worker.start({ serviceWorker: { url: '/akson-mock-sw.js' }, onUnhandledRequest: 'bypass', quiet: options.quiet ?? false }),
    backend.started,
  ]);
  connectServiceWorker(backend.worker);
  // Build the ten thousand patients (in the worker) as soon as someone uses the page, not while
  // the first page loads: the first FHIR request would start it anyway.
  const warm = () => {
    backend.warm();
    for (const type of ['pointerdown', 'keydown', 'touchstart'] as const) window.removeEventListener(type, warm, true);
  };
  for (const type of ['pointerdown', 'keydown', 'touchstart'] as const) window.addEventListener(type, warm, { capture: true, passive: true });
  // Save pending changes when the page is hidden (tab switch, reload, close).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void backend.flush();
  });
  return { backend, worker };
}

/**
 * The service worker's own line to the backend: a MessageChannel whose ends go to the Web Worker
 * and to the service worker, which then sends this page's requests straight to the backend and
 * answers them (public/akson-mock-sw.js). Through MSW every request and every answer crossed the
 * page's main thread twice, and waited there while the page rendered: a chart's searches queued
 * behind the chart's own rendering. MSW stays as the path for a request the service worker has
 * no line for (it asks for a new one when it has been restarted, and this page sends it).
 */
function connectServiceWorker(worker: Worker): void {
  if (!('serviceWorker' in navigator)) return;
  const give = (target: ServiceWorker | null | undefined) => {
    if (!target) return;
    const channel = new MessageChannel();
    worker.postMessage({ type: 'port' } satisfies ToWorker, [channel.port1]);
    target.postMessage({ type: 'AKSON_BACKEND_PORT' }, [channel.port2]);
  };
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => {
    if (event.data?.type === 'AKSON_NEED_PORT') give(event.source instanceof ServiceWorker ? event.source : navigator.serviceWorker.controller);
  });
  void navigator.serviceWorker.ready.then((registration) => give(registration.active));
}
