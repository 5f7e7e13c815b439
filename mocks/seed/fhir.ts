import type { CodeableConcept, Coding, Meta, Narrative, Reference } from 'fhir/r4';

/**
 * Small builders for the seed. Shared sub-objects (codes, units, references) are frozen and
 * reused between resources to keep the memory of a 10,000-patient data set down; the FHIR
 * repository never mutates stored resources, so sharing is safe.
 */

export const UCUM = 'http://unitsofmeasure.org';
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const V3_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
export const V2_0131 = 'http://terminology.hl7.org/CodeSystem/v2-0131';
export const V2_0074 = 'http://terminology.hl7.org/CodeSystem/v2-0074';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
export const ALLERGY_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
export const ORGANIZATION_TYPE = 'http://terminology.hl7.org/CodeSystem/organization-type';
export const LOCATION_PHYSICAL_TYPE = 'http://terminology.hl7.org/CodeSystem/location-physical-type';
export const V3_ACT_SITE = 'http://terminology.hl7.org/CodeSystem/v3-ActSite';
export const V3_ROUTE = 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration';
export const EVENT_TIMING = 'http://hl7.org/fhir/event-timing';
/** Review status of a result for the requesting clinician (the app's own tag). */
export const REVIEW_STATUS_SYSTEM = 'urn:akson:codesystem:review-status';

/** Deep-freezes a plain JSON value and returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

export function coding(system: string, code: string, display?: string): Coding {
  return display === undefined ? { system, code } : { system, code, display };
}

/** A frozen CodeableConcept with one coding and a text. */
export function concept(system: string, code: string, display: string, text: string = display): CodeableConcept {
  return deepFreeze({ coding: [{ system, code, display }], text });
}

/** A frozen CodeableConcept with only a text. */
export function textConcept(text: string): CodeableConcept {
  return deepFreeze({ text });
}

/** A reference for one resource (not shared, not frozen). */
export function ref(resourceType: string, id: string): Reference {
  return { reference: `${resourceType}/${id}` };
}

const singletons = new WeakMap<object, unknown[]>();

/** A frozen one-element array `[item]`, shared by every resource that needs it (item must be shared and frozen). */
export function one<T extends object>(item: T): T[] {
  let a = singletons.get(item) as T[] | undefined;
  if (!a) {
    a = Object.freeze([item]) as T[];
    singletons.set(item, a);
  }
  return a;
}

/** A shared, frozen reference (for units, staff and patients referred to many times). */
export function reference(resourceType: string, id: string, display?: string): Reference {
  const ref: Reference = display === undefined ? { reference: `${resourceType}/${id}` } : { reference: `${resourceType}/${id}`, display };
  return deepFreeze(ref);
}

export function meta(lastUpdated: string): Meta {
  return { versionId: '1', lastUpdated };
}

/** Escapes text for an XHTML narrative. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Generated narrative: each paragraph escaped and wrapped in <p>. */
export function narrative(...paragraphs: string[]): Narrative {
  const parts = ['<div xmlns="http://www.w3.org/1999/xhtml">'];
  for (const p of paragraphs) parts.push('<p>', escapeHtml(p), '</p>');
  parts.push('</div>');
  return { status: 'generated', div: parts.join('') };
}

/**
 * A flat copy of a string. V8 keeps concatenations as rope ("cons") strings of 32 bytes per
 * join; flattening the long-lived ones (ids, narrative) keeps the data set small.
 */
export function flat(s: string): string {
  return [s].join('');
}

/** Pads a number with zeros to `width` digits (longer numbers are kept whole). */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Rounds to `decimals` places (no float noise in the JSON). */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Norwegian decimal comma for text: 5.5 → "5,5". */
export function nb(value: number, decimals = 1): string {
  return value.toFixed(decimals).replace('.', ',');
}
