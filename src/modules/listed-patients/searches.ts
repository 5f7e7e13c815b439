import { format, subMonths } from 'date-fns';
import type { SearchParams } from '../../fhir/client';
import { CODE_SYSTEM } from '../../domain/codeSystems';

/** The server's largest page: a GP's list (up to ~1,500 patients) comes in one or two requests. */
export const LIST_PAGE = 1000;

/** How far back a contact with the office counts ("no contact for 12 months"). */
export const CONTACT_MONTHS = 12;

/**
 * The whole list, in name order: only what a row shows (_elements), so a list of a thousand
 * patients is a few hundred kilobytes, not megabytes.
 */
export const listedPatientsSearch = (practitionerRoleId: string): SearchParams => ({
  'general-practitioner': `PractitionerRole/${practitionerRoleId}`,
  _sort: 'family,given',
  _elements: 'identifier,name,birthDate,gender,deceased',
  _count: LIST_PAGE,
});

/** The first day that still counts as "within the last 12 months" (a local date, so the search is the same all day). */
export function contactSince(now: Date): string {
  return format(subMonths(now, CONTACT_MONTHS), 'yyyy-MM-dd');
}

/** Encounters that are contacts: under way or done (not planned, cancelled or entered in error). */
const CONTACT_STATUSES = 'arrived,triaged,in-progress,onleave,finished';

/**
 * The office's contacts with the GP's listed patients in the last 12 months: one request of
 * small resources (who and when), from which come both "last contact" and "no contact for 12
 * months". Any clinician at the office counts (the GP, a locum, the office nurse), phone and
 * video consultations too.
 */
export const officeContactsSearch = (practitionerRoleId: string, officeId: string, since: string): SearchParams => ({
  'patient.general-practitioner': `PractitionerRole/${practitionerRoleId}`,
  'service-provider': `Organization/${officeId}`,
  date: `ge${since}`,
  status: CONTACT_STATUSES,
  _elements: 'subject,period',
  _count: LIST_PAGE,
});

/** Active home-care and nursing-home episodes of the GP's listed patients (one request, small resources). */
export const careEpisodesSearch = (practitionerRoleId: string): SearchParams => ({
  'patient.general-practitioner': `PractitionerRole/${practitionerRoleId}`,
  status: 'active',
  type: `${CODE_SYSTEM.service}|home-care,${CODE_SYSTEM.service}|nursing-home`,
  _elements: 'patient,type,status',
  _count: LIST_PAGE,
});
