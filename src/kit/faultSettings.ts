/**
 * The faults a tester can inject (issue #9), shared by the mock backend (mocks/fhir-server/faults.ts,
 * which applies them) and the tester panel (which sets them): see faults.ts for what each does.
 */
export interface FaultSettings {
  latencyMs: number;
  failureRate: number;
  unreachable: boolean;
  conflictNextWrite: boolean;
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, failureRate: 0, unreachable: false, conflictNextWrite: false };
