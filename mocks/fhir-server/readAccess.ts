import type { AuditEvent, Communication, Consent, Patient, PractitionerRole, Resource } from 'fhir/r4';
import {
  ACCESS_OUTCOME_SYSTEM,
  BLOCKED_TAG,
  EMERGENCY_ACCESS_MINUTES,
  EXPLICIT_ACCESS_MINUTES,
  LEADER_CODE,
  REDUCED_TAG,
  type AccessBasis,
  type AccessReason,
  type CareRelation,
} from '../../src/domain/access';
import type { Persona } from '../../src/session/personnel';
import { FhirServerError } from './errors';
import { municipalityOf, relationOf, RELATION_TYPES, type RelationSource } from './relations';
import { activeBlocks, blocksPersona, blocksResource, isBlocking } from './blocking';
import { patientIdsOf } from './search';

/**
 * Who may read what (issue #8), decided by the mock server for every request whatever the app
 * does. Write rules of other kinds (layouts, signed notes, home care coordinator) stay in
 * `access.ts`; `guardWrite` here adds need-to-know to writes.
 *
 * - Health personnel read a patient's data when they have a care relation (`relations.ts`:
 *   implicit access) or a grant they asked for with a reason (explicit) or in an emergency
 *   (`grant`). Otherwise 403 with an OperationOutcome whose detail code
 *   `urn:akson:codesystem:access-outcome|reason-required` tells the app it may ask for a reason.
 * - Patient searches are answered for everyone, but a patient without access is reduced to what
 *   is needed to pick the right one: name, birth date, municipality and the national id
 *   (`reducePatient`), tagged `no-relation`. Included resources of such patients are left out.
 * - Searches not scoped to one patient (the board, the GP's results, the inbox …) leave out the
 *   resources of patients the user has no access to, before paging (so totals and pages agree).
 * - Administrative staff (admin-staff, config-admin) see appointments, contact details
 *   (Patient, RelatedPerson) and message metadata (Communication without its payload), of the
 *   patients of their municipality or their office's list; never clinical content (403).
 * - Emergency clinic personnel see a patient's critical information (AllergyIntolerance, Flag)
 *   and regular GP before the patient is registered: the arrival page shows them first.
 * - Messages (Communication) to or from the user or the user's unit are the user's own.
 * - AuditEvents: a unit leader (PractitionerRole coded unit-role|leader) reads every event
 *   recorded at the unit; anyone with access to a patient reads the patient's events without
 *   the free-text reasons (the reason category only).
 */

export interface Grant {
  kind: 'explicit' | 'emergency';
  reason: AccessReason | 'emergency';
  text?: string;
  granted: number;
  expires: number;
}

export interface AccessDecision {
  allowed: boolean;
  basis?: AccessBasis;
  relation?: CareRelation;
  grant?: Grant;
}

/** Types administrative staff may read and write (never clinical content). */
export const ADMINISTRATIVE_TYPES: ReadonlySet<string> = new Set([
  'Patient',
  'RelatedPerson',
  'Appointment',
  'Communication',
  'Task',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
  'HealthcareService',
  'Endpoint',
  'Schedule',
  'Slot',
  'Basic',
]);
const NON_HEALTH_GROUPS: ReadonlySet<Persona['personnelGroup']> = new Set(['admin-staff', 'config-admin']);
const CRITICAL_INFO_TYPES: ReadonlySet<string> = new Set(['AllergyIntolerance', 'Flag']);
const EMERGENCY_GROUPS: ReadonlySet<Persona['personnelGroup']> = new Set(['ed-doctor', 'ed-nurse']);

export function isNonHealth(persona: Persona): boolean {
  return NON_HEALTH_GROUPS.has(persona.personnelGroup);
}

export function forbidden(diagnostics: string, code?: string): FhirServerError {
  return new FhirServerError(403, {
    severity: 'error',
    code: 'forbidden',
    diagnostics,
    details: { text: diagnostics, ...(code ? { coding: [{ system: ACCESS_OUTCOME_SYSTEM, code }] } : {}) },
  });
}

function refIs(reference: string | undefined, type: string, id: string): boolean {
  return Boolean(reference && (reference === `${type}/${id}` || reference.endsWith(`/${type}/${id}`)));
}

export interface AccessSource extends RelationSource {
  now(): Date;
}

export class AccessControl {
  /** "persona|patient" → relation (null: none). Dropped when a RELATION_TYPES resource is written. */
  private readonly relations = new Map<string, CareRelation | null>();
  /** "persona|patient" → the newest grant. */
  private readonly grants = new Map<string, Grant>();
  /** persona id → whether the persona's role is coded leader. */
  private readonly leaders = new Map<string, boolean>();
  /** patient id → active blocks (sperring); dropped when a Consent is written. */
  private readonly blocks = new Map<string, Consent[]>();

  constructor(private readonly source: AccessSource) {}

  /** Call after every write: relations of patients may have changed. */
  changed(type: string): void {
    if (RELATION_TYPES.has(type)) this.relations.clear();
    if (type === 'PractitionerRole') this.leaders.clear();
    if (type === 'Consent') this.blocks.clear();
  }

  /** The patient's active blocks that name this persona (or the persona's unit). */
  blocksFor(persona: Persona, patientId: string): Consent[] {
    let list = this.blocks.get(patientId);
    if (!list) {
      list = activeBlocks(this.source.byPatient('Consent', patientId));
      this.blocks.set(patientId, list);
    }
    return list.length === 0 ? list : list.filter((c) => blocksPersona(c, persona));
  }

  private blocked(persona: Persona, resource: Resource, patients: readonly string[]): boolean {
    for (const id of patients) for (const consent of this.blocksFor(persona, id)) if (blocksResource(consent, resource)) return true;
    return false;
  }

  /** Forget every grant and cached relation (a reset). */
  clear(): void {
    this.relations.clear();
    this.grants.clear();
    this.leaders.clear();
    this.blocks.clear();
  }

  private nowMs(): number {
    return this.source.now().getTime();
  }

  relation(persona: Persona, patientId: string): CareRelation | null {
    const key = `${persona.id}|${patientId}`;
    let r = this.relations.get(key);
    if (r === undefined) {
      r = relationOf(this.source, persona, patientId, this.nowMs());
      this.relations.set(key, r);
    }
    return r;
  }

  activeGrant(persona: Persona, patientId: string): Grant | undefined {
    const grant = this.grants.get(`${persona.id}|${patientId}`);
    return grant && grant.expires > this.nowMs() ? grant : undefined;
  }

  isLeader(persona: Persona): boolean {
    let leader = this.leaders.get(persona.id);
    if (leader === undefined) {
      const role = this.source.get('PractitionerRole', persona.practitionerRoleId) as PractitionerRole | undefined;
      leader = Boolean(role?.code?.some((c) => c.coding?.some((k) => k.system === LEADER_CODE.system && k.code === LEADER_CODE.code)));
      this.leaders.set(persona.id, leader);
    }
    return leader;
  }

  /** Whether the persona may read the patient's journal, and on what basis. */
  decide(persona: Persona, patientId: string): AccessDecision {
    const relation = this.relation(persona, patientId);
    if (isNonHealth(persona)) {
      if (relation) return { allowed: true, basis: 'administrative', relation };
      const patient = this.source.get('Patient', patientId) as Patient | undefined;
      if (patient && municipalityOf(patient) === persona.municipalityCode) return { allowed: true, basis: 'administrative' };
      return { allowed: false };
    }
    if (relation) return { allowed: true, basis: 'implicit', relation };
    const grant = this.activeGrant(persona, patientId);
    if (grant) return { allowed: true, basis: grant.kind, grant };
    return { allowed: false };
  }

  /** Grants explicit (a reason from the list) or emergency access for a while. */
  grant(persona: Persona, patientId: string, kind: Grant['kind'], reason: Grant['reason'], text: string | undefined): Grant {
    if (isNonHealth(persona)) throw forbidden('Administrative staff cannot open a patient’s clinical journal, not even with a reason.');
    const granted = this.nowMs();
    const minutes = kind === 'emergency' ? EMERGENCY_ACCESS_MINUTES : EXPLICIT_ACCESS_MINUTES;
    const grant: Grant = { kind, reason, granted, expires: granted + minutes * 60_000 };
    if (text) grant.text = text;
    this.grants.set(`${persona.id}|${patientId}`, grant);
    return grant;
  }

  /** Restores a grant (from a saved AuditEvent after a reload). */
  restoreGrant(personaId: string, patientId: string, grant: Grant): void {
    const key = `${personaId}|${patientId}`;
    const existing = this.grants.get(key);
    if (!existing || existing.granted < grant.granted) this.grants.set(key, grant);
  }

  /** Explicit and emergency grants the persona holds now (patient id → grant). */
  grantsOf(persona: Persona): Map<string, Grant> {
    const out = new Map<string, Grant>();
    const now = this.nowMs();
    for (const [key, grant] of this.grants) {
      const [who, patientId] = key.split('|');
      if (who === persona.id && patientId && grant.expires > now) out.set(patientId, grant);
    }
    return out;
  }

  private noAccess(patientId: string): FhirServerError {
    return forbidden(
      `You have no care relation to Patient/${patientId}. State a reason for access (POST Patient/${patientId}/$access) or use emergency access.`,
      'reason-required',
    );
  }

  private nonHealthRefusal(type: string): FhirServerError {
    return forbidden(`Administrative staff see appointments, contact details and message metadata, not clinical content (${type}).`, 'clinical-content');
  }

  /** A message to or from the user or the user's unit. */
  private ownMessage(persona: Persona, c: Communication): boolean {
    const mine = (ref: string | undefined) => refIs(ref, 'PractitionerRole', persona.practitionerRoleId) || refIs(ref, 'Organization', persona.organizationId);
    return mine(c.sender?.reference) || Boolean(c.recipient?.some((r) => mine(r.reference)));
  }

  private auditReadable(persona: Persona, a: AuditEvent): 'full' | 'reduced' | 'patient' {
    if (this.isLeader(persona) && refIs(a.source.observer?.reference, 'Organization', persona.organizationId)) return 'full';
    if (a.agent.some((g) => refIs(g.who?.reference, 'PractitionerRole', persona.practitionerRoleId))) return 'full';
    return 'patient';
  }

  /**
   * Whether a resource may be sent to the persona (searches' matches and includes). Patients are
   * always visible (reduced by `transform` when there is no access).
   */
  visible(persona: Persona, resource: Resource): boolean {
    const type = resource.resourceType;
    if (type === 'Patient') return true;
    if (isNonHealth(persona) && !ADMINISTRATIVE_TYPES.has(type)) return false;
    if (type === 'Communication' && this.ownMessage(persona, resource as Communication)) return true;
    if (type === 'AuditEvent' && this.auditReadable(persona, resource as AuditEvent) === 'full') return true;
    const patients = patientIdsOf(resource);
    for (const id of patients) {
      if (this.decide(persona, id).allowed) continue;
      if (EMERGENCY_GROUPS.has(persona.personnelGroup) && CRITICAL_INFO_TYPES.has(type)) continue;
      return false;
    }
    // Blocked (sperret) for this user or unit at the patient's request: not sent at all.
    return !this.blocked(persona, resource, patients);
  }

  /** What of a visible resource is sent: a reduced Patient, a message without payload, an audit event without free text. */
  transform(persona: Persona, resource: Resource): Resource {
    switch (resource.resourceType) {
      case 'Patient': {
        const p = resource as Patient;
        if (p.id && this.decide(persona, p.id).allowed) {
          if (this.blocksFor(persona, p.id).length === 0) return p;
          // The user learns that something is blocked, never what.
          return { ...p, meta: { ...p.meta, tag: [...(p.meta?.tag ?? []), { ...BLOCKED_TAG }] } };
        }
        return reducePatient(p, { keepGp: EMERGENCY_GROUPS.has(persona.personnelGroup) });
      }
      case 'Communication': {
        if (!isNonHealth(persona)) return resource;
        const c = { ...(resource as Communication) };
        delete c.payload;
        c.meta = { ...c.meta, tag: [...(c.meta?.tag ?? []), { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' }] };
        return c;
      }
      case 'AuditEvent': {
        const a = resource as AuditEvent;
        if (this.auditReadable(persona, a) === 'full') return a;
        return withoutFreeText(a);
      }
      default:
        return resource;
    }
  }

  /** Throws 403 unless the persona may read this resource (GET Type/id, history). */
  guardRead(persona: Persona, resource: Resource): void {
    const type = resource.resourceType;
    if (isNonHealth(persona) && !ADMINISTRATIVE_TYPES.has(type)) throw this.nonHealthRefusal(type);
    if (type === 'Patient') {
      if (!this.decide(persona, resource.id ?? '').allowed) throw this.noAccess(resource.id ?? '');
      return;
    }
    if (!this.visible(persona, resource)) {
      const patient = patientIdsOf(resource).find((id) => !this.decide(persona, id).allowed);
      if (patient === undefined) throw forbidden('This entry is blocked for you at the patient’s request.', 'blocked');
      throw this.noAccess(patient);
    }
  }

  /**
   * Before a search: 403 for administrative staff on clinical types, and for a search scoped to
   * patients (patient=, subject=) the persona has no access to. Returns the patients the
   * search is scoped to (empty when it is not).
   */
  guardSearch(persona: Persona, type: string, params: URLSearchParams): string[] {
    if (isNonHealth(persona) && !ADMINISTRATIVE_TYPES.has(type)) throw this.nonHealthRefusal(type);
    const scoped = scopedPatients(type, params);
    if (type === 'Patient' || type === 'Communication' || type === 'AuditEvent') return scoped;
    for (const id of scoped) {
      if (this.decide(persona, id).allowed) continue;
      if (EMERGENCY_GROUPS.has(persona.personnelGroup) && CRITICAL_INFO_TYPES.has(type)) continue;
      throw this.noAccess(id);
    }
    return scoped;
  }

  /**
   * Need-to-know on writes: administrative staff write only administrative types; health
   * personnel write a patient's data only with access. Registering a patient's arrival at one's
   * own emergency clinic (an Encounter there) makes the relation, so it needs none before.
   * Clients never write AuditEvents.
   */
  guardWrite(persona: Persona, next: Resource | undefined, existing: Resource | undefined): string[] {
    const touched: string[] = [];
    for (const r of [existing, next]) {
      if (!r) continue;
      const type = r.resourceType;
      if (type === 'AuditEvent') throw forbidden('Audit events are written by the server only.');
      if (isBlocking(r)) {
        const patientId = patientIdsOf(r)[0] ?? '';
        if (this.relation(persona, patientId) !== 'gp-list') throw forbidden('Only the patient’s own GP registers or lifts a blocking (sperring), at the patient’s request.', 'blocking-gp-only');
      }
      if (isNonHealth(persona) && !ADMINISTRATIVE_TYPES.has(type)) throw this.nonHealthRefusal(type);
      if (type === 'Communication' && this.ownMessage(persona, r as Communication)) {
        for (const id of patientIdsOf(r)) if (!touched.includes(id)) touched.push(id);
        continue;
      }
      const ids = type === 'Patient' ? (r.id && this.source.get('Patient', r.id) ? [r.id] : []) : patientIdsOf(r);
      for (const id of ids) {
        if (!touched.includes(id)) touched.push(id);
        if (!this.source.get('Patient', id)) continue; // created in the same transaction
        if (this.decide(persona, id).allowed) continue;
        if (type === 'Encounter' && r === next && EMERGENCY_GROUPS.has(persona.personnelGroup) && refIs((r as { serviceProvider?: { reference?: string } }).serviceProvider?.reference, 'Organization', persona.organizationId)) continue;
        throw this.noAccess(id);
      }
    }
    return touched;
  }
}

/** The patients a search names in patient= / subject= (plain ids or Patient/id), or _id for Patient. */
export function scopedPatients(type: string, params: URLSearchParams): string[] {
  const ids: string[] = [];
  for (const [key, value] of params) {
    const [name, modifier] = key.split(':');
    if (name === undefined || key.includes('.')) continue;
    const patientParam = name === 'patient' || (name === 'subject' && (modifier === undefined || modifier === 'Patient'));
    const idParam = type === 'Patient' && name === '_id' && modifier === undefined;
    if (!patientParam && !idParam) continue;
    for (const raw of value.split(',')) {
      const v = raw.trim();
      if (!v) continue;
      const id = v.includes('/') ? (v.match(/(?:^|\/)Patient\/([^/]+)$/)?.[1] ?? undefined) : v;
      if (id && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** A patient as shown to someone without access: name, birth date, municipality, national id. */
export function reducePatient(p: Patient, options: { keepGp?: boolean } = {}): Patient {
  const out: Patient = { resourceType: 'Patient' };
  if (p.id) out.id = p.id;
  out.meta = { ...p.meta, tag: [...(p.meta?.tag ?? []), { ...REDUCED_TAG }, { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' }] };
  if (p.identifier) out.identifier = p.identifier.filter((i) => i.use !== 'old');
  if (p.name) out.name = p.name;
  if (p.birthDate) out.birthDate = p.birthDate;
  if (p.gender) out.gender = p.gender;
  if (p.deceasedBoolean !== undefined) out.deceasedBoolean = p.deceasedBoolean;
  if (p.deceasedDateTime) out.deceasedDateTime = p.deceasedDateTime;
  const address = (p.address ?? []).find((a) => a.use !== 'old') ?? p.address?.[0];
  if (address) {
    const reduced: NonNullable<Patient['address']>[number] = {};
    if (address.district) reduced.district = address.district;
    if (address._district) reduced._district = address._district;
    out.address = [reduced];
  }
  if (options.keepGp && p.generalPractitioner) out.generalPractitioner = p.generalPractitioner;
  return out;
}

/** An audit event as the patient is shown it: the reason category, not the free text. */
export function withoutFreeText(a: AuditEvent): AuditEvent {
  const out: AuditEvent = { ...a };
  if (a.purposeOfEvent) out.purposeOfEvent = a.purposeOfEvent.map((p) => (p.coding ? { coding: p.coding } : {}));
  out.entity = a.entity?.map((e) => {
    const copy = { ...e };
    delete copy.description;
    return copy;
  });
  return out;
}
