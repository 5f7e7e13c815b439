import { VITAL_CODE_TOKENS } from '../../domain/vitalSigns';
import type { SearchParams } from '../../fhir/client';

/** How many Observations one history search asks for (newest first): years of ordinary follow-up. */
export const VITALS_PAGE = 500;

export { VITAL_CODE_TOKENS };

/**
 * The searches of the vital signs module, defined once so the manifest's prefetch and the
 * component share one request and one cache entry.
 */
export const vitalSearches = {
  /** Vital signs, ACVPU and NEWS2 totals, newest first, with who recorded them (PractitionerRole / Organization). */
  history: (patientId: string): SearchParams => ({
    patient: patientId,
    code: VITAL_CODE_TOKENS.join(','),
    _sort: '-date',
    _count: VITALS_PAGE,
    _include: 'Observation:performer',
  }),
  /** The units (and so service and municipality) of the recorders; ids sorted so the key is stable. */
  units: (organizationIds: readonly string[]): SearchParams => ({ _id: [...organizationIds].sort().join(','), _count: 100 }),
};
