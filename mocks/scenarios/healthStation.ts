import type { Appointment, Encounter, EpisodeOfCare, FhirResource, Immunization, Observation, Patient, Reference, RelatedPerson } from 'fhir/r4';
import { CONSULTATIONS, IMMUNISATION_SERIES, PROGRAMME_SYSTEM, VACCINES, ageInDays, currentConsultation, programmeAt, type VaccineKey } from '../../src/domain/childProgramme';
import { makeSyntheticFnr } from '../../src/domain/nationalId';
import { IDENTIFIER } from '../../src/domain/codeSystems';
import type { Persona } from '../../src/session/personnel';
import type { FhirRepository } from '../fhir-server/repository';
import { osloDate, osloLocalToEpoch } from '../fhir-server/dates';
import { growthValue } from '../seed/growth';
import { HEALTH_STATION_PROGRAMME, OBS_CATEGORY_VITAL, PERFORMER_FUNCTION_AP, SERVICE, VACCINE_ROUTE, VITAL } from '../seed/terminology';
import type { ScenarioContext } from './index';
import { isoWithOffset, rng } from './shared';

/**
 * The health station's day (issue 6): the Bergen public health nurse persona has consultations
 * booked today, among them a girl who is 12 months old today, in for her 12-month consultation
 * with its vaccines (DTaP-IPV-Hib-HepB and PCV dose 3) still to give. She is the younger sister of
 * a Bergen child of 2–5 years in the seed (same parents, same address), with the programme done
 * so far: consultations, growth measured and the vaccines up to 5 months given. A few other
 * children of the health station are booked for their current consultation today too.
 *
 * Written as plain FHIR R4 (ids `scn-hs-…`), deterministic for a given seed and clock.
 */

const DAY = 86_400_000;
export const HS_CHILD_ID = 'scn-hs-child';

function inBergen(p: Patient): boolean {
  return p.address?.some((a) => a.use !== 'old' && a.district === 'Bergen') ?? false;
}

export function healthStationNurse(personas: readonly Persona[]): Persona | undefined {
  return personas.find((p) => p.personnelGroup === 'hs-nurse' && p.municipalityName === 'Bergen') ?? personas.find((p) => p.personnelGroup === 'hs-nurse');
}

function atOslo(day: string, hour: number, minute: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return osloLocalToEpoch(y, m, d, hour, minute);
}

export function addHealthStationDay(repo: FhirRepository, ctx: ScenarioContext): void {
  const nurse = healthStationNurse(ctx.personas);
  if (!nurse) return;
  const now = ctx.now.getTime();
  const today = osloDate(now);
  const nurseRef: Reference = { reference: `PractitionerRole/${nurse.practitionerRoleId}`, display: nurse.name };
  const unitRef: Reference = { reference: `Organization/${nurse.organizationId}`, display: nurse.unitName };
  const loc = repo.get('Location', `loc-${nurse.organizationId.replace(/^org-/, '')}`) ? { reference: `Location/loc-${nurse.organizationId.replace(/^org-/, '')}` } : undefined;
  const meta = { versionId: '1', lastUpdated: isoWithOffset(now - 60_000) };
  const out: FhirResource[] = [];

  // The unit's children (an active health station episode with this unit), oldest patient ids first.
  const episodes = repo.search('EpisodeOfCare', new URLSearchParams({ organization: unitRef.reference ?? '', status: 'active', _count: '5000' }), '');
  const children: Patient[] = [];
  for (const e of episodes.entry ?? []) {
    const id = (e.resource as EpisodeOfCare).patient.reference?.split('/')[1];
    const p = id ? repo.get('Patient', id) : undefined;
    if (p && inBergen(p as Patient)) children.push(p as Patient);
  }
  children.sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));

  // An older sibling with both parents recorded as RelatedPerson.
  const parentsOf = (p: Patient): RelatedPerson[] =>
    (repo.search('RelatedPerson', new URLSearchParams({ patient: `Patient/${p.id}` }), '').entry ?? []).map((e) => e.resource as RelatedPerson);
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const birthDate = new Date(Date.UTC(ty, tm - 1, td) - 365 * DAY).toISOString().slice(0, 10); // 12 months old today
  // The family's children, by a parent's fødselsnummer: no birth within 15 months of hers.
  const familyBirthDates = (rp: RelatedPerson): string[] =>
    (repo.search('RelatedPerson', new URLSearchParams({ identifier: rp.identifier?.[0]?.value ?? '-' }), '').entry ?? []).map(
      (e) => (repo.get('Patient', (e.resource as RelatedPerson).patient.reference?.split('/')[1] ?? '') as Patient | undefined)?.birthDate ?? '',
    );
  const sibling = children.find((c) => {
    const age = ageInDays(c.birthDate ?? today, today);
    const parents = parentsOf(c);
    return age >= 730 && age < 6 * 365 && parents.length === 2 && parents.every((rp) => familyBirthDates(rp).every((b) => b && Math.abs(ageInDays(b, birthDate)) > 450));
  });

  const birthMs = atOslo(birthDate, 4, 12);
  const next = rng(0x4b5 ^ Number(birthDate.replace(/-/g, '')));
  const random = (n: number): number => Math.floor(next() * n);
  let fnr = makeSyntheticFnr(birthDate, 'female', random);
  while ((repo.search('Patient', new URLSearchParams({ identifier: `${IDENTIFIER.fnr}|${fnr}` }), '').total ?? 0) > 0) fnr = makeSyntheticFnr(birthDate, 'female', random);

  const child: Patient = {
    resourceType: 'Patient',
    id: HS_CHILD_ID,
    meta,
    identifier: [{ use: 'official', system: IDENTIFIER.fnr, value: fnr }],
    active: true,
    name: [{ use: 'official', family: sibling?.name?.[0]?.family ?? 'Haugland', given: ['Ingrid'] }],
    gender: 'female',
    birthDate,
    ...(sibling?.address ? { address: sibling.address.filter((a) => a.use !== 'old') } : {}),
    ...(sibling?.contact ? { contact: sibling.contact } : {}),
    ...(sibling?.generalPractitioner ? { generalPractitioner: sibling.generalPractitioner } : {}),
    ...(sibling?.managingOrganization ? { managingOrganization: sibling.managingOrganization } : {}),
  };
  out.push(child);
  const subject: Reference = { reference: `Patient/${HS_CHILD_ID}` };
  if (sibling) {
    parentsOf(sibling).forEach((rp, i) => out.push({ ...rp, id: `scn-hs-rp-${i + 1}`, meta, patient: subject }));
  }
  out.push({
    resourceType: 'EpisodeOfCare',
    id: 'scn-hs-eoc',
    meta,
    status: 'active',
    type: [{ coding: SERVICE['health-station'].coding, text: 'Helsestasjon for barn 0–5 år' }],
    patient: { ...subject, display: `${child.name?.[0]?.given?.[0] ?? ''} ${child.name?.[0]?.family ?? ''}` },
    managingOrganization: unitRef,
    period: { start: isoWithOffset(birthMs) },
    careManager: nurseRef,
  } satisfies EpisodeOfCare);

  // The programme so far: every consultation before 12 months but the 8-month one, growth measured
  // as the programme says (around the 55th percentile), the vaccines given at their consultations.
  const z = { weight: 0.15, height: 0.35, headCircumference: -0.1 };
  const measured = { WL: ['weight', 'height'], WLH: ['weight', 'height', 'headCircumference'], WH: ['weight', 'height'], none: [] } as const;
  const lots: Record<VaccineKey, string> = { rota: 'AROLB', hexa: 'A21CE', pcv: 'HX', mmr: 'A69CG', 'dtap-ipv': 'AC43B', hpv: 'U0271' };
  HEALTH_STATION_PROGRAMME.forEach((v, i) => {
    const key = CONSULTATIONS[i]?.key;
    if (!key || v.ageDays >= 365 || key === '8m') return;
    const dayOfVisit = osloDate(birthMs + (v.ageDays + (i % 3)) * DAY);
    const start = atOslo(dayOfVisit, 9 + (i % 5), i % 2 === 0 ? 0 : 30);
    const minutes = v.doctor ? 45 : v.group ? 60 : 30;
    const enc: Encounter = {
      resourceType: 'Encounter',
      id: `scn-hs-enc-${key}`,
      meta: { ...meta, lastUpdated: isoWithOffset(start + minutes * 60_000) },
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: v.home ? 'HH' : 'AMB', display: v.home ? 'home health' : 'ambulatory' },
      type: [{ coding: [{ system: PROGRAMME_SYSTEM, code: key, display: v.title }], text: v.title }],
      serviceType: SERVICE['health-station'],
      subject,
      participant: [{ individual: nurseRef }],
      period: { start: isoWithOffset(start), end: isoWithOffset(start + minutes * 60_000) },
      reasonCode: [{ text: v.title }],
      serviceProvider: unitRef,
      ...(loc && !v.home ? { location: [{ location: loc }] } : {}),
    };
    out.push(enc);
    const encRef = { reference: `Encounter/${enc.id}` };
    measured[v.growth].forEach((kind) => {
      const def = VITAL[kind];
      const obs: Observation = {
        resourceType: 'Observation',
        id: `scn-hs-obs-${key}-${kind}`,
        meta: { ...meta, lastUpdated: isoWithOffset(start + 10 * 60_000) },
        status: 'final',
        category: [...OBS_CATEGORY_VITAL],
        code: def.code,
        subject,
        encounter: encRef,
        effectiveDateTime: isoWithOffset(start + 10 * 60_000),
        performer: [nurseRef],
        valueQuantity: {
          value: Math.round(growthValue(kind === 'weight' ? 'wfa' : kind === 'height' ? 'lhfa' : 'hcfa', 'female', v.ageDays, z[kind]) * (kind === 'weight' ? 100 : 10)) / (kind === 'weight' ? 100 : 10),
          unit: def.unit,
          system: 'http://unitsofmeasure.org',
          code: def.ucum,
        },
      };
      out.push(obs);
    });
    v.vaccines.forEach(([vaccine, dose]) => {
      const oral = vaccine === 'rota';
      const site = VACCINES[vaccine].defaultSite;
      const imm: Immunization = {
        resourceType: 'Immunization',
        id: `scn-hs-imm-${vaccine}-${dose}`,
        meta: { ...meta, lastUpdated: isoWithOffset(start + 25 * 60_000) },
        status: 'completed',
        vaccineCode: { coding: [{ system: 'http://www.whocc.no/atc', code: VACCINES[vaccine].atc }] },
        patient: subject,
        encounter: encRef,
        occurrenceDateTime: isoWithOffset(start + 20 * 60_000),
        recorded: isoWithOffset(start + 25 * 60_000),
        primarySource: true,
        ...(loc ? { location: loc } : {}),
        lotNumber: `${lots[vaccine]}${dayOfVisit.slice(2, 4)}${100 + i * 37}A`,
        ...(oral || !site ? {} : { site: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActSite', code: site }] } }),
        route: oral ? VACCINE_ROUTE.oral : VACCINE_ROUTE.im,
        doseQuantity: oral ? { value: 1.5, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' } : { value: 0.5, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' },
        performer: [{ function: PERFORMER_FUNCTION_AP, actor: nurseRef }],
        protocolApplied: [{ series: IMMUNISATION_SERIES, doseNumberPositiveInt: dose }],
      };
      out.push(imm);
    });
  });

  // Today's list: the 12-month consultation at 10:00, and the current consultation of a few other children.
  const booked = (id: string, patient: Reference, start: number, minutes: number, description: string): Appointment => ({
    resourceType: 'Appointment',
    id,
    meta,
    status: 'booked',
    serviceType: [SERVICE['health-station']],
    description,
    start: isoWithOffset(start),
    end: isoWithOffset(start + minutes * 60_000),
    minutesDuration: minutes,
    created: isoWithOffset(now - 21 * DAY),
    participant: [
      { actor: patient, required: 'required', status: 'accepted' },
      { actor: nurseRef, required: 'required', status: 'accepted' },
      ...(loc ? [{ actor: loc, required: 'required' as const, status: 'accepted' as const }] : []),
    ],
  });
  out.push(booked('scn-hs-appt-today', { ...subject, display: `${child.name?.[0]?.given?.[0] ?? ''} ${child.name?.[0]?.family ?? ''}` }, atOslo(today, 10, 0), 45, 'Konsultasjon 12 måneder'));
  const slots: Array<[number, number]> = [[8, 30], [9, 15], [11, 0], [13, 0]];
  let s = 0;
  for (const c of children) {
    if (s >= slots.length || c.id === sibling?.id) continue;
    const state = currentConsultation(programmeAt(ageInDays(c.birthDate ?? today, today), []));
    const age = ageInDays(c.birthDate ?? today, today);
    if (!state || state.status === 'upcoming' || age > 1500) continue;
    const index = CONSULTATIONS.indexOf(state.consultation);
    const title = HEALTH_STATION_PROGRAMME[index]?.title ?? state.consultation.key;
    const [h, m] = slots[s]!;
    out.push(booked(`scn-hs-appt-today-${s + 1}`, { reference: `Patient/${c.id}` }, atOslo(today, h, m), 30, title));
    s++;
  }

  for (const r of out) repo.create(r);
}
