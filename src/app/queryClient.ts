import { QueryClient } from '@tanstack/react-query';
import { isFhirError } from '../fhir/errors';

/** Retry what a flaky network or a busy server might fix; never retry a refusal (4xx). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isFhirError(error) && error.kind !== 'network' && error.kind !== 'server') return false;
  return failureCount < 2;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false, gcTime: 5 * 60_000 },
      mutations: { retry: false },
    },
  });
}
