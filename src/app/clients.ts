import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from './config';
import { fhirBaseUrl, personaAuthUrl } from './config';
import type { RuntimeContext } from './configContext';
import { FhirClient } from '../fhir/client';
import { usePreferences, useSession } from '../session/store';
import { makeQueryClient } from './queryClient';

/** What the app talks to: the runtime settings, the query cache and the FHIR client. */
export interface AppClients {
  runtime: RuntimeContext;
  queryClient: QueryClient;
  client: FhirClient;
}

/**
 * Made once at start-up, before React renders (src/app/main.tsx): after a sign-in on the first
 * page, the home page's first searches start with them while the rest of the app loads.
 */
export function makeAppClients(config: AppConfig): AppClients {
  const origin = window.location.origin;
  const runtime: RuntimeContext = {
    config,
    fhirBaseUrl: fhirBaseUrl(config, origin),
    authUrl: personaAuthUrl(config, origin),
    embeddedMock: config.backend.kind === 'mock',
  };
  const queryClient = makeQueryClient();
  const client = new FhirClient({
    baseUrl: runtime.fhirBaseUrl,
    getToken: () => useSession.getState().token,
    onUnauthorized: () => {
      if (useSession.getState().persona) {
        useSession.getState().signOut();
        queryClient.clear();
      }
    },
  });
  return { runtime, queryClient, client };
}

/**
 * After a sign-in on the first page (src/app/signin/firstPage.ts): the home page's first
 * searches, as React's sign-in page starts them (./signin/useSignIn.ts), while the rest of the
 * app's code loads. The module is loaded only then.
 */
export async function prefetchHomeAfterSignIn({ queryClient, client }: AppClients): Promise<void> {
  const persona = useSession.getState().persona;
  if (!persona) return;
  const [{ prefetchHome }, { detectDeviceClass }] = await Promise.all([import('../layout/prefetchHome'), import('./deviceClass')]);
  const choice = usePreferences.getState().deviceClass;
  await prefetchHome(queryClient, client, persona, choice === 'auto' ? detectDeviceClass() : choice);
}
