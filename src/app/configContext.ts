import { createContext, useContext } from 'react';
import type { AppConfig } from './config';

export interface RuntimeContext {
  config: AppConfig;
  fhirBaseUrl: string;
  /** Where personas and tokens come from (persona sign-in). */
  authUrl: string;
  /** True when the embedded mock backend runs in this tab. */
  embeddedMock: boolean;
}

export const RuntimeConfigContext = createContext<RuntimeContext | null>(null);

export function useRuntimeConfig(): RuntimeContext {
  const value = useContext(RuntimeConfigContext);
  if (!value) throw new Error('useRuntimeConfig must be used inside <RuntimeConfigContext.Provider>');
  return value;
}
