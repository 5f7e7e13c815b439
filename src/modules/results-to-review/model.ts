import type { Bundle, Patient } from 'fhir/r4';
import { referenceId } from '../../fhir/format';
import { collectBundles, newestFirst, toReportView, type AnalysisView, type ReportView } from '../../fhir/results/model';

/** One result waiting for the GP: the report, and whose it is. */
export interface ReviewItem {
  view: ReportView;
  patient: Patient | undefined;
  /** The analyses outside the reference range, for the one-line summary. */
  abnormal: AnalysisView[];
}

export interface ReviewList {
  items: ReviewItem[];
  /** Results outside the reference range (they come first). */
  abnormalCount: number;
  /** How many the server has in all (the list shows one page). */
  total: number | undefined;
}

/**
 * The unseen results of a search bundle (reports with their Observations and Patients
 * included): those outside the reference range first, then newest first within each part.
 */
export function reviewList(bundle: Bundle | undefined): ReviewList {
  if (!bundle) return { items: [], abnormalCount: 0, total: undefined };
  const data = collectBundles([bundle]);
  const patients = new Map<string, Patient>();
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (r?.resourceType === 'Patient' && r.id) patients.set(r.id, r);
  }
  const items = data.reports
    .map((report) => toReportView(report, data.observations))
    .filter((view) => view.unseen)
    .map((view): ReviewItem => {
      const patientId = referenceId(view.resource.subject, 'Patient');
      return { view, patient: patientId ? patients.get(patientId) : undefined, abnormal: view.analyses.filter((a) => a.abnormal) };
    })
    .sort((a, b) => Number(b.view.abnormal) - Number(a.view.abnormal) || newestFirst(a.view, b.view));
  return { items, abnormalCount: items.filter((i) => i.view.abnormal).length, total: bundle.total };
}
