import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { fetchPersonas, personasFromServer, requestPersonaToken } from '../../fhir/auth';
import { useFhirClient } from '../../fhir/context';
import type { FhirError } from '../../fhir/errors';
import { WORKSPACE_OF_GROUP, type Persona } from '../../session/personnel';
import { useSession } from '../../session/store';
import { useRuntimeConfig } from '../configContext';
import { useDeviceClass } from '../deviceClass';

/** The people one may sign in as: the mock's personas, or a token-less server's practitioners. */
export function usePersonas() {
  const { config, authUrl } = useRuntimeConfig();
  const client = useFhirClient();
  return useQuery<Persona[], FhirError>({
    queryKey: ['personas', config.auth.kind, authUrl],
    queryFn: () => (config.auth.kind === 'none' ? personasFromServer(client) : fetchPersonas(authUrl)),
    enabled: config.auth.kind !== 'oidc',
    staleTime: Infinity,
  });
}

/** Signs in as a persona: gets a token, forgets the previous user's data, opens the workspace. */
export function useSignInAs() {
  const { config, authUrl } = useRuntimeConfig();
  const queryClient = useQueryClient();
  const client = useFhirClient();
  const device = useDeviceClass();
  const navigate = useNavigate();
  return useMutation<void, FhirError, Persona>({
    mutationFn: async (persona) => {
      const [token, home] = await Promise.all([
        config.auth.kind === 'persona' ? requestPersonaToken(authUrl, persona.id) : null,
        // Not part of the sign-in page's own code.
        import('../../layout/prefetchHome').catch(() => undefined),
      ]);
      queryClient.removeQueries({ queryKey: ['fhir'] });
      // The home page's first searches start now, with the new user's token, beside the
      // workspace's code: before the session changes, whose render (a new workspace, after a
      // switch of user the whole shell) holds the main thread for a while.
      if (home) void home.prefetchHome(queryClient, client.withToken(token), persona, device).catch(() => undefined);
      useSession.getState().signIn(persona, token);
      await navigate(`/${WORKSPACE_OF_GROUP[persona.personnelGroup]}`);
    },
  });
}
