import type { SearchParams } from '../../fhir/client';

/**
 * Notes are fetched in pages of 200, newest first, and the module follows the Bundle's `next`
 * links until every note of the patient is loaded: filters, the full-text search and the
 * correction history all work on the whole journal in the browser (a heavy patient has a few
 * hundred notes, far below what this costs). The manifest declares the first page, so the page
 * prefetches it and the module's first request hits the cache.
 */
export const JOURNAL_PAGE_SIZE = 200;

export function journalSearch(patientId: string): SearchParams {
  return { patient: patientId, _sort: '-date', _count: JOURNAL_PAGE_SIZE };
}
