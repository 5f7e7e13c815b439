import { passthrough, RequestHandler } from 'msw';

/**
 * MSW request handlers that forward to the mock backend: one handler whose predicate picks
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

/**
 * One handler for all of the backend's paths. Not `http.all`: MSW's HTTP handlers read the
 * request's cookies first (the document's and their cookie store's, through tough-cookie), for
 * every request. The backend authenticates with bearer tokens and reads no cookie, so this
 * handler only tests the URL.
 */
class MockBackendHandler extends RequestHandler {
  constructor(
    private readonly claims: (url: URL) => boolean,
    backend: RequestHandlerLike,
  ) {
    super({ info: { header: 'Akson mock FHIR backend' }, resolver: async ({ request }) => (await backend.handle(request)) ?? passthrough() });
  }

  predicate({ request }: { request: Request }): boolean {
    return this.claims(new URL(request.url));
  }

  log(): void {
    // The backend's requests are not logged to the console one by one.
  }
}

export function createMswHandlers(backend: RequestHandlerLike, options: MswHandlerOptions = {}): RequestHandler[] {
  const origins = options.origins ? new Set(options.origins) : undefined;
  const basePath = options.basePath ?? '/fhir';
  return [new MockBackendHandler((url) => (!origins || origins.has(url.origin)) && isMockBackendPath(url.pathname, basePath), backend)];
}
