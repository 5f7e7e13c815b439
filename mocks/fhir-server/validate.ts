import type { OperationOutcomeIssue, Resource } from 'fhir/r4';
import { FhirServerError, issue } from './errors';
import { isResourceType } from './resourceTypes';
import { parseDateRange } from './dates';

/**
 * Light validation of what clients write, so app bugs surface as clear 400 answers instead
 * of bad data. It is not a full FHIR validator (the tests check the seed with one): it checks
 * the JSON shape, resourceType and id, the required elements and the required-binding status
 * codes of the types the app writes, and the format of a few dates.
 */

/** Required top-level elements per type ("x[x]" = any choice variant). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  AllergyIntolerance: ['patient'],
  Appointment: ['status', 'participant'],
  AuditEvent: ['type', 'recorded', 'agent', 'source'],
  Basic: ['code'],
  CarePlan: ['status', 'intent', 'subject'],
  CareTeam: [],
  Communication: ['status'],
  CommunicationRequest: ['status'],
  Composition: ['status', 'type', 'date', 'author', 'title'],
  Condition: ['subject'],
  Consent: ['status', 'scope', 'category'],
  DiagnosticReport: ['status', 'code'],
  DocumentReference: ['status', 'content'],
  Encounter: ['status', 'class'],
  EpisodeOfCare: ['status', 'patient'],
  Flag: ['status', 'code', 'subject'],
  Goal: ['lifecycleStatus', 'description', 'subject'],
  Immunization: ['status', 'vaccineCode', 'patient', 'occurrence[x]'],
  List: ['status', 'mode'],
  MedicationAdministration: ['status', 'medication[x]', 'subject', 'effective[x]'],
  MedicationRequest: ['status', 'intent', 'medication[x]', 'subject'],
  MedicationStatement: ['status', 'medication[x]', 'subject'],
  Observation: ['status', 'code'],
  Procedure: ['status', 'subject'],
  Provenance: ['target', 'recorded', 'agent'],
  QuestionnaireResponse: ['status'],
  RelatedPerson: ['patient'],
  ServiceRequest: ['status', 'intent', 'subject'],
  Task: ['status', 'intent'],
};

/** Required-binding codes of status-like elements. */
const CODES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  AllergyIntolerance: { criticality: ['low', 'high', 'unable-to-assess'] },
  Appointment: { status: ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist'] },
  CarePlan: {
    status: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'],
    intent: ['proposal', 'plan', 'order', 'option'],
  },
  Communication: { status: ['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown'] },
  Composition: { status: ['preliminary', 'final', 'amended', 'entered-in-error'] },
  DiagnosticReport: { status: ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended', 'cancelled', 'entered-in-error', 'unknown'] },
  DocumentReference: { status: ['current', 'superseded', 'entered-in-error'], docStatus: ['preliminary', 'final', 'amended', 'entered-in-error'] },
  Encounter: { status: ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'] },
  EpisodeOfCare: { status: ['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled', 'entered-in-error'] },
  Flag: { status: ['active', 'inactive', 'entered-in-error'] },
  Immunization: { status: ['completed', 'entered-in-error', 'not-done'] },
  MedicationRequest: {
    status: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
    intent: ['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  },
  MedicationStatement: { status: ['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken'] },
  Observation: { status: ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'] },
  ServiceRequest: {
    status: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'],
    intent: ['proposal', 'plan', 'directive', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  },
  Task: {
    status: ['draft', 'requested', 'received', 'accepted', 'rejected', 'ready', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error'],
    intent: ['unknown', 'proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  },
  Patient: { gender: ['male', 'female', 'other', 'unknown'] },
  Practitioner: { gender: ['male', 'female', 'other', 'unknown'] },
};

/** Top-level date/dateTime/instant elements whose format is checked. */
const DATES: Readonly<Record<string, readonly string[]>> = {
  Patient: ['birthDate', 'deceasedDateTime'],
  Observation: ['effectiveDateTime', 'effectiveInstant', 'issued'],
  Condition: ['onsetDateTime', 'recordedDate', 'abatementDateTime'],
  AllergyIntolerance: ['recordedDate', 'onsetDateTime', 'lastOccurrence'],
  Appointment: ['start', 'end', 'created'],
  Composition: ['date'],
  DocumentReference: ['date'],
  MedicationRequest: ['authoredOn'],
  MedicationStatement: ['effectiveDateTime', 'dateAsserted'],
  DiagnosticReport: ['effectiveDateTime', 'issued'],
  Immunization: ['occurrenceDateTime', 'recorded'],
  Communication: ['sent', 'received'],
  Task: ['authoredOn', 'lastModified'],
  ServiceRequest: ['authoredOn', 'occurrenceDateTime'],
  AuditEvent: ['recorded'],
  Basic: ['created'],
};

function hasElement(resource: Record<string, unknown>, element: string): boolean {
  if (element.endsWith('[x]')) {
    const prefix = element.slice(0, -3);
    return Object.keys(resource).some((k) => k.length > prefix.length && k.startsWith(prefix) && /[A-Z]/.test(k[prefix.length] ?? ''));
  }
  const value = resource[element];
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Parses a request body as a FHIR resource of `expectedType` (and with `expectedId`, for
 * updates). Throws 400 for malformed JSON, a missing or wrong resourceType, an id that does not
 * match the URL, missing required elements and codes outside a required binding.
 */
export function parseResourceBody(text: string, expectedType: string, expectedId?: string): Resource {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FhirServerError(400, issue('structure', `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new FhirServerError(400, issue('structure', 'The request body must be a JSON object (a FHIR resource).'));
  }
  const obj = json as Record<string, unknown>;
  const resourceType = obj.resourceType;
  if (typeof resourceType !== 'string' || !resourceType) {
    throw new FhirServerError(400, issue('required', `The resource has no resourceType; expected "${expectedType}".`, { expression: ['resourceType'] }));
  }
  if (resourceType !== expectedType) {
    throw new FhirServerError(400, issue('invalid', `The resource is a ${resourceType}, but it was sent to the ${expectedType} endpoint.`, { expression: ['resourceType'] }));
  }
  if (expectedId !== undefined) {
    if (obj.id === undefined) throw new FhirServerError(400, issue('required', `An update must include the id; expected "${expectedId}".`, { expression: [`${resourceType}.id`] }));
    if (obj.id !== expectedId) {
      throw new FhirServerError(400, issue('invalid', `The resource id "${String(obj.id)}" does not match the id in the URL, "${expectedId}".`, { expression: [`${resourceType}.id`] }));
    }
  }
  validateResourceContent(obj as unknown as Resource);
  return obj as unknown as Resource;
}

/** Required elements, required-binding codes and date formats (see the tables above). */
export function validateResourceContent(resource: Resource): void {
  const type = resource.resourceType;
  if (!isResourceType(type)) throw new FhirServerError(404, issue('not-found', `'${type}' is not a FHIR R4 resource type.`));
  const obj = resource as unknown as Record<string, unknown>;
  const issues: OperationOutcomeIssue[] = [];
  if (obj.meta !== undefined && (obj.meta === null || typeof obj.meta !== 'object' || Array.isArray(obj.meta))) {
    issues.push(issue('structure', `${type}.meta must be an object.`, { expression: [`${type}.meta`] }));
  }
  for (const element of REQUIRED[type] ?? []) {
    if (!hasElement(obj, element)) {
      issues.push(issue('required', `${type}.${element.replace('[x]', '[x] (one of its variants)')} is required.`, { expression: [`${type}.${element}`] }));
    }
  }
  for (const element of DATES[type] ?? []) {
    const value = obj[element];
    if (value !== undefined && (typeof value !== 'string' || !parseDateRange(value))) {
      issues.push(issue('value', `${type}.${element} is not a valid FHIR date/dateTime: ${JSON.stringify(value)}.`, { expression: [`${type}.${element}`] }));
    }
  }
  for (const [element, allowed] of Object.entries(CODES[type] ?? {})) {
    const value = obj[element];
    if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value))) {
      issues.push(issue('code-invalid', `${type}.${element} ${JSON.stringify(value)} is not one of: ${allowed.join(', ')}.`, { expression: [`${type}.${element}`] }));
    }
  }
  if (issues.length) throw new FhirServerError(400, issues);
}
