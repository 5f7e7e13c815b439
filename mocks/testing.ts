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

export async function mockBackendSession(group: PersonnelGroup, options: { municipality?: string; fresh?: boolean } = {}): Promise<MockSession> {
  const backend = options.fresh || !shared ? createMockBackend({ scenarioId: 'small', now: () => new Date('2026-11-26T09:00:00+01:00') }) : shared;
  if (!options.fresh) shared = backend;
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
