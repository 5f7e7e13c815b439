import type { Bundle } from 'fhir/r4';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useFhirClient } from '../../fhir/context';
import type { FhirError } from '../../fhir/errors';
import { fhirKeys } from '../../fhir/queryKeys';
import type { ResourceType } from '../../fhir/client';

/** Posts a transaction Bundle (all or nothing) and refreshes the types it wrote. */
export function useTransaction(types: readonly ResourceType[]) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<Bundle, FhirError, Bundle>({
    mutationFn: (bundle) => client.request<Bundle>('POST', client.baseUrl, bundle),
    onSuccess: () => Promise.all(types.map((type) => queryClient.invalidateQueries({ queryKey: fhirKeys.type(type) }))),
  });
}

/** The id of the first created resource of a type in a transaction response. */
export function createdId(response: Bundle, type: ResourceType): string | undefined {
  for (const e of response.entry ?? []) {
    const location = e.response?.location ?? '';
    const m = new RegExp(`^(?:.*/)?${type}/([^/]+)`).exec(location);
    if (m) return m[1];
  }
  return undefined;
}
