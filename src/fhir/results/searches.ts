import type { SearchParams } from '../client';
import { REVIEW_STATUS_SYSTEM, UNSEEN_CODE } from './review';

/** At most this many unseen results in one list (a GP with more has a backlog to work through in pages). */
export const REVIEW_PAGE = 100;

/**
 * Results nobody at the office has marked seen, for the patients on this GP's list, newest
 * first, with their analyses and patients: one request (a chained search on the patient's GP).
 */
export function unseenResultsSearch(practitionerRoleId: string): SearchParams {
  return {
    _tag: `${REVIEW_STATUS_SYSTEM}|${UNSEEN_CODE}`,
    'patient.general-practitioner': `PractitionerRole/${practitionerRoleId}`,
    _include: ['DiagnosticReport:result', 'DiagnosticReport:patient'],
    _sort: '-date',
    _count: REVIEW_PAGE,
  };
}
