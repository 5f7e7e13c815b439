import type { Appointment, Bundle, Composition, DocumentReference } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { codingOf } from '../../fhir/format';
import { referenceId } from '../../fhir/format';

export interface DayRow {
  appointment: Appointment;
  patientId: string | undefined;
  patientName: string;
  /** The practitioner the appointment is with (shown to office staff, who see everyone's). */
  practitionerName: string | undefined;
  /** Results nobody at the office has seen for this patient (the GP's list). */
  unseenResults: number;
  /** The appointment's encounter is open: the patient is with the GP now. */
  inConsultation: boolean;
  /** Signed notes from other services, and documents from others, in the last days (the GP's list). */
  newNotes: number;
  newDocuments: number;
}

export interface NewFromOthers {
  notes: number;
  documents: number;
}

/**
 * What other services wrote about each patient lately: signed notes whose service is not the
 * GP office's, and documents not written by this GP (discharge summaries, letters). There is no
 * per-user "read" mark in the journal, so "new" is "from the last days" (see the manifest).
 */
export function newFromOthersByPatient(notes: readonly Composition[], documents: readonly DocumentReference[], gpRoleId: string): Map<string, NewFromOthers> {
  const out = new Map<string, NewFromOthers>();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { notes: 0, documents: 0 }));
    return e;
  };
  for (const c of notes) {
    const id = referenceId(c.subject, 'Patient');
    const service = codingOf(c.category?.[0], CODE_SYSTEM.service)?.code;
    if (id && (c.status === 'final' || c.status === 'amended') && service !== undefined && service !== 'gp') entry(id).notes += 1;
  }
  for (const d of documents) {
    const id = referenceId(d.subject, 'Patient');
    const byThisGp = (d.author ?? []).some((a) => referenceId(a, 'PractitionerRole') === gpRoleId);
    if (id && d.status === 'current' && !byThisGp) entry(id).documents += 1;
  }
  return out;
}

/** Appointments whose encounter is in progress, from the day list's search (encounters come as _revinclude). */
export function appointmentsInConsultation(bundle: Bundle | undefined): Set<string> {
  const open = new Set<string>();
  for (const entry of bundle?.entry ?? []) {
    const r = entry.resource;
    if (r?.resourceType !== 'Encounter' || r.status !== 'in-progress') continue;
    for (const a of r.appointment ?? []) {
      const id = referenceId(a, 'Appointment');
      if (id) open.add(id);
    }
  }
  return open;
}

/** How many unseen reports each patient has, from the "results to review" search. */
export function unseenCountByPatient(bundle: Bundle | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of bundle?.entry ?? []) {
    const r = entry.resource;
    if (r?.resourceType !== 'DiagnosticReport' || entry.search?.mode === 'include') continue;
    const id = referenceId(r.subject, 'Patient');
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export function dayRows(
  appointments: readonly Appointment[],
  unseen: ReadonlyMap<string, number>,
  inConsultation: ReadonlySet<string> = new Set(),
  fromOthers: ReadonlyMap<string, NewFromOthers> = new Map(),
): DayRow[] {
  return appointments.map((appointment) => {
    const patient = appointment.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))?.actor;
    const practitioner = appointment.participant.find((p) => p.actor?.reference?.startsWith('PractitionerRole/'))?.actor;
    const patientId = referenceId(patient, 'Patient');
    return {
      appointment,
      patientId,
      patientName: patient?.display ?? patientId ?? '',
      practitionerName: practitioner?.display,
      unseenResults: patientId ? (unseen.get(patientId) ?? 0) : 0,
      inConsultation: appointment.status !== 'fulfilled' && appointment.id !== undefined && inConsultation.has(appointment.id),
      newNotes: patientId ? (fromOthers.get(patientId)?.notes ?? 0) : 0,
      newDocuments: patientId ? (fromOthers.get(patientId)?.documents ?? 0) : 0,
    };
  });
}

export interface DayCounts {
  total: number;
  arrived: number;
  done: number;
}

/** The day at a glance: appointments (cancelled ones left out), arrived and waiting, done. */
export function dayCounts(appointments: readonly Appointment[]): DayCounts {
  const live = appointments.filter((a) => a.status !== 'cancelled' && a.status !== 'entered-in-error');
  return { total: live.length, arrived: live.filter((a) => a.status === 'arrived' || a.status === 'checked-in').length, done: live.filter((a) => a.status === 'fulfilled').length };
}

/** The appointment with the patient marked arrived (the reception's "checked in"). */
export function markedArrived(appointment: Appointment): Appointment {
  return {
    ...appointment,
    status: 'arrived',
    participant: appointment.participant.map((p) => (p.actor?.reference?.startsWith('Patient/') ? { ...p, status: 'accepted' } : p)),
  };
}
