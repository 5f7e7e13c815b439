import type { Appointment, Bundle } from 'fhir/r4';
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

export function dayRows(appointments: readonly Appointment[], unseen: ReadonlyMap<string, number>, inConsultation: ReadonlySet<string> = new Set()): DayRow[] {
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
