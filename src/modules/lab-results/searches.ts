import type { SearchParams } from '../../fhir/client';

/**
 * Reports are fetched newest first (by the time of sampling) in pages of 50, each with its
 * results (`_include=DiagnosticReport:result`: a lab report has 1–8 analyses, so a page is at most
 * a few hundred resources). The module follows the Bundle's `next` links until every report of
 * the patient is loaded, so the filters, the counts and the trend see all of them; the list is
 * virtualised, so the page holds only the cards in view. The manifest declares the first page:
 * the chart page prefetches it and the module's first request hits the cache.
 */
export const LAB_PAGE_SIZE = 50;
/** At most this many pages are followed (50 × 40 = 2,000 reports), so a server bug cannot loop forever. */
export const LAB_MAX_PAGES = 40;

export function labReportSearch(patientId: string): SearchParams {
  return { patient: patientId, _sort: '-date', _include: 'DiagnosticReport:result', _count: LAB_PAGE_SIZE };
}
