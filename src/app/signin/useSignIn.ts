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
      const token = config.auth.kind === 'persona' ? await requestPersonaToken(authUrl, persona.id) : null;
      queryClient.removeQueries({ queryKey: ['fhir'] });
      useSession.getState().signIn(persona, token);
      // The home page's first searches start now, beside the workspace's code (not part of the sign-in page's own code).
      void import('../../layout/prefetchHome').then(({ prefetchHome }) => prefetchHome(queryClient, client, persona, device)).catch(() => undefined);
      await navigate(`/${WORKSPACE_OF_GROUP[persona.personnelGroup]}`);
    },
  });
}
