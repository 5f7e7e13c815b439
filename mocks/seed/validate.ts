import type { FhirResource } from 'fhir/r4';

/**
 * Structural checks for generated FHIR R4 resources: the required elements and invariants the
 * seed relies on, no empty or undefined values, date-times with a time zone, readable ids and
 * references that resolve. Returns a list of problems (empty when all is well). Used by the seed
 * tests; the mock server's tests may use it for their own fixtures.
 */

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const XHTML_OPEN = '<div xmlns="http://www.w3.org/1999/xhtml">';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function walk(value: unknown, path: string, issues: string[], refs: Array<[string, string]>): void {
  if (value === undefined) {
    issues.push(`${path}: undefined`);
    return;
  }
  if (value === null) {
    issues.push(`${path}: null`);
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.push(`${path}: not a finite number`);
    return;
  }
  if (typeof value === 'string') {
    if (value.length === 0) issues.push(`${path}: empty string`);
    else if (value.trim() !== value) issues.push(`${path}: leading/trailing whitespace`);
    else if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !DATE_TIME_RE.test(value)) issues.push(`${path}: date-time without time zone: ${value}`);
    return;
  }
  if (typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (value.length === 0) issues.push(`${path}: empty array`);
    value.forEach((v, i) => walk(v, `${path}[${i}]`, issues, refs));
    return;
  }
  const entries = Object.entries(value as Record<string, Json>);
  if (entries.length === 0) issues.push(`${path}: empty object`);
  for (const [k, v] of entries) {
    if (k === 'reference' && typeof v === 'string') refs.push([path, v]);
    if (k === 'div' && typeof v === 'string' && (!v.startsWith(XHTML_OPEN) || !v.endsWith('</div>'))) issues.push(`${path}.div: not an XHTML div`);
    walk(v, `${path}.${k}`, issues, refs);
  }
}

function req(issues: string[], r: FhirResource, ok: boolean, what: string): void {
  if (!ok) issues.push(`${r.resourceType}/${r.id}: ${what}`);
}

function checkResource(r: FhirResource, issues: string[]): void {
  switch (r.resourceType) {
    case 'Patient':
      req(issues, r, !!r.identifier?.length && !!r.name?.length && !!r.gender && !!r.birthDate && DATE_RE.test(r.birthDate), 'identifier, name, gender, birthDate');
      break;
    case 'Observation':
      req(issues, r, !!r.status && !!r.code && !!r.subject, 'status, code, subject');
      req(issues, r, r.valueQuantity !== undefined || r.valueInteger !== undefined || r.valueCodeableConcept !== undefined || !!r.component?.length, 'a value or components');
      req(issues, r, !!r.effectiveDateTime, 'effective[x]');
      if (r.valueQuantity) req(issues, r, r.valueQuantity.system === 'http://unitsofmeasure.org' && !!r.valueQuantity.code, 'UCUM quantity');
      break;
    case 'Condition':
      req(issues, r, !!r.subject && !!r.code && !!r.clinicalStatus && !!r.verificationStatus, 'subject, code, clinical and verification status');
      if (r.abatementDateTime) req(issues, r, r.clinicalStatus?.coding?.[0]?.code === 'resolved', 'con-4: abatement only when resolved');
      break;
    case 'MedicationStatement':
      req(issues, r, !!r.status && !!r.subject && !!r.medicationCodeableConcept, 'status, subject, medication[x]');
      break;
    case 'AllergyIntolerance':
      req(issues, r, !!r.patient && !!r.clinicalStatus && !!r.verificationStatus && !!r.code, 'patient, clinicalStatus (ait-1), verificationStatus, code');
      break;
    case 'Composition':
      req(issues, r, !!r.status && !!r.type && !!r.date && !!r.author?.length && !!r.title && !!r.subject, 'status, type, date, author, title, subject');
      for (const s of r.section ?? []) req(issues, r, !!s.title && !!s.text, 'section title and text (cmp-1)');
      break;
    case 'Encounter':
      req(issues, r, !!r.status && !!r.class && !!r.subject, 'status, class, subject');
      if (r.period?.start && r.period.end) req(issues, r, Date.parse(r.period.start) <= Date.parse(r.period.end), 'period start ≤ end');
      break;
    case 'Appointment':
      req(issues, r, !!r.status && r.participant.length > 0 && r.participant.every((p) => !!p.status && !!p.actor), 'status, participant with status and actor');
      req(issues, r, !!r.start === !!r.end, 'app-2: start and end together');
      if (r.start && r.end) req(issues, r, Date.parse(r.start) < Date.parse(r.end), 'start < end');
      break;
    case 'Immunization':
      req(issues, r, !!r.status && !!r.vaccineCode && !!r.patient && !!r.occurrenceDateTime, 'status, vaccineCode, patient, occurrence[x]');
      break;
    case 'EpisodeOfCare':
      req(issues, r, !!r.status && !!r.patient, 'status, patient');
      break;
    case 'DiagnosticReport':
      req(issues, r, !!r.status && !!r.code && !!r.subject, 'status, code, subject');
      break;
    case 'Flag':
      req(issues, r, !!r.status && !!r.code && !!r.subject, 'status, code, subject');
      break;
    case 'RelatedPerson':
      req(issues, r, !!r.patient, 'patient');
      break;
    case 'Organization':
      req(issues, r, !!r.name && !!r.identifier?.length, 'name, identifier');
      break;
    case 'Location':
      req(issues, r, !!r.name && !!r.status, 'name, status');
      break;
    case 'Practitioner':
      req(issues, r, !!r.name?.length, 'name');
      break;
    case 'PractitionerRole':
      req(issues, r, !!r.practitioner && !!r.organization && !!r.code?.length, 'practitioner, organization, code');
      break;
    case 'CarePlan':
      req(issues, r, !!r.status && !!r.intent && !!r.subject, 'status, intent, subject');
      for (const a of r.activity ?? []) req(issues, r, !!a.detail?.status && !(a.detail && a.reference), 'activity detail status (cpl-3: detail or reference)');
      break;
    case 'Procedure':
      req(issues, r, !!r.status && !!r.subject && !!r.code, 'status, subject, code');
      if (r.status === 'not-done') req(issues, r, !!r.statusReason, 'a reason when not done');
      break;
    case 'MedicationAdministration':
      req(issues, r, !!r.status && !!r.subject && !!(r.medicationCodeableConcept ?? r.medicationReference) && !!(r.effectiveDateTime ?? r.effectivePeriod), 'status, subject, medication[x], effective[x]');
      if (r.status === 'not-done') req(issues, r, !!r.statusReason?.length, 'a reason when not done');
      break;
    default:
      break;
  }
}

export interface ValidationOptions {
  /** Check that every `Type/id` reference points to a resource in the list (default true). */
  resolveReferences?: boolean;
  /** Stop after this many problems (default 50). */
  limit?: number;
}

export function validateResources(resources: readonly FhirResource[], options: ValidationOptions = {}): string[] {
  const limit = options.limit ?? 50;
  const issues: string[] = [];
  const ids = new Set<string>();
  const refs: Array<[string, string]> = [];
  for (const r of resources) {
    const key = `${r.resourceType}/${r.id ?? ''}`;
    if (!r.id || !ID_RE.test(r.id)) issues.push(`${key}: bad id`);
    if (ids.has(key)) issues.push(`${key}: duplicate id`);
    ids.add(key);
    // Seed resources are version 1; a scenario's changes on top of the seed make later versions.
    if (!/^[1-9]\d*$/.test(r.meta?.versionId ?? '') || !r.meta?.lastUpdated) issues.push(`${key}: meta.versionId/lastUpdated`);
    checkResource(r, issues);
    walk(r, key, issues, refs);
    if (issues.length >= limit) return issues.slice(0, limit);
  }
  if (options.resolveReferences !== false) {
    for (const [path, ref] of refs) {
      if (!ids.has(ref)) {
        issues.push(`${path}: unresolved reference ${ref}`);
        if (issues.length >= limit) break;
      }
    }
  }
  return issues.slice(0, limit);
}
