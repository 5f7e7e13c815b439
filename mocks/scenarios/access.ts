import type { PractitionerRole } from 'fhir/r4';
import { LEADER_CODE } from '../../src/domain/access';
import type { PersonnelGroup } from '../../src/session/personnel';
import type { FhirRepository } from '../fhir-server/repository';
import type { ScenarioContext } from './index';

/**
 * Unit leaders (issue #8): the leader reviews the unit's explicit and emergency accesses. A
 * leader's PractitionerRole.code carries `urn:akson:codesystem:unit-role|leader` beside the
 * personnel group. The scenarios make these personas their unit's leader: the emergency clinic's
 * nurse (avdelingssykepleier), the GP office's GP, the home care district's nurse (also its
 * coordinator), the health station's nurse, the nursing home's nurse and the physiotherapist.
 */
export const LEADER_GROUPS: readonly PersonnelGroup[] = ['ed-nurse', 'gp', 'homecare-nurse', 'hs-nurse', 'nh-nurse', 'physio'];

export function addUnitLeaders(repo: FhirRepository, ctx: ScenarioContext): void {
  for (const persona of ctx.personas) {
    if (!LEADER_GROUPS.includes(persona.personnelGroup)) continue;
    const role = repo.get('PractitionerRole', persona.practitionerRoleId) as PractitionerRole | undefined;
    if (!role || role.code?.some((c) => c.coding?.some((k) => k.system === LEADER_CODE.system && k.code === LEADER_CODE.code))) continue;
    repo.update({ ...role, code: [...(role.code ?? []), { coding: [{ ...LEADER_CODE }], text: LEADER_CODE.display }] });
  }
}
