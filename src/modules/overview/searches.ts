import { format } from 'date-fns';
import { VITAL_CODE_TOKENS } from '../../domain/vitalSigns';
import type { SearchParams } from '../../fhir/client';
import { patientSearches } from '../../fhir/patients';

/**
 * The overview's searches: each asks for only the newest few entries, so that the summary of a
 * patient with five years of history costs a handful of small requests (the full lists are the
 * other modules' job). Critical information, problems, medications and the latest notes use the
 * same searches as the context bar and their modules, so they share one cache entry.
 */
export const OVERVIEW_LIMIT = { problems: 6, medications: 8, notes: 3, reports: 5, upcoming: 3, encounters: 4 } as const;

export const overviewSearches = {
  problems: patientSearches.activeProblems,
  medications: patientSearches.currentMedications,
  notes: (patientId: string): SearchParams => patientSearches.latestNotes(patientId, OVERVIEW_LIMIT.notes),
  /** The newest vital signs and NEWS2 totals: enough for one complete set. */
  vitals: (patientId: string): SearchParams => ({ patient: patientId, code: VITAL_CODE_TOKENS.join(','), _sort: '-date', _count: 24 }),
  /** The newest lab and radiology reports, with their results (for the abnormal flags). */
  reports: (patientId: string): SearchParams => ({ patient: patientId, _sort: '-date', _count: OVERVIEW_LIMIT.reports, _include: 'DiagnosticReport:result' }),
  upcoming: (patientId: string, now: Date): SearchParams => ({ patient: patientId, date: `ge${format(now, 'yyyy-MM-dd')}`, _sort: 'date', _count: 10 }),
  encounters: (patientId: string): SearchParams => ({ patient: patientId, _sort: '-date', _count: OVERVIEW_LIMIT.encounters }),
};
