import { CODE_SYSTEM, LOINC, SNOMED } from '../../domain/codeSystems';
import type { SearchParams } from '../../fhir/client';

/** How many Observations one history search asks for (newest first): years of ordinary follow-up. */
export const VITALS_PAGE = 500;

/**
 * Every code this module reads. NEWS2 totals are category `survey` (as the seed writes them) and
 * the rest `vital-signs`, so the module searches by code, not by category: one search gives the
 * list, the latest set and every trend.
 */
export const VITAL_CODE_TOKENS: readonly string[] = [
  `${CODE_SYSTEM.loinc}|${LOINC.respiratoryRate}`,
  `${CODE_SYSTEM.loinc}|${LOINC.spo2}`,
  `${CODE_SYSTEM.loinc}|${LOINC.bpPanel}`,
  `${CODE_SYSTEM.loinc}|${LOINC.heartRate}`,
  `${CODE_SYSTEM.loinc}|${LOINC.temperature}`,
  `${CODE_SYSTEM.loinc}|${LOINC.weight}`,
  `${CODE_SYSTEM.snomed}|${SNOMED.acvpu}`,
  `${CODE_SYSTEM.snomed}|${SNOMED.news2Total}`,
];

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
