import type { SearchParams } from '../../fhir/client';
import type { ModuleManifest } from '../../layout/types';
import type { Persona, PersonnelGroup } from '../../session/personnel';
import { format, subDays } from 'date-fns';
import { todayRange } from '../../ui/today';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { unseenResultsSearch } from '../../fhir/results/searches';

/** The signed-in clinician's own appointments today. */
export const todaysAppointmentsSearch = (practitionerRoleId: string): SearchParams => ({
  actor: `PractitionerRole/${practitionerRoleId}`,
  date: todayRange(),
  _sort: 'date',
  _count: 100,
  // The encounters of the appointments: an open one means "in consultation".
  _revinclude: 'Encounter:appointment',
});

/** Every appointment today with the office's practitioners (what the office nurse and the front desk work from). */
export const officeAppointmentsSearch = (organizationId: string): SearchParams => ({
  'actor:PractitionerRole.organization': `Organization/${organizationId}`,
  date: todayRange(),
  _sort: 'date',
  _count: 300,
  _revinclude: 'Encounter:appointment',
});

/** Who sees the whole office's day (and marks arrivals) rather than their own appointments. */
export const OFFICE_STAFF: readonly PersonnelGroup[] = ['gp-nurse', 'admin-staff'];
/** Who may mark a patient arrived. */
export const MARKS_ARRIVAL: readonly PersonnelGroup[] = ['gp', 'gp-nurse', 'admin-staff'];
/** Non-health personnel see the day without its clinical content (the reason for the appointment). */
export const SEES_REASON = (group: PersonnelGroup) => group !== 'admin-staff';

/** How far back a note or document from another service counts as new on the GP's day list. */
export const NEW_FROM_OTHERS_DAYS = 14;

/** The first day that counts (a local date, so the search is the same all day and is cached). */
export function newSince(now: Date = new Date()): string {
  return format(subDays(now, NEW_FROM_OTHERS_DAYS), 'yyyy-MM-dd');
}

/**
 * Signed notes by other services (not the GP office's own) about the day's patients, lately.
 * Asked once the day's appointments are in, for just those patients: a GP's whole list has
 * hundreds of notes a fortnight (home care writes daily), the day's patients a few.
 */
export const recentNotesSearch = (patientIds: readonly string[], since: string): SearchParams => ({
  subject: patientIds.map((id) => `Patient/${id}`).join(','),
  date: `ge${since}`,
  'category:not': `${CODE_SYSTEM.service}|gp`,
  status: 'final,amended',
  _elements: 'subject,category,status',
  _count: 1000,
});

/** Documents (discharge summaries, letters) about the day's patients, lately. */
export const recentDocumentsSearch = (patientIds: readonly string[], since: string): SearchParams => ({
  subject: patientIds.map((id) => `Patient/${id}`).join(','),
  date: `ge${since}`,
  _elements: 'subject,author,status',
  _count: 1000,
});

export function dayListSearch(persona: Persona): SearchParams {
  return OFFICE_STAFF.includes(persona.personnelGroup) ? officeAppointmentsSearch(persona.organizationId) : todaysAppointmentsSearch(persona.practitionerRoleId);
}

export const manifest: ModuleManifest = {
  id: 'todays-appointments',
  titleKey: 'modules.todays-appointments.title',
  descriptionKey: 'modules.todays-appointments.description',
  icon: 'Event',
  groups: ['gp', 'physio', 'gp-nurse', 'admin-staff'],
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: true,
  size: { default: { w: 8, h: 5 }, min: { w: 4, h: 3 } },
  data: ({ persona }) => [
    { type: 'Appointment', params: dayListSearch(persona) },
    // The GP's unread results per patient (the same search as "results to review", so one request).
    ...(persona.personnelGroup === 'gp'
      ? [
          { type: 'DiagnosticReport' as const, params: unseenResultsSearch(persona.practitionerRoleId) },
        ]
      : []),
  ],
  load: () => import('./TodaysAppointments'),
};
