import { format } from 'date-fns';
import type { Appointment } from 'fhir/r4';
import type { SearchParams } from '../../fhir/client';

/** Statuses of an appointment that is still to come. */
export const UPCOMING_STATUSES: readonly Appointment['status'][] = ['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'waitlist'];

/**
 * Past contacts are fetched in pages of 200, newest first, and the module follows the Bundle's
 * `next` links until it has them all (a heavy patient has years of home visits: some hundreds);
 * the list is virtualised, so the page holds only the rows in view. The manifest declares the
 * first page, so the page prefetches it.
 */
export const ENCOUNTER_PAGE_SIZE = 200;

export function encountersSearch(patientId: string): SearchParams {
  return { patient: patientId, _sort: '-date', _count: ENCOUNTER_PAGE_SIZE };
}

/** Appointments from today on (the day, not the minute, so the search and its cache key hold for the day). */
export function upcomingSearch(patientId: string, now: Date = new Date()): SearchParams {
  return { patient: patientId, date: `ge${format(now, 'yyyy-MM-dd')}`, status: UPCOMING_STATUSES.join(','), _sort: 'date', _count: 100 };
}
