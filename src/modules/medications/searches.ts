import type { SearchParams } from '../../fhir/client';
import { patientSearches } from '../../fhir/patients';

/**
 * The medication list's searches. The current list is the shared `currentMedications` search
 * (the page's prefetch and the overview ask the same, so they share one request); stopped and
 * completed statements are fetched only when shown (the toggle, or the change log).
 */
export const medicationSearches = {
  current: (patientId: string): SearchParams => patientSearches.currentMedications(patientId),
  ended: (patientId: string): SearchParams => ({ patient: patientId, status: 'stopped,completed', _count: 200 }),
  conditions: (patientId: string): SearchParams => patientSearches.activeProblems(patientId),
};
