import type { SearchParams } from '../../fhir/client';

/** A patient has tens of documents, not hundreds: one page of the newest covers them. */
export const DOCUMENTS_PAGE_SIZE = 200;

/** The patient's current documents, newest first (the manifest prefetches the same search). */
export function documentsSearch(patientId: string): SearchParams {
  return { patient: patientId, status: 'current', _sort: '-date', _count: DOCUMENTS_PAGE_SIZE };
}
