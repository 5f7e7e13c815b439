import type { Consent, Resource } from 'fhir/r4';
import type { Persona } from '../../src/session/personnel';

/**
 * Blocking (sperring, DOMAIN.md: OID 9603) as FHIR Consent (issue #8): `status` active,
 * `category` the 9603 system, `patient`, `provision.type` deny and
 * - `provision.actor` with role PRCP (recipient): who is blocked, units (Organization) or
 *   personnel (PractitionerRole); at least one;
 * - `provision.data`: the blocked entries (a note, a document) — or
 * - `provision.actor` with role CST (custodian): everything recorded by that service unit — or
 * - neither: the whole journal.
 * Lifting a block sets `status` inactive (the update is logged as an AuditEvent, and the
 * Consent's history keeps who did it and when). Only the patient's own GP registers or lifts
 * one (readAccess.ts), at the patient's request.
 */
import { PARTICIPATION, RESTRICTION_CATEGORY } from '../../src/access/consent';

export { blockingConsent, RESTRICTION_CATEGORY } from '../../src/access/consent';

export function isBlocking(resource: Resource | undefined): resource is Consent {
  return resource?.resourceType === 'Consent' && Boolean((resource as Consent).category?.some((c) => c.coding?.some((k) => k.system === RESTRICTION_CATEGORY.system)));
}

function roleOf(actor: NonNullable<NonNullable<Consent['provision']>['actor']>[number]): string | undefined {
  return actor.role.coding?.find((c) => c.system === PARTICIPATION)?.code;
}

function key(reference: string | undefined): string {
  if (!reference) return '';
  const parts = reference.split('/');
  return parts.slice(-2).join('/');
}

/** Whether the block applies to this persona (they are a named recipient, person or unit). */
export function blocksPersona(consent: Consent, persona: Persona): boolean {
  return (consent.provision?.actor ?? []).some((a) => {
    if (roleOf(a) !== 'PRCP') return false;
    const k = key(a.reference.reference);
    return k === `PractitionerRole/${persona.practitionerRoleId}` || k === `Organization/${persona.organizationId}`;
  });
}

/** The units a resource was recorded at (custodian, service provider, performer, author organisations). */
function unitsOf(resource: Resource): string[] {
  const r = resource as unknown as Record<string, unknown>;
  const out: string[] = [];
  const add = (value: unknown) => {
    const ref = (value as { reference?: string } | undefined)?.reference;
    if (ref && key(ref).startsWith('Organization/')) out.push(key(ref));
  };
  add(r.custodian);
  add(r.serviceProvider);
  for (const field of ['author', 'performer']) {
    const value = r[field];
    if (Array.isArray(value)) for (const v of value) add((v as { actor?: unknown }).actor ?? v);
    else add(value);
  }
  return out;
}

/** Whether the block hides this resource of the patient (the Patient itself is never hidden). */
export function blocksResource(consent: Consent, resource: Resource): boolean {
  if (resource.resourceType === 'Patient' || resource.resourceType === 'Consent' || resource.resourceType === 'AuditEvent') return false;
  const data = consent.provision?.data ?? [];
  const custodians = (consent.provision?.actor ?? []).filter((a) => roleOf(a) === 'CST').map((a) => key(a.reference.reference));
  if (data.length > 0) return data.some((d) => key(d.reference.reference) === `${resource.resourceType}/${resource.id}`);
  if (custodians.length > 0) return unitsOf(resource).some((u) => custodians.includes(u));
  return true; // the whole journal
}

export function activeBlocks(resources: Iterable<Resource> | undefined): Consent[] {
  const out: Consent[] = [];
  for (const r of resources ?? []) if (isBlocking(r) && r.status === 'active' && r.provision?.type !== 'permit') out.push(r);
  return out;
}

