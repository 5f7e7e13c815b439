import type { Composition, Encounter, Immunization, Resource } from 'fhir/r4';
import { CODE_SYSTEM } from '../domain/codeSystems';
import type { TriageColour } from '../domain/triage';
import type { SearchParams } from '../fhir/client';

/**
 * A task's success condition, checked against the journal (the FHIR data) when the participant
 * says they are done. Each is a pure function over the resources found before the task started
 * and after it ended: the task succeeded when a matching resource is new, or changed, since the
 * start (so what the scenario already held does not count).
 */
export type SuccessCondition =
  /** A note (Composition) of this type signed (status final), e.g. "home-visit-report". */
  | { kind: 'note-signed'; noteType: string; patient?: string }
  /** An emergency visit (Encounter) given this triage level. */
  | { kind: 'triage-level'; level: TriageColour; patient?: string }
  /** A vaccine dose recorded as given (Immunization completed), optionally a given ATC code. */
  | { kind: 'immunization-given'; patient?: string; atc?: string }
  /** A home care visit checked out (Encounter class HH finished). */
  | { kind: 'home-visit-completed'; patient?: string };

export const CONDITION_KINDS = ['note-signed', 'triage-level', 'immunization-given', 'home-visit-completed'] as const;
export const TRIAGE_COLOURS: readonly TriageColour[] = ['red', 'orange', 'yellow', 'green', 'blue'];

/** What to fetch to check a condition (the newest first; enough to see a task's own writes). */
export function conditionSearch(condition: SuccessCondition): { resourceType: 'Composition' | 'Encounter' | 'Immunization'; params: SearchParams } {
  const patient = condition.patient ? { patient: `Patient/${condition.patient}` } : {};
  const newest = { _sort: '-_lastUpdated', _count: 100 };
  switch (condition.kind) {
    case 'note-signed':
      return { resourceType: 'Composition', params: { type: `${CODE_SYSTEM.noteType}|${condition.noteType}`, status: 'final', ...patient, ...newest } };
    case 'triage-level':
      return { resourceType: 'Encounter', params: { class: 'EMER', ...patient, ...newest } };
    case 'immunization-given':
      return { resourceType: 'Immunization', params: { status: 'completed', ...patient, ...newest } };
    case 'home-visit-completed':
      return { resourceType: 'Encounter', params: { class: 'HH', status: 'finished', ...patient, ...newest } };
  }
}

const subjectIs = (reference: string | undefined, patient: string | undefined) => !patient || reference === `Patient/${patient}`;

/** Whether one resource, as it is now, satisfies the condition (regardless of when it was written). */
export function matches(condition: SuccessCondition, resource: Resource): boolean {
  switch (condition.kind) {
    case 'note-signed': {
      if (resource.resourceType !== 'Composition') return false;
      const c = resource as Composition;
      return c.status === 'final' && (c.type.coding ?? []).some((x) => x.system === CODE_SYSTEM.noteType && x.code === condition.noteType) && subjectIs(c.subject?.reference, condition.patient);
    }
    case 'triage-level': {
      if (resource.resourceType !== 'Encounter') return false;
      const e = resource as Encounter;
      return (e.priority?.coding ?? []).some((x) => x.system === CODE_SYSTEM.triageLevel && x.code === condition.level) && subjectIs(e.subject?.reference, condition.patient);
    }
    case 'immunization-given': {
      if (resource.resourceType !== 'Immunization') return false;
      const i = resource as Immunization;
      return i.status === 'completed' && (!condition.atc || (i.vaccineCode.coding ?? []).some((x) => x.code === condition.atc)) && subjectIs(i.patient.reference, condition.patient);
    }
    case 'home-visit-completed': {
      if (resource.resourceType !== 'Encounter') return false;
      const e = resource as Encounter;
      return e.class.code === 'HH' && e.status === 'finished' && subjectIs(e.subject?.reference, condition.patient);
    }
  }
}

const versionKey = (r: Resource) => `${r.resourceType}/${r.id ?? ''}/${r.meta?.versionId ?? ''}`;

/**
 * The condition is met when a resource that matches it now was created or changed during the
 * task: it was not among `before` in this version.
 */
export function isConditionMet(condition: SuccessCondition, before: readonly Resource[], after: readonly Resource[]): boolean {
  const seen = new Set(before.map(versionKey));
  return after.some((r) => matches(condition, r) && !seen.has(versionKey(r)));
}
