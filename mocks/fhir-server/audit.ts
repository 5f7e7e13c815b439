import type { AuditEvent, AuditEventEntity, Coding } from 'fhir/r4';
import { ACCESS_BASIS_SYSTEM, ACCESS_REASON_DISPLAY, ACCESS_REASON_SYSTEM, CARE_RELATION_SYSTEM, type AccessBasis, type CareRelation } from '../../src/domain/access';
import { CODE_SYSTEM } from '../../src/domain/codeSystems';
import type { Persona } from '../../src/session/personnel';
import type { Grant } from './readAccess';

/**
 * AuditEvents for access to patient data (issue #8): who (the persona's PractitionerRole, its
 * personnel group as `agent.role`, `altId` the persona), the unit (`source.observer`), when
 * (`recorded`), what (`entity`: the patients, or the query of a search that named none), the
 * basis (`agent.purposeOfUse`: implicit, explicit, emergency, administrative) and the reason
 * (`purposeOfEvent`: the care relation, or the stated reason's code with the free text as
 * `text`, which only the user and the unit's leader are sent).
 *
 * `subtype` is the FHIR restful interaction (read, search-type, create, update, delete,
 * transaction) or `urn:akson:codesystem:audit-subtype|access-granted` for a stated reason.
 */

export const AUDIT_SUBTYPE_SYSTEM = 'urn:akson:codesystem:audit-subtype';
/** Flags on an explicit or emergency access for the leader's review (meta.tag). */
export const ACCESS_FLAG_SYSTEM = 'urn:akson:codesystem:access-flag';
export type AccessFlag = 'many-without-relation' | 'shared-address';

const REST = 'http://hl7.org/fhir/restful-interaction';
const ACTION: Record<string, AuditEvent['action']> = { read: 'R', 'search-type': 'E', create: 'C', update: 'U', delete: 'D', transaction: 'E', 'access-granted': 'E' };

export interface AuditInput {
  persona: Persona;
  /** read | search-type | create | update | delete | transaction | access-granted */
  interaction: string;
  patients: readonly string[];
  recorded: string;
  basis?: AccessBasis;
  relation?: CareRelation;
  grant?: Grant;
  /** A search that named no patient: what was asked. */
  query?: string;
  flags?: readonly AccessFlag[];
}

export function buildAuditEvent(input: AuditInput): AuditEvent {
  const { persona, interaction, grant } = input;
  const subtype: Coding =
    interaction === 'access-granted'
      ? { system: AUDIT_SUBTYPE_SYSTEM, code: 'access-granted', display: grant?.kind === 'emergency' ? 'Akuttilgang' : 'Tilgang med begrunnelse' }
      : { system: REST, code: interaction, display: interaction };
  const purposeOfUse: Coding[] = input.basis ? [{ system: ACCESS_BASIS_SYSTEM, code: input.basis }] : [];
  const event: AuditEvent = {
    resourceType: 'AuditEvent',
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [subtype],
    action: ACTION[interaction] ?? 'E',
    recorded: input.recorded,
    outcome: '0',
    agent: [
      {
        who: { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name },
        altId: persona.id,
        role: [{ coding: [{ system: CODE_SYSTEM.personnelGroup, code: persona.personnelGroup }] }],
        requestor: true,
        ...(purposeOfUse.length ? { purposeOfUse: [{ coding: purposeOfUse }] } : {}),
      },
    ],
    source: { observer: { reference: `Organization/${persona.organizationId}`, display: persona.unitName } },
  };
  if (grant) {
    event.purposeOfEvent = [{ coding: [{ system: ACCESS_REASON_SYSTEM, code: grant.reason, display: ACCESS_REASON_DISPLAY[grant.reason] }], ...(grant.text ? { text: grant.text } : {}) }];
  } else if (input.relation) {
    event.purposeOfEvent = [{ coding: [{ system: CARE_RELATION_SYSTEM, code: input.relation }] }];
  }
  const entities: AuditEventEntity[] = input.patients.map((id) => ({
    what: { reference: `Patient/${id}` },
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
    role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
  }));
  if (grant) {
    const first = entities[0];
    if (first) first.detail = [{ type: 'expires', valueString: new Date(grant.expires).toISOString() }];
  }
  if (input.query !== undefined) {
    entities.push({ type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' }, description: input.query });
  }
  if (entities.length) event.entity = entities;
  if (input.flags?.length) event.meta = { tag: input.flags.map((code) => ({ system: ACCESS_FLAG_SYSTEM, code })) };
  return event;
}
