import type { Appointment, CarePlan, Encounter, EpisodeOfCare, Patient, Resource } from 'fhir/r4';
import type { CareRelation } from '../../src/domain/access';
import { CODE_SYSTEM, EXTENSION } from '../../src/domain/codeSystems';
import type { Persona } from '../../src/session/personnel';

/**
 * Need-to-know ("tjenstlig behov"): the active care relations that give a user implicit access
 * to a patient's journal (issue #8, DOMAIN.md). Each is looked up through the repository's
 * patient index (the patient's own few EpisodeOfCare, CarePlan, Encounter and Appointment
 * resources), never by scanning all resources; `readAccess.ts` caches the answer per persona and
 * patient and drops the cache when one of RELATION_TYPES is written.
 *
 * | relation | when |
 * |---|---|
 * | gp-list | the patient's `generalPractitioner` is the user's PractitionerRole (a GP's list) |
 * | gp-office-list | the user works at the GP office that is the patient's `managingOrganization` (office nurse, front desk) |
 * | home-care | an active EpisodeOfCare of the user's home care district, or an active home care service decision (CarePlan) whose `author` is the district |
 * | emergency-registered | an Encounter at the user's emergency clinic that is arrived, triaged or in progress (registered now), or finished within the last 24 hours (the clinic completes the visit's documentation and follow-up) |
 * | health-station | an active EpisodeOfCare of the user's health station (children enrolled) |
 * | nursing-home | an active EpisodeOfCare of the user's nursing home (residents) |
 * | physio | an active EpisodeOfCare of the user's physiotherapy clinic (a series in progress) |
 * | appointment | an Appointment with the user (participant = the user's PractitionerRole), not cancelled, from 24 hours ago on |
 */

/** Types whose writes can change a relation (the cache is dropped when one of them is written). */
export const RELATION_TYPES: ReadonlySet<string> = new Set(['Patient', 'EpisodeOfCare', 'CarePlan', 'Encounter', 'Appointment']);

/** What the relation lookups read: the repository's `get` and patient index. */
export interface RelationSource {
  get(type: string, id: string): Resource | undefined;
  byPatient(type: string, patientId: string): Iterable<Resource> | undefined;
}

const EPISODE_RELATION: Partial<Record<Persona['unitKind'], CareRelation>> = {
  'home-care-district': 'home-care',
  'health-station': 'health-station',
  'nursing-home': 'nursing-home',
  'physio-clinic': 'physio',
};

const ACTIVE_EPISODE = new Set(['active', 'waitlist', 'onhold']);
const PRESENT = new Set(['arrived', 'triaged', 'in-progress']);
const GONE_APPOINTMENT = new Set(['cancelled', 'noshow', 'entered-in-error']);
const APPOINTMENT_LOOKBACK_MS = 24 * 60 * 60_000;
const RECENT_VISIT_MS = 24 * 60 * 60_000;

function refIs(reference: string | undefined, type: string, id: string): boolean {
  if (!reference) return false;
  return reference === `${type}/${id}` || reference.endsWith(`/${type}/${id}`);
}

/** The patient's current municipality code (the no-basis extension on the home address's district). */
export function municipalityOf(patient: Patient): string | undefined {
  const addresses = patient.address ?? [];
  const current = addresses.find((a) => a.use !== 'old') ?? addresses[0];
  return current?._district?.extension?.find((e) => e.url === EXTENSION.municipalityCode)?.valueCoding?.code;
}

/**
 * The care relation between the user and the patient, or null when there is none. `now` is the
 * mock clock (ms), for appointments.
 */
export function relationOf(source: RelationSource, persona: Persona, patientId: string, now: number): CareRelation | null {
  const patient = source.get('Patient', patientId) as Patient | undefined;
  if (!patient) return null;
  if (patient.generalPractitioner?.some((g) => refIs(g.reference, 'PractitionerRole', persona.practitionerRoleId))) return 'gp-list';
  if (persona.unitKind === 'gp-office' && refIs(patient.managingOrganization?.reference, 'Organization', persona.organizationId)) return 'gp-office-list';

  const episodeRelation = EPISODE_RELATION[persona.unitKind];
  if (episodeRelation) {
    for (const r of source.byPatient('EpisodeOfCare', patientId) ?? []) {
      const e = r as EpisodeOfCare;
      if (ACTIVE_EPISODE.has(e.status) && refIs(e.managingOrganization?.reference, 'Organization', persona.organizationId)) return episodeRelation;
    }
  }
  if (persona.unitKind === 'home-care-district') {
    for (const r of source.byPatient('CarePlan', patientId) ?? []) {
      const plan = r as CarePlan;
      const homeCare = plan.category?.some((c) => c.coding?.some((k) => k.system === CODE_SYSTEM.service && k.code === 'home-care'));
      if (homeCare && plan.status === 'active' && refIs(plan.author?.reference, 'Organization', persona.organizationId)) return 'home-care';
    }
  }
  if (persona.unitKind === 'emergency-clinic') {
    for (const r of source.byPatient('Encounter', patientId) ?? []) {
      const e = r as Encounter;
      if (!refIs(e.serviceProvider?.reference, 'Organization', persona.organizationId)) continue;
      if (PRESENT.has(e.status)) return 'emergency-registered';
      const ended = Date.parse(e.period?.end ?? e.period?.start ?? '');
      if (e.status === 'finished' && Number.isFinite(ended) && ended >= now - RECENT_VISIT_MS) return 'emergency-registered';
    }
  }
  for (const r of source.byPatient('Appointment', patientId) ?? []) {
    const a = r as Appointment;
    if (GONE_APPOINTMENT.has(a.status)) continue;
    const when = Date.parse(a.end ?? a.start ?? '');
    if (Number.isFinite(when) && when < now - APPOINTMENT_LOOKBACK_MS) continue;
    if (a.participant.some((p) => refIs(p.actor?.reference, 'PractitionerRole', persona.practitionerRoleId))) return 'appointment';
  }
  return null;
}
