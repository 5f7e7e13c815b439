import { createContext, useContext } from 'react';
import type { FhirClient } from './client';

export const FhirClientContext = createContext<FhirClient | null>(null);

export function useFhirClient(): FhirClient {
  const client = useContext(FhirClientContext);
  if (!client) throw new Error('useFhirClient must be used inside <FhirClientContext.Provider>');
  return client;
}
