import type { Appointment, Bundle, Encounter, Immunization, Observation, Reference } from 'fhir/r4';
import { formatISO } from 'date-fns';
import { CODE_SYSTEM, LOINC } from '../../domain/codeSystems';
import {
  ACT_SITE_SYSTEM,
  ATC_SYSTEM,
  IMMUNISATION_SERIES,
  PROGRAMME_SYSTEM,
  ROUTE_SYSTEM,
  VACCINES,
  ageInDays,
  type ConsultationKey,
  type ContactSeen,
  type DoseGiven,
  type ProgrammeDose,
  type VaccineSite,
} from '../../domain/childProgramme';
import type { GrowthVisit } from '../../domain/growthAssessment';
import { codingOf } from '../../fhir/format';
import type { SearchParams } from '../../fhir/client';
import type { Persona } from '../../session/personnel';

/**
 * FHIR modelling of the health station (README, "The child health station"):
 * - growth: one Observation per value (category vital-signs; LOINC.weight (29563-7, as DOMAIN.md gives it) in kg,
 *   8306-3 body length lying or 8302-2 body height standing in cm, 9843-4 head circumference in
 *   cm), written together in one transaction;
 * - a given dose: Immunization (status completed, vaccineCode ATC, lotNumber, site v3-ActSite,
 *   route v3-RouteOfAdministration, performer function AP = the nurse's PractitionerRole,
 *   protocolApplied {series Barnevaksinasjonsprogrammet, doseNumberPositiveInt});
 * - a consultation done: Encounter (serviceType health-station, type = the programme
 *   consultation in PROGRAMME_SYSTEM), written with the signed note (Composition) and the
 *   booked Appointment fulfilled, in one transaction.
 */

export const LOINC_LENGTH_LYING = '8306-3';
/** The LOINC code of body weight written by the seed and the vital-signs module (DOMAIN.md). */
export const LOINC_WEIGHT = LOINC.weight;
const UCUM = 'http://unitsofmeasure.org';
const SERVICE_HS = `${CODE_SYSTEM.service}|health-station`;

export const childSearches = {
  growth: (patientId: string): SearchParams => ({
    patient: `Patient/${patientId}`,
    code: [LOINC.weight, LOINC.bodyHeight, LOINC_LENGTH_LYING, LOINC.headCircumference].map((c) => `${CODE_SYSTEM.loinc}|${c}`).join(','),
    _sort: 'date',
    _count: 500,
  }),
  immunizations: (patientId: string): SearchParams => ({ patient: `Patient/${patientId}`, _count: 200 }),
  contacts: (patientId: string): SearchParams => ({ patient: `Patient/${patientId}`, 'service-type': SERVICE_HS, _count: 200 }),
  booked: (patientId: string, today: string): SearchParams => ({ patient: `Patient/${patientId}`, 'service-type': SERVICE_HS, status: 'booked', date: `ge${today}`, _sort: 'date', _count: 20 }),
  parents: (patientId: string): SearchParams => ({ patient: `Patient/${patientId}`, _count: 20 }),
};

function localDate(dateTime: string | undefined): string {
  return (dateTime ?? '').slice(0, 10);
}

/** The measurements of one day form one visit. */
export function visitsFromObservations(observations: readonly Observation[], birthDate: string): GrowthVisit[] {
  const byDate = new Map<string, GrowthVisit>();
  for (const o of observations) {
    if (o.status === 'entered-in-error' || o.status === 'cancelled') continue;
    const value = o.valueQuantity?.value;
    const date = localDate(o.effectiveDateTime);
    if (value === undefined || !date) continue;
    const code = codingOf(o.code, CODE_SYSTEM.loinc)?.code;
    const v = byDate.get(date) ?? { date, ageDays: ageInDays(birthDate, date) };
    if (code === LOINC.weight) v.weightKg = value;
    else if (code === LOINC.headCircumference) v.headCm = value;
    else if (code === LOINC_LENGTH_LYING) {
      v.lengthCm = value;
      v.measuredAs = 'length';
    } else if (code === LOINC.bodyHeight) {
      v.lengthCm = value;
      // The seed writes 8302-2 for both: lying under two years, standing from two (WHO's rule).
      v.measuredAs = v.ageDays < 731 ? 'length' : 'height';
    }
    byDate.set(date, v);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function dosesFromImmunizations(immunizations: readonly Immunization[]): DoseGiven[] {
  return immunizations
    .filter((i) => i.status === 'completed')
    .map((i) => {
      const dose: DoseGiven = { atc: codingOf(i.vaccineCode, ATC_SYSTEM)?.code ?? '', date: localDate(i.occurrenceDateTime) };
      const n = i.protocolApplied?.[0]?.doseNumberPositiveInt;
      if (n !== undefined) dose.doseNumber = n;
      if (i.id) dose.id = i.id;
      return dose;
    });
}

export function contactsFromEncounters(encounters: readonly Encounter[], birthDate: string): ContactSeen[] {
  return encounters
    .filter((e) => e.status !== 'cancelled' && e.status !== 'entered-in-error' && e.status !== 'planned')
    .map((e) => {
      const date = localDate(e.period?.start);
      const c: ContactSeen = { ageDays: ageInDays(birthDate, date), date };
      const key = codingOf(e.type?.[0], PROGRAMME_SYSTEM)?.code;
      if (key) c.consultation = key as ConsultationKey;
      return c;
    });
}

function role(persona: Persona): Reference {
  return { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name };
}

/** A date (YYYY-MM-DD) as a date-time: now if it is today, else noon that day. */
export function whenOn(date: string, now: Date): string {
  if (date === formatISO(now, { representation: 'date' })) return formatISO(now);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatISO(new Date(y, m - 1, d, 12, 0));
}

export interface GrowthInput {
  date: string;
  weightKg?: number;
  lengthCm?: number;
  measuredAs: 'length' | 'height';
  headCm?: number;
}

export function growthTransaction(input: GrowthInput, patientId: string, persona: Persona, now: Date): Bundle {
  const when = whenOn(input.date, now);
  const vital = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }] }];
  const obs = (code: string, display: string, value: number, unit: string): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    category: vital,
    code: { coding: [{ system: CODE_SYSTEM.loinc, code, display }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: when,
    issued: formatISO(now),
    performer: [role(persona)],
    valueQuantity: { value, unit, system: UCUM, code: unit },
  });
  const list: Observation[] = [];
  if (input.weightKg !== undefined) list.push(obs(LOINC.weight, 'Body weight', input.weightKg, 'kg'));
  if (input.lengthCm !== undefined) {
    list.push(input.measuredAs === 'length' ? obs(LOINC_LENGTH_LYING, 'Body height --lying', input.lengthCm, 'cm') : obs(LOINC.bodyHeight, 'Body height', input.lengthCm, 'cm'));
  }
  if (input.headCm !== undefined) list.push(obs(LOINC.headCircumference, 'Head Occipital-frontal circumference by Tape measure', input.headCm, 'cm'));
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: list.map((resource) => ({ resource, request: { method: 'POST', url: 'Observation' } })),
  };
}

export interface DoseInput {
  dose: ProgrammeDose;
  date: string;
  lotNumber: string;
  site?: VaccineSite;
}

export function immunizationOf(input: DoseInput, patientId: string, persona: Persona, now: Date, locationId?: string): Immunization {
  const vaccine = VACCINES[input.dose.vaccine];
  const oral = vaccine.route === 'oral';
  const imm: Immunization = {
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: { coding: [{ system: ATC_SYSTEM, code: vaccine.atc }] },
    patient: { reference: `Patient/${patientId}` },
    occurrenceDateTime: whenOn(input.date, now),
    recorded: formatISO(now),
    primarySource: true,
    lotNumber: input.lotNumber.trim(),
    route: { coding: [{ system: ROUTE_SYSTEM, code: oral ? 'PO' : 'IM', display: oral ? 'Swallow, oral' : 'Injection, intramuscular' }] },
    performer: [{ function: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0443', code: 'AP', display: 'Administering Provider' }] }, actor: role(persona) }],
    protocolApplied: [{ series: IMMUNISATION_SERIES, doseNumberPositiveInt: input.dose.dose }],
  };
  if (!oral && input.site) imm.site = { coding: [{ system: ACT_SITE_SYSTEM, code: input.site }] };
  if (locationId) imm.location = { reference: `Location/${locationId}` };
  return imm;
}

/** The booked appointment today, if any (the one the note fulfils). */
export function bookedToday(appointments: readonly Appointment[], today: string): Appointment | undefined {
  return appointments.find((a) => a.status === 'booked' && localDate(a.start) === today);
}
