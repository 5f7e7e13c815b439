import type { Persona } from '../session/personnel';
import { FhirError } from './errors';
import { whenBackendReady } from './backendReady';

// A module of its own (re-exported by ./auth.ts): the first page signs in with it before React
// and the rest of the data layer have loaded (src/app/signin/firstPage.ts).

/** Persona sign-in against the mock backend (embedded or `npm run mock-server`). */
export async function fetchPersonas(authUrl: string): Promise<Persona[]> {
  await whenBackendReady();
  let response: Response;
  try {
    response = await fetch(`${authUrl}/personas`, { headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new FhirError('network', 0, `Personas could not be fetched: ${String(cause)}`);
  }
  if (!response.ok) throw new FhirError('server', response.status, `Personas could not be fetched (HTTP ${response.status})`);
  return (await response.json()) as Persona[];
}

export async function requestPersonaToken(authUrl: string, personaId: string): Promise<string> {
  await whenBackendReady();
  let response: Response;
  try {
    response = await fetch(`${authUrl}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ persona: personaId }),
    });
  } catch (cause) {
    throw new FhirError('network', 0, `Sign-in failed: ${String(cause)}`);
  }
  if (!response.ok) throw new FhirError(response.status === 400 ? 'invalid' : 'server', response.status, `Sign-in failed (HTTP ${response.status})`);
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new FhirError('server', response.status, 'Sign-in answer had no access_token');
  return body.access_token;
}
