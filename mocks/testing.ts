import type { Persona, PersonnelGroup } from '../src/session/personnel';
import { createMockBackend, type MockBackend } from './fhir-server/backend';

/**
 * The real mock backend for component tests, without HTTP: a `fetch` that answers from the
 * backend's own request handler, signed in as a persona of the small scenario (300 patients).
 *
 *   const { fetchImpl, token, persona } = await mockBackendSession('gp');
 *   renderWithProviders(<Module … />, { fetchImpl, token });
 */
export interface MockSession {
  backend: MockBackend;
  persona: Persona;
  token: string;
  fetchImpl: typeof fetch;
}

let shared: MockBackend | undefined;

/**
 * Component tests of the modules run without the server's need-to-know (they open any patient
 * of the small data set to show a module's behaviour); `accessControl: true` gives a fresh
 * backend that enforces it, as the real mock does (mocks/fhir-server/readAccess.ts; the
 * server's own tests and the Playwright journeys run with it).
 */
export async function mockBackendSession(group: PersonnelGroup, options: { municipality?: string; fresh?: boolean; accessControl?: boolean } = {}): Promise<MockSession> {
  const fresh = options.fresh || options.accessControl === true;
  const backend = fresh || !shared ? createMockBackend({ scenarioId: 'small', now: () => new Date('2026-11-26T09:00:00+01:00'), accessControl: options.accessControl ?? false }) : shared;
  if (!fresh) shared = backend;
  const personas = await backend.personas();
  const persona = personas.find((p) => p.personnelGroup === group && (!options.municipality || p.municipalityName === options.municipality));
  if (!persona) throw new Error(`No persona for ${group}`);
  const tokenResponse = await backend.handle(new Request('http://test/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: persona.id }) }));
  const { access_token: token } = (await tokenResponse!.json()) as { access_token: string };
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await backend.handle(new Request(input, init));
    return response ?? new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { backend, persona, token, fetchImpl };
}

/** A FHIR request as the session's user, straight to the backend: what a test sets up or checks. */
export async function fhirAs<T>(session: MockSession, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await session.fetchImpl(`http://test/fhir/${path}`, {
    method,
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/fhir+json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
