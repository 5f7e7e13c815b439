import type { Encounter, Location, Observation, Patient, PractitionerRole, Reference } from 'fhir/r4';
import { formatName } from '../../src/fhir/format';
import {
  arrivalEncounter,
  triageObservation,
  withBoardStatus,
  withResponsible,
  withRoom,
  type EdStatus,
  type TriageInput,
} from '../../src/fhir/emergency';
import type { TriageLevel } from '../../src/domain/triage';
import type { Persona } from '../../src/session/personnel';
import type { FhirRepository } from '../fhir-server/repository';
import type { ScenarioContext } from './index';
import { hash, rng } from './shared';

/**
 * Patients present at the emergency clinics now: arrivals over the last hours, each at a stage
 * of the visit (waiting for triage, waiting for a doctor, under treatment, in observation, ready
 * to leave), with triage levels, vital signs, responsible nurse and doctor and rooms. Written
 * with the same builders the app uses (src/fhir/emergency.ts). Deterministic: the same clinic,
 * count and clock give the same board.
 */

const REASONS = [
  'Brystsmerter siden i kveld',
  'Feber og hoste i fire dager',
  'Kuttskade venstre hånd',
  'Magesmerter nedre høyre kvadrant',
  'Falt på isen, smerter i håndledd',
  'Tungpust, kjent KOLS',
  'Hodepine og nakkestivhet',
  'Svimmelhet og kvalme',
  'Øresmerter, barn 4 år',
  'Allergisk reaksjon etter vepsestikk',
  'Urinveisplager og feber',
  'Ryggsmerter etter løft',
  'Forbrenning høyre underarm',
  'Hjertebank',
  'Fremmedlegeme i øyet',
  'Angst og uro',
  'Diaré og oppkast i to døgn',
  'Hevelse og smerter i legg',
  'Hodeskade, falt fra sykkel',
  'Utslett og kløe',
];

// Level weights (red … blue) and the stage mix, oldest arrivals furthest along.
const LEVEL_WEIGHTS = [3, 12, 35, 35, 15];

function pickLevel(r: number): TriageLevel {
  const total = LEVEL_WEIGHTS.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < LEVEL_WEIGHTS.length; i++) {
    x -= LEVEL_WEIGHTS[i]!;
    if (x < 0) return (i + 1) as TriageLevel;
  }
  return 5;
}

/** Stage by position among arrivals, newest (0) to oldest (1). */
function stageOf(position: number): EdStatus {
  if (position < 0.15) return 'waiting-triage';
  if (position < 0.5) return 'waiting-doctor';
  if (position < 0.75) return 'treatment';
  if (position < 0.88) return 'observation';
  return 'ready-to-leave';
}

function vitalsFor(level: TriageLevel, r: () => number): TriageInput['vitals'] {
  const sick = level <= 2;
  const round = (v: number) => Math.round(v);
  return {
    respiratoryRate: round(sick ? 20 + r() * 8 : 13 + r() * 6),
    spo2: round(sick ? 90 + r() * 6 : 95 + r() * 4),
    onOxygen: false,
    systolicBp: round(sick ? 95 + r() * 40 : 115 + r() * 30),
    diastolicBp: round(65 + r() * 20),
    pulse: round(sick ? 100 + r() * 30 : 65 + r() * 25),
    consciousness: 'A',
    temperature: Math.round((sick ? 37.8 + r() * 1.6 : 36.4 + r() * 1.2) * 10) / 10,
  };
}

function roleRef(role: PractitionerRole): Reference {
  return { reference: `PractitionerRole/${role.id ?? ''}`, display: role.practitioner?.display ?? '' };
}

function groupOf(role: PractitionerRole): string | undefined {
  return role.code?.flatMap((c) => c.coding ?? []).find((c) => c.system === 'urn:akson:codesystem:personnel-group')?.code;
}

/** Adds `count` patients present at one clinic (the persona's unit), arrived over the last `hours`. */
export function addPatientsPresent(repo: FhirRepository, ctx: ScenarioContext, clinic: Persona, count: number, hours = 5): void {
  const now = ctx.now.getTime();
  const r = rng(hash(`${clinic.organizationId}|${count}`));
  const org = `Organization/${clinic.organizationId}`;
  const rooms = [...repo.all('Location')].filter((l) => (l as Location).managingOrganization?.reference === org && /room/.test(l.id ?? '')) as Location[];
  const roles = [...repo.all('PractitionerRole')].filter((p) => (p as PractitionerRole).organization?.reference === org) as PractitionerRole[];
  const nurses = roles.filter((p) => groupOf(p) === 'ed-nurse');
  const doctors = roles.filter((p) => groupOf(p) === 'ed-doctor');
  const patients = ([...repo.all('Patient')] as Patient[]).filter(
    (p) => !p.deceasedBoolean && !p.deceasedDateTime && p.address?.[0]?.district === clinic.municipalityName && formatName(p.name) !== '',
  );
  if (patients.length === 0 || nurses.length === 0 || doctors.length === 0) return;
  const stride = Math.max(1, Math.floor(patients.length / count));
  const offset = Math.floor(r() * stride);
  const arrivals = Array.from({ length: count }, () => r() * hours * 60).sort((a, b) => a - b);
  for (let i = 0; i < count; i++) {
    const patient = patients[(offset + i * stride) % patients.length]!;
    const minutesAgo = Math.max(1, Math.round(arrivals[i]!));
    const arrivedMs = now - minutesAgo * 60_000;
    const stage = stageOf(count === 1 ? 0 : i / (count - 1));
    const level = pickLevel(r());
    const nurse = nurses[i % nurses.length]!;
    const doctor = doctors[i % doctors.length]!;
    const nursePersona: Persona = { ...clinic, personnelGroup: 'ed-nurse', practitionerRoleId: nurse.id ?? '', name: nurse.practitioner?.display ?? '' };
    const id = `scn-ed-${clinic.municipalityCode}-${String(i + 1).padStart(3, '0')}`;
    let enc: Encounter = { ...arrivalEncounter({ patient, reason: REASONS[Math.floor(r() * REASONS.length)]!, persona: nursePersona, nowMs: arrivedMs }), id };
    enc.serviceProvider = { reference: org, display: clinic.unitName };
    if (stage === 'waiting-triage') {
      repo.create(enc);
      continue;
    }
    const triagedMs = arrivedMs + Math.min(minutesAgo - 1, 3 + Math.floor(r() * 10)) * 60_000;
    const input: TriageInput = { level, reason: 'Vurdert ved ankomst.', vitals: vitalsFor(level, r) };
    const obs: Observation = { ...triageObservation(enc, input, nursePersona, triagedMs), id: `${id}-triage` };
    enc = { ...withBoardStatus(enc, 'waiting-doctor', triagedMs), priority: obs.valueCodeableConcept! };
    if (stage !== 'waiting-doctor') {
      const seenMs = Math.min(now - 60_000, triagedMs + Math.floor(r() * 40) * 60_000);
      enc = withBoardStatus(enc, 'treatment', seenMs);
      if (stage !== 'treatment') enc = withBoardStatus(enc, stage, Math.min(now, seenMs + 20 * 60_000));
      enc = withResponsible(enc, 'doctor', roleRef(doctor));
      const room = rooms[i % Math.max(1, rooms.length)];
      if (room) enc = withRoom(enc, { reference: `Location/${room.id ?? ''}`, display: room.name ?? '' });
    }
    repo.create(enc);
    repo.create(obs);
  }
}

/** The clinics of the scenario's personas (one nurse persona per clinic). */
export function clinicsOf(personas: readonly Persona[]): Persona[] {
  const seen = new Set<string>();
  return personas.filter((p) => p.personnelGroup === 'ed-nurse' && !seen.has(p.organizationId) && seen.add(p.organizationId));
}

/** A normal evening: `perClinic` patients present at every clinic. */
export function addEmergencyDay(repo: FhirRepository, ctx: ScenarioContext, perClinic: number): void {
  for (const clinic of clinicsOf(ctx.personas)) addPatientsPresent(repo, ctx, clinic, perClinic);
}
