import type { Organization, PractitionerRole, Reference } from 'fhir/r4';
import { CODE_SYSTEM } from '../domain/codeSystems';
import { SERVICE_OF_UNIT_KIND, isServiceCode, type ServiceCode } from '../domain/services';
import { codingOf, conceptText, referenceId } from '../fhir/format';
import type { UnitKind } from '../session/personnel';

/**
 * Who recorded a journal entry and where: every shared module shows this line. An entry carries
 * only a reference (with a display name) to the author's PractitionerRole or to an
 * Organization; the personnel group comes from the role, and the unit's service and
 * municipality from the role's organization.
 */

export interface RoleInfo {
  /** Personnel group code (CODE_SYSTEM.personnelGroup), when the role has one. */
  group?: string;
  /** The role's own text (e.g. "Sykehuslege") for roles outside the municipal groups. */
  text?: string;
  /** The unit the role belongs to (PractitionerRole.organization). */
  orgId?: string;
  orgName?: string;
}

export interface OrgInfo {
  name?: string;
  service?: ServiceCode;
  municipality?: string;
}

export function roleInfo(role: PractitionerRole): RoleInfo {
  const out: RoleInfo = {};
  for (const concept of role.code ?? []) {
    const group = codingOf(concept, CODE_SYSTEM.personnelGroup)?.code;
    if (group) {
      out.group = group;
      out.text = conceptText(concept);
      break;
    }
  }
  if (!out.group) {
    const text = role.code?.map(conceptText).find(Boolean);
    if (text) out.text = text;
  }
  const orgId = referenceId(role.organization, 'Organization');
  if (orgId) out.orgId = orgId;
  if (role.organization?.display) out.orgName = role.organization.display;
  return out;
}

export function orgInfo(org: Organization): OrgInfo {
  let service: ServiceCode | undefined;
  for (const concept of org.type ?? []) {
    const kind = codingOf(concept, CODE_SYSTEM.unitKind)?.code as UnitKind | undefined;
    if (kind && kind in SERVICE_OF_UNIT_KIND) service = SERVICE_OF_UNIT_KIND[kind];
    const own = codingOf(concept, CODE_SYSTEM.service)?.code;
    if (!service && isServiceCode(own)) service = own;
  }
  const municipality = org.address?.find((a) => a.district)?.district ?? org.partOf?.display?.replace(/ kommune$/, '');
  const out: OrgInfo = {};
  if (org.name) out.name = org.name;
  if (service) out.service = service;
  if (municipality) out.municipality = municipality;
  return out;
}

/** What the "recorded by" line shows. */
export interface Provenance {
  /** The person's name, or the organisation's when an organisation is the author. */
  name: string;
  group?: string;
  roleText?: string;
  roleId?: string;
  unitId?: string;
  unitName: string;
  service?: ServiceCode;
  municipality?: string;
}

export interface ProvenanceLookup {
  roles: ReadonlyMap<string, RoleInfo>;
  orgs: ReadonlyMap<string, OrgInfo>;
}

export const EMPTY_LOOKUP: ProvenanceLookup = { roles: new Map(), orgs: new Map() };

/**
 * Reads one entry's author (a PractitionerRole or Organization reference) and, optionally, the
 * unit that holds the entry (Composition.custodian, Encounter.serviceProvider) into a Provenance.
 */
export function describeProvenance(author: Reference | undefined, unit: Reference | undefined, lookup: ProvenanceLookup): Provenance {
  const roleId = referenceId(author, 'PractitionerRole');
  const authorOrgId = referenceId(author, 'Organization');
  const role = roleId ? lookup.roles.get(roleId) : undefined;
  const unitId = referenceId(unit, 'Organization') ?? role?.orgId ?? authorOrgId;
  const org = unitId ? lookup.orgs.get(unitId) : undefined;
  const out: Provenance = {
    name: author?.display ?? '',
    unitName: unit?.display ?? org?.name ?? role?.orgName ?? '',
  };
  // An organisation as author (a hospital laboratory) is its own unit: say its name once.
  if (authorOrgId && !unit) out.unitName = out.name ? '' : out.unitName;
  if (!out.name && authorOrgId) out.name = org?.name ?? '';
  if (roleId) out.roleId = roleId;
  if (role?.group) out.group = role.group;
  if (role?.text) out.roleText = role.text;
  if (unitId) out.unitId = unitId;
  if (org?.service) out.service = org.service;
  if (org?.municipality) out.municipality = org.municipality;
  return out;
}

/** PractitionerRole and Organization ids an entry's references point at (for one batched lookup). */
export function referencedIds(refs: Iterable<Reference | undefined>): { roleIds: string[]; orgIds: string[] } {
  const roles = new Set<string>();
  const orgs = new Set<string>();
  for (const ref of refs) {
    const role = referenceId(ref, 'PractitionerRole');
    if (role) roles.add(role);
    const org = referenceId(ref, 'Organization');
    if (org) orgs.add(org);
  }
  return { roleIds: [...roles].sort(), orgIds: [...orgs].sort() };
}
