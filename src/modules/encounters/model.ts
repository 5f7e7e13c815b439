import type { Appointment, Encounter, Reference } from 'fhir/r4';
import { format } from 'date-fns';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { isServiceCode, type ServiceCode } from '../../domain/services';
import { conceptText } from '../../fhir/format';
import { UPCOMING_STATUSES } from './searches';
import { parseFhirDate } from '../../ui/dates';

/**
 * Contacts and appointments: past Encounters as a timeline grouped by month, and upcoming
 * Appointments. Pure functions, no React.
 */

export interface EncounterView {
  id: string;
  classCode: string;
  status: Encounter['status'];
  /** The service from Encounter.serviceType (the unit's service, looked up, takes precedence on screen). */
  service?: ServiceCode;
  start?: string;
  end?: string;
  reason: string;
  participants: Reference[];
  serviceProvider?: Reference;
  location?: Reference;
}

function serviceIn(concepts: readonly ({ coding?: { system?: string; code?: string }[] } | undefined)[]): ServiceCode | undefined {
  for (const concept of concepts) {
    const code = concept?.coding?.find((c) => c.system === CODE_SYSTEM.service)?.code;
    if (isServiceCode(code)) return code;
  }
  return undefined;
}

export function toEncounterView(e: Encounter): EncounterView {
  const view: EncounterView = {
    id: e.id ?? '',
    classCode: e.class?.code ?? '',
    status: e.status,
    reason: (e.reasonCode ?? []).map(conceptText).filter(Boolean).join(', ') || conceptText(e.type?.[0]),
    participants: (e.participant ?? []).flatMap((p) => (p.individual ? [p.individual] : [])),
  };
  const service = serviceIn(e.serviceType ? [e.serviceType] : []);
  if (service) view.service = service;
  if (e.period?.start) view.start = e.period.start;
  if (e.period?.end) view.end = e.period.end;
  if (e.serviceProvider) view.serviceProvider = e.serviceProvider;
  const location = e.location?.[0]?.location;
  if (location) view.location = location;
  return view;
}

function timeOf(date: string | undefined): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** The contacts of the timeline: newest first, without entries recorded in error. */
export function pastEncounters(encounters: readonly Encounter[]): EncounterView[] {
  return encounters
    .filter((e) => e.status !== 'entered-in-error')
    .map(toEncounterView)
    .sort((a, b) => timeOf(b.start) - timeOf(a.start) || a.id.localeCompare(b.id));
}

export type EncounterKind = 'consultation' | 'outpatient' | 'home-visit' | 'emergency' | 'phone' | 'hospital-stay' | 'nursing-home-stay' | 'stay' | 'other';

/** What kind of contact it was, from the class (v3 ActCode) and the service. */
export function encounterKind(classCode: string, service: ServiceCode | undefined): EncounterKind {
  switch (classCode) {
    case 'AMB':
      return service === 'hospital' ? 'outpatient' : 'consultation';
    case 'HH':
    case 'FLD':
      return 'home-visit';
    case 'EMER':
      return 'emergency';
    case 'VR':
      return 'phone';
    case 'IMP':
    case 'ACUTE':
    case 'NONAC':
    case 'OBSENC':
    case 'SS':
      return service === 'hospital' ? 'hospital-stay' : service === 'nursing-home' ? 'nursing-home-stay' : 'stay';
    default:
      return 'other';
  }
}

export type TimelineRow = { kind: 'month'; key: string; month: string; count: number } | { kind: 'encounter'; key: string; view: EncounterView };

/** "2026-11" for an instant, in the user's time zone; '' for no date. */
export function monthOf(date: string | undefined): string {
  if (!date) return '';
  const d = parseFhirDate(date);
  return Number.isNaN(d.getTime()) ? '' : format(d, 'yyyy-MM');
}

/** The timeline as rows: a month heading (with its number of contacts) before each month's contacts. */
export function timelineRows(views: readonly EncounterView[]): TimelineRow[] {
  const counts = new Map<string, number>();
  for (const v of views) counts.set(monthOf(v.start), (counts.get(monthOf(v.start)) ?? 0) + 1);
  const rows: TimelineRow[] = [];
  let month: string | undefined;
  for (const view of views) {
    const m = monthOf(view.start);
    if (m !== month) {
      month = m;
      rows.push({ kind: 'month', key: `month-${m || 'none'}`, month: m, count: counts.get(m) ?? 0 });
    }
    rows.push({ kind: 'encounter', key: view.id, view });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Appointments

export interface AppointmentView {
  id: string;
  status: Appointment['status'];
  start?: string;
  end?: string;
  service?: ServiceCode;
  serviceText: string;
  reason: string;
  /** The personnel taking part (PractitionerRole, Practitioner). */
  personnel: Reference[];
  location?: Reference;
  /** An organisation taking part (a unit), when there is no person. */
  organization?: Reference;
}

export function toAppointmentView(a: Appointment): AppointmentView {
  const actors = a.participant.flatMap((p) => (p.actor && p.status !== 'declined' ? [p.actor] : []));
  const typeOf = (ref: Reference) => ref.reference?.split('/')[0] ?? ref.type;
  const view: AppointmentView = {
    id: a.id ?? '',
    status: a.status,
    serviceText: conceptText(a.serviceType?.[0]),
    reason: a.description || (a.reasonCode ?? []).map(conceptText).filter(Boolean).join(', ') || conceptText(a.appointmentType),
    personnel: actors.filter((r) => typeOf(r) === 'PractitionerRole' || typeOf(r) === 'Practitioner'),
  };
  const service = serviceIn(a.serviceType ?? []);
  if (service) view.service = service;
  if (a.start) view.start = a.start;
  if (a.end) view.end = a.end;
  const location = actors.find((r) => typeOf(r) === 'Location');
  if (location) view.location = location;
  const organization = actors.find((r) => typeOf(r) === 'Organization');
  if (organization) view.organization = organization;
  return view;
}

/** Appointments still to come (not yet ended; a waiting-list entry without a time yet), soonest first, undated last. */
export function upcomingAppointments(appointments: readonly Appointment[], now: number): AppointmentView[] {
  const soon = (a: { start?: string }) => (a.start ? timeOf(a.start) : Infinity);
  return appointments
    .filter((a) => UPCOMING_STATUSES.includes(a.status) && (!a.start || timeOf(a.end ?? a.start) >= now))
    .map(toAppointmentView)
    .sort((a, b) => soon(a) - soon(b) || a.id.localeCompare(b.id));
}
