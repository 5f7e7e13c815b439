import type { Address, AuditEvent, Patient, Practitioner } from 'fhir/r4';
import { ACCESS_REASON_SYSTEM, isAccessReason } from '../../src/domain/access';
import type { Persona } from '../../src/session/personnel';
import { AUDIT_SUBTYPE_SYSTEM, buildAuditEvent, type AccessFlag } from './audit';
import type { AccessControl, Grant } from './readAccess';
import type { FhirRepository } from './repository';

/**
 * When the backend writes AuditEvents (issue #8), kept cheap: one event per request, never one
 * per resource, and reads are not logged again for the same user and patients within
 * `quietMs` (default 10 minutes; opening a chart makes one Patient read and a dozen searches
 * about the patient, which together are one access). Searches that name no patient (the board,
 * the GP's list, the patient search) are logged once per user and resource type per quiet period,
 * with the query. Writes and stated reasons are always logged.
 */
export interface AccessAudit {
  read(repo: FhirRepository, persona: Persona, access: AccessControl, patients: readonly string[], interaction: 'read' | 'search-type'): void;
  search(repo: FhirRepository, persona: Persona, type: string, query: string): void;
  write(repo: FhirRepository, persona: Persona, access: AccessControl, patients: readonly string[], interaction: string): void;
  grant(repo: FhirRepository, persona: Persona, access: AccessControl, patientId: string, grant: Grant): AuditEvent;
  restoreGrants(repo: FhirRepository, access: AccessControl, personas: Map<string, Persona>): void;
  clear(): void;
}

/** More explicit accesses than this by one user in 24 hours are flagged for the leader. */
export const MANY_WITHOUT_RELATION = 5;

function sameAddress(a: Address | undefined, b: Address | undefined): boolean {
  if (!a?.line?.length || !b?.line?.length || !a.postalCode || a.postalCode !== b.postalCode) return false;
  const norm = (x: Address) => (x.line ?? []).join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export function createAccessAudit(options: { reads: boolean; quietMs?: number; realNow: () => number }): AccessAudit {
  const quietMs = options.quietMs ?? 10 * 60_000;
  const last = new Map<string, number>();

  function quiet(key: string): boolean {
    const now = options.realNow();
    const previous = last.get(key);
    if (previous !== undefined && now - previous < quietMs) return true;
    last.set(key, now);
    return false;
  }

  function basisOf(persona: Persona, access: AccessControl, patients: readonly string[]) {
    const first = patients[0];
    if (first === undefined) return {};
    const d = access.decide(persona, first);
    // A read under a grant carries the reason's category; the free text is in the grant's own event.
    const grant = d.grant ? { ...d.grant } : undefined;
    if (grant) delete grant.text;
    return { ...(d.basis ? { basis: d.basis } : {}), ...(d.relation ? { relation: d.relation } : {}), ...(grant ? { grant } : {}) };
  }

  return {
    read(repo, persona, access, patients, interaction) {
      if (!options.reads || patients.length === 0) return;
      if (quiet(`${persona.id}|read|${[...patients].sort().join(',')}`)) return;
      repo.create(buildAuditEvent({ persona, interaction, patients, recorded: repo.now().toISOString(), ...basisOf(persona, access, patients) }));
    },
    search(repo, persona, type, query) {
      if (!options.reads) return;
      if (quiet(`${persona.id}|search|${type}`)) return;
      repo.create(buildAuditEvent({ persona, interaction: 'search-type', patients: [], recorded: repo.now().toISOString(), query: `${type}?${query}` }));
    },
    write(repo, persona, access, patients, interaction) {
      if (patients.length === 0) return;
      const existing = patients.filter((id) => repo.get('Patient', id));
      const b = basisOf(persona, access, existing);
      repo.create(buildAuditEvent({ persona, interaction, patients, recorded: repo.now().toISOString(), ...b }));
    },
    grant(repo, persona, access, patientId, grant) {
      const flags: AccessFlag[] = [];
      const dayAgo = repo.now().getTime() - 24 * 60 * 60_000;
      const recent = [...access.grantsOf(persona).values()].filter((g) => g.granted >= dayAgo).length;
      if (recent > MANY_WITHOUT_RELATION) flags.push('many-without-relation');
      const practitioner = repo.get('Practitioner', persona.practitionerId) as Practitioner | undefined;
      const patient = repo.get('Patient', patientId) as Patient | undefined;
      const home = (patient?.address ?? []).filter((a) => a.use !== 'old');
      if (practitioner?.address?.some((pa) => home.some((a) => sameAddress(pa, a)))) flags.push('shared-address');
      const event = repo.create(
        buildAuditEvent({ persona, interaction: 'access-granted', patients: [patientId], recorded: repo.now().toISOString(), basis: grant.kind, grant, flags }),
      );
      // The reads that follow are logged under the grant from now on.
      last.delete(`${persona.id}|read|${patientId}`);
      return event;
    },
    restoreGrants(repo, access, personas) {
      for (const r of repo.all('AuditEvent')) {
        const a = r as AuditEvent;
        if (!a.subtype?.some((s) => s.system === AUDIT_SUBTYPE_SYSTEM && s.code === 'access-granted')) continue;
        const persona = personas.get(a.agent[0]?.altId ?? '');
        const patientId = a.entity?.[0]?.what?.reference?.replace(/^Patient\//, '');
        const expires = a.entity?.[0]?.detail?.find((d) => d.type === 'expires')?.valueString;
        const reason = a.purposeOfEvent?.[0]?.coding?.find((c) => c.system === ACCESS_REASON_SYSTEM)?.code;
        if (!persona || !patientId || !expires || !reason) continue;
        const kind = reason === 'emergency' ? 'emergency' : 'explicit';
        if (kind === 'explicit' && !isAccessReason(reason)) continue;
        const grant: Grant = { kind, reason: reason as Grant['reason'], granted: Date.parse(a.recorded), expires: Date.parse(expires) };
        const text = a.purposeOfEvent?.[0]?.text;
        if (text) grant.text = text;
        access.restoreGrant(persona.id, patientId, grant);
      }
    },
    clear() {
      last.clear();
    },
  };
}
