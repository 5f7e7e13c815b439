import type { SearchParams } from '../../fhir/client';

/** How many Conditions the list asks for: a lifetime of problems and encounter diagnoses. */
export const PROBLEMS_PAGE = 500;

/**
 * The module's one search, defined once so the manifest's prefetch and the component share one
 * request and one cache entry: every Condition of the patient (active and resolved, problem-list
 * items and encounter diagnoses), newest onset first. Tabs and the service filter work on it.
 */
export const problemSearches = {
  all: (patientId: string): SearchParams => ({ patient: patientId, _sort: '-onset-date', _count: PROBLEMS_PAGE }),
};
