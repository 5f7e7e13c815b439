import { mockControlRequest } from '../fhir/mockControl';
import type { Persona } from '../session/personnel';
import { NO_FAULTS, type FaultSettings } from './faultSettings';

/**
 * The kit's calls to the mock backend's control routes (/mock/…), on the mock's origin (the
 * app's own with the embedded mock, or `npm run mock-server`). They exist only on the mocks.
 */
export { NO_FAULTS, type FaultSettings };

export interface MockStateSummary {
  scenarioId: string;
  now: string;
  dataNow: string;
  stateId?: string;
  clockSet?: boolean;
  faults?: FaultSettings;
  changes: number;
}

/** Sent with the kit's own FHIR requests so that injected faults leave them alone. */
export const KIT_HEADER = 'X-Usability-Kit';

const call = mockControlRequest;

export const mockApi = {
  state: (base: string) => call<MockStateSummary>(`${base}/mock/state`),
  setFaults: (base: string, faults: Partial<FaultSettings>) => call<FaultSettings>(`${base}/mock/faults`, { method: 'POST', body: JSON.stringify(faults) }),
  setClock: (base: string, now: string | null) => call<MockStateSummary>(`${base}/mock/clock`, { method: 'POST', body: JSON.stringify({ now }) }),
  reset: (base: string, scenario: string) => call<MockStateSummary>(`${base}/mock/reset`, { method: 'POST', body: JSON.stringify({ scenario }) }),
  personas: (base: string) => call<Persona[]>(`${base}/personas`, { headers: { [KIT_HEADER]: '1' } }),
  token: (base: string, persona: string) => call<{ access_token: string }>(`${base}/token`, { method: 'POST', headers: { [KIT_HEADER]: '1' }, body: JSON.stringify({ persona }) }),
};
