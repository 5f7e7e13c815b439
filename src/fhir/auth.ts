import type { Organization, Practitioner, PractitionerRole } from 'fhir/r4';
import { PERSONNEL_GROUPS, type Persona, type PersonnelGroup, type UnitKind } from '../session/personnel';
import { CODE_SYSTEM, EXTENSION, IDENTIFIER } from '../domain/codeSystems';
import { entries, type FhirClient } from './client';
import { formatName, referenceId } from './format';

export { fetchPersonas, requestPersonaToken } from './personaAuth';

const GROUP_OF_CATEGORY: Record<string, PersonnelGroup> = { LE: 'gp', SP: 'gp-nurse', HF: 'homecare-worker', FT: 'physio' };

function groupOf(role: PractitionerRole): PersonnelGroup | undefined {
  const codings = role.code?.flatMap((c) => c.coding ?? []) ?? [];
  const own = codings.find((c) => c.system === CODE_SYSTEM.personnelGroup)?.code;
  if (own && (PERSONNEL_GROUPS as readonly string[]).includes(own)) return own as PersonnelGroup;
  const category = codings.find((c) => c.system === CODE_SYSTEM.personnelCategory)?.code;
  return category ? GROUP_OF_CATEGORY[category] : undefined;
}

function unitKindOf(org: Organization | undefined): UnitKind {
  const code = org?.type?.flatMap((t) => t.coding ?? []).find((c) => c.system === CODE_SYSTEM.unitKind)?.code;
  return (code as UnitKind | undefined) ?? 'gp-office';
}

/**
 * For a FHIR server that needs no sign-in: the people one may act as, from its
 * PractitionerRole, Practitioner and Organization resources.
 */
export async function personasFromServer(client: FhirClient): Promise<Persona[]> {
  const [roles, practitioners, organizations] = await Promise.all([
    client.search('PractitionerRole', { _count: 500 }),
    client.search('Practitioner', { _count: 500 }),
    client.search('Organization', { _count: 500 }),
  ]);
  const practitionerById = new Map(entries<Practitioner>(practitioners, 'Practitioner').map((p) => [p.id, p]));
  const organizationById = new Map(entries<Organization>(organizations, 'Organization').map((o) => [o.id, o]));
  const personas: Persona[] = [];
  for (const role of entries<PractitionerRole>(roles, 'PractitionerRole')) {
    const group = groupOf(role);
    const practitionerId = referenceId(role.practitioner, 'Practitioner');
    const organizationId = referenceId(role.organization, 'Organization');
    if (!group || !practitionerId || !role.id) continue;
    const practitioner = practitionerById.get(practitionerId);
    const org = organizationId ? organizationById.get(organizationId) : undefined;
    const address = org?.address?.[0];
    // HL7 Norway no-basis puts the municipality code on Address.district (JSON: _district); older data on the Address.
    const municipalityCode =
      [...(address?._district?.extension ?? []), ...(address?.extension ?? [])].find((e) => e.url === EXTENSION.municipalityCode)?.valueCoding?.code ?? '';
    personas.push({
      id: role.id,
      name: formatName(practitioner?.name) || role.practitioner?.display || practitionerId,
      personnelGroup: group,
      practitionerId,
      practitionerRoleId: role.id,
      organizationId: organizationId ?? '',
      unitName: org?.name ?? role.organization?.display ?? '',
      unitKind: unitKindOf(org),
      municipalityCode,
      municipalityName: address?.district ?? '',
      hprNumber: practitioner?.identifier?.find((i) => i.system === IDENTIFIER.hpr)?.value,
    });
  }
  return personas;
}

