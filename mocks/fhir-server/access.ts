import type { Appointment, Basic, CarePlan, Communication, Composition, Observation, PractitionerRole, Reference, Resource } from 'fhir/r4';
import { CODE_SYSTEM } from '../../src/domain/codeSystems';
import { HOME_CARE_CATEGORY, IPLOS_CODE, isCoordinator, workerOf } from '../../src/fhir/homeCare';
import type { Persona } from '../../src/session/personnel';
import { LAYOUT_CODE, LAYOUT_ID } from '../../src/layout/storage';
import { FhirServerError, issue } from './errors';

/**
 * Write rules the mock server enforces whatever the app does, as a real server would.
 *
 * Layout documents (Basic with the layout-document code): a municipality's or a personnel
 * group's layout may be written only by that municipality's configuration administrator; a
 * user's own layout only by that user.
 */
function isLayoutDocument(resource: Resource | undefined): resource is Basic {
  return resource?.resourceType === 'Basic' && Boolean((resource as Basic).code?.coding?.some((c) => c.system === LAYOUT_CODE.system && c.code === LAYOUT_CODE.code));
}

function forbidden(diagnostics: string): FhirServerError {
  return new FhirServerError(403, issue('forbidden', diagnostics));
}

function checkLayout(persona: Persona, doc: Basic): void {
  const municipality = doc.identifier?.find((i) => i.system === LAYOUT_ID.municipality)?.value;
  const user = doc.identifier?.find((i) => i.system === LAYOUT_ID.user)?.value;
  if (user !== undefined) {
    if (user !== persona.practitionerId) throw forbidden('A personal layout can only be changed by the user it belongs to.');
    return;
  }
  if (municipality === undefined) throw forbidden('A layout document must belong to a municipality or to a user.');
  if (persona.personnelGroup !== 'config-admin') {
    throw forbidden("Only the municipality's configuration administrator may change a personnel group's layout.");
  }
  if (persona.municipalityCode !== municipality) {
    throw forbidden(`Only municipality ${municipality}'s configuration administrator may change its layouts; you administer ${persona.municipalityCode}.`);
  }
}

/**
 * Signed journal notes cannot be silently edited: a Composition that is final or amended may
 * only be marked entered-in-error; a correction is a new Composition that replaces it.
 */
function checkSignedNote(existing: Resource | undefined, next: Resource | undefined): void {
  if (existing?.resourceType !== 'Composition' || !['final', 'amended'].includes((existing as Composition).status)) return;
  if (next && (next as Composition).status === 'entered-in-error') return;
  throw new FhirServerError(
    next ? 422 : 405,
    issue('business-rule', 'A signed note cannot be changed or deleted. Write a correction: a new note that replaces it (relatesTo replaces).'),
  );
}

/**
 * Home care: service decisions (CarePlan in the home-care category) and IPLOS assessments are
 * written by the district's coordinator only (a PractitionerRole coded home-care-role|coordinator),
 * and only the coordinator moves a visit (Appointment) to another worker.
 */
function checkHomeCare(persona: Persona, next: Resource | undefined, existing: Resource | undefined, lookup: ((type: string, id: string) => Resource | undefined) | undefined): void {
  const homeCare = (r: Resource | undefined): boolean => {
    if (r?.resourceType === 'CarePlan') return Boolean((r as CarePlan).category?.some((c) => c.coding?.some((k) => k.system === CODE_SYSTEM.service && k.code === HOME_CARE_CATEGORY.code)));
    if (r?.resourceType === 'Observation') return Boolean((r as Observation).code.coding?.some((k) => k.system === IPLOS_CODE.system && k.code === IPLOS_CODE.code));
    return false;
  };
  const moved = existing?.resourceType === 'Appointment' && next?.resourceType === 'Appointment' && workerOf(existing as Appointment)?.roleId !== workerOf(next as Appointment)?.roleId;
  if (!homeCare(next) && !homeCare(existing) && !moved) return;
  const role = lookup?.('PractitionerRole', persona.practitionerRoleId) as PractitionerRole | undefined;
  if (!isCoordinator(role)) throw forbidden("Only the home care district's coordinator may change service decisions, IPLOS assessments or who makes a visit.");
}

/**
 * Messages (Communication): a user sends only as themselves or their own unit, and changes a
 * message (reads it, answers, forwards, marks it handled) only when it was sent by or to them or
 * their unit. The simulated partners write beside this door, as a partner's system would.
 */
function checkCommunication(persona: Persona, next: Resource | undefined, existing: Resource | undefined): void {
  const mine = (r: Reference | undefined) => r?.reference === `PractitionerRole/${persona.practitionerRoleId}` || r?.reference === `Organization/${persona.organizationId}`;
  if (existing?.resourceType === 'Communication') {
    const m = existing as Communication;
    if (![m.sender, ...(m.recipient ?? []), ...(m.about ?? [])].some(mine)) throw forbidden('Only the sender, the recipients and their units may change a message.');
    return;
  }
  if (next?.resourceType === 'Communication' && !mine((next as Communication).sender)) {
    throw forbidden('A message is sent in your own name or your unit’s, not in someone else’s.');
  }
}

/**
 * Throws (403, or 405/422 for signed notes) when `persona` may not write `next` (create/update) over `existing` (update/delete).
 * `lookup` reads the repository (the home care coordinator's own PractitionerRole).
 */
export function authorizeWrite(persona: Persona, next: Resource | undefined, existing: Resource | undefined, lookup?: (type: string, id: string) => Resource | undefined): void {
  for (const resource of [existing, next]) if (isLayoutDocument(resource)) checkLayout(persona, resource);
  checkSignedNote(existing, next);
  checkHomeCare(persona, next, existing, lookup);
  checkCommunication(persona, next, existing);
}
