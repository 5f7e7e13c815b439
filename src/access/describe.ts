import type { AuditEvent } from 'fhir/r4';
import { ACCESS_BASIS_SYSTEM, ACCESS_REASON_SYSTEM, CARE_RELATION_SYSTEM } from '../domain/access';

/** What an AuditEvent says, in the terms the access log and the review show. */
export interface AccessEntry {
  id: string;
  when: string;
  who: string;
  role?: string;
  unit: string;
  patient?: string;
  kind: 'read' | 'write' | 'granted' | 'search';
  basis?: string;
  relation?: string;
  reason?: string;
  text?: string;
  flags: string[];
}

export function describeAudit(a: AuditEvent): AccessEntry {
  const subtype = a.subtype?.[0]?.code ?? '';
  const kind: AccessEntry['kind'] = subtype === 'access-granted' ? 'granted' : subtype === 'read' ? 'read' : subtype === 'search-type' ? (a.entity?.some((e) => e.what) ? 'read' : 'search') : 'write';
  const agent = a.agent[0];
  const entry: AccessEntry = {
    id: a.id ?? '',
    when: a.recorded,
    who: agent?.who?.display ?? agent?.altId ?? '',
    unit: a.source.observer?.display ?? '',
    kind,
    flags: (a.meta?.tag ?? []).map((t) => t.code ?? '').filter(Boolean),
  };
  const role = agent?.role?.[0]?.coding?.[0]?.code;
  if (role) entry.role = role;
  const patient = a.entity?.find((e) => e.what?.reference?.startsWith('Patient/'))?.what?.reference?.slice(8);
  if (patient) entry.patient = patient;
  const basis = agent?.purposeOfUse?.[0]?.coding?.find((c) => c.system === ACCESS_BASIS_SYSTEM)?.code;
  if (basis) entry.basis = basis;
  const purpose = a.purposeOfEvent?.[0];
  const relation = purpose?.coding?.find((c) => c.system === CARE_RELATION_SYSTEM)?.code;
  if (relation) entry.relation = relation;
  const reason = purpose?.coding?.find((c) => c.system === ACCESS_REASON_SYSTEM)?.code;
  if (reason) entry.reason = reason;
  if (purpose?.text) entry.text = purpose.text;
  return entry;
}
