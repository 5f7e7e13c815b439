import type { Bundle, BundleEntry, DiagnosticReport, Extension, Observation, Reference, Resource } from 'fhir/r4';

/**
 * "Seen" (reviewed) state of a result. A result nobody at the requesting GP office has looked at
 * carries `meta.tag` review-status|unseen on the DiagnosticReport and on each of its
 * Observations (see mocks/seed/README.md, "Review status"). Marking it seen removes the tag from
 * all of them and records who saw it, and when, in an extension on the report.
 */
export const REVIEW_STATUS_SYSTEM = 'urn:akson:codesystem:review-status';
export const UNSEEN_CODE = 'unseen';
/** Complex extension on DiagnosticReport: `reviewer` (Reference to the PractitionerRole) and `time` (dateTime). */
export const REVIEW_EXTENSION = 'urn:akson:extension:result-review';

export interface Review {
  reviewer?: Reference;
  time?: string;
}

export function hasUnseenTag(resource: Pick<Resource, 'meta'>): boolean {
  return Boolean(resource.meta?.tag?.some((t) => t.system === REVIEW_STATUS_SYSTEM && t.code === UNSEEN_CODE));
}

/** A copy without the unseen tag (and without an empty tag list). */
export function withoutUnseenTag<T extends Resource>(resource: T): T {
  if (!hasUnseenTag(resource)) return resource;
  const tag = (resource.meta?.tag ?? []).filter((t) => !(t.system === REVIEW_STATUS_SYSTEM && t.code === UNSEEN_CODE));
  const meta = { ...resource.meta };
  if (tag.length) meta.tag = tag;
  else delete meta.tag;
  return { ...resource, meta };
}

/** Who saw a report and when, if someone marked it seen in the app. */
export function reviewOf(report: Pick<DiagnosticReport, 'extension'>): Review | undefined {
  const ext = report.extension?.find((e) => e.url === REVIEW_EXTENSION);
  if (!ext) return undefined;
  const review: Review = {};
  const reviewer = ext.extension?.find((e) => e.url === 'reviewer')?.valueReference;
  const time = ext.extension?.find((e) => e.url === 'time')?.valueDateTime;
  if (reviewer) review.reviewer = reviewer;
  if (time) review.time = time;
  return review;
}

/** The report with the review extension set to this reviewer and time (any earlier one replaced). */
export function withReview(report: DiagnosticReport, reviewer: Reference, time: string): DiagnosticReport {
  const ext: Extension = {
    url: REVIEW_EXTENSION,
    extension: [
      { url: 'reviewer', valueReference: reviewer },
      { url: 'time', valueDateTime: time },
    ],
  };
  return { ...report, extension: [...(report.extension ?? []).filter((e) => e.url !== REVIEW_EXTENSION), ext] };
}

function ifMatchOf(resource: Resource): string | undefined {
  const v = resource.meta?.versionId;
  return v ? `W/"${v}"` : undefined;
}

function putEntry(resource: DiagnosticReport | Observation): BundleEntry {
  const ifMatch = ifMatchOf(resource);
  return {
    resource,
    request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}`, ...(ifMatch ? { ifMatch } : {}) },
  };
}

/**
 * One transaction (all or nothing) that marks a report seen: PUT (If-Match the version shown) of
 * the report without the tag and with the review extension, and of each of its Observations
 * that still has the tag. Null when nothing is unseen any more (someone else got there first).
 */
export function markSeenBundle(report: DiagnosticReport, observations: readonly Observation[], reviewer: Reference, time: string): Bundle | null {
  const tagged = observations.filter(hasUnseenTag);
  if (!hasUnseenTag(report) && tagged.length === 0) return null;
  const entry: BundleEntry[] = [putEntry(withReview(withoutUnseenTag(report), reviewer, time))];
  for (const o of tagged) entry.push(putEntry(withoutUnseenTag(o)));
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

/** Personnel groups that review results for the requester (the GP office). */
export const REVIEWER_GROUPS: readonly string[] = ['gp', 'gp-nurse'];
