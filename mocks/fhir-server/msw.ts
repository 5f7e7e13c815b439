import { http, passthrough, type HttpHandler } from 'msw';

/**
 * MSW request handlers that forward to the mock backend: one `http.all` whose predicate picks
 * the backend's paths (/fhir/…, /personas, /token, /mock/…) on the given origins. Used by the
 * browser worker (mocks/browser.ts) and by unit tests with msw/node:
 *
 *   const backend = createMockBackend({ scenarioId: 'small' });
 *   const server = setupServer(...createMswHandlers(backend, { origins: ['http://localhost'] }));
 */
export interface MswHandlerOptions {
  /** Origins served by the mock (e.g. location.origin). Default: any origin. */
  origins?: string[];
  /** FHIR base path. Default '/fhir'. */
  basePath?: string;
}

export function isMockBackendPath(pathname: string, basePath = '/fhir'): boolean {
  return pathname === basePath || pathname.startsWith(`${basePath}/`) || pathname === '/personas' || pathname === '/token' || pathname.startsWith('/mock/');
}

/** Anything that answers a request the way MockBackend.handle does (the backend itself, or a proxy to it in a Web Worker). */
export interface RequestHandlerLike {
  handle(request: Request): Promise<Response | undefined>;
}

export function createMswHandlers(backend: RequestHandlerLike, options: MswHandlerOptions = {}): HttpHandler[] {
  const origins = options.origins ? new Set(options.origins) : undefined;
  const basePath = options.basePath ?? '/fhir';
  return [
    http.all(
      ({ request }) => {
        const url = new URL(request.url);
        return (!origins || origins.has(url.origin)) && isMockBackendPath(url.pathname, basePath);
      },
      async ({ request }) => (await backend.handle(request)) ?? passthrough(),
    ),
  ];
}
