import type { DiagnosticReport, Observation, ObservationReferenceRange, Patient, Quantity } from 'fhir/r4';
import type { Persona } from '../../src/session/personnel';
import type { SeedCore, SeedOptions } from '../seed/index';
import { INTERPRETATION, LABS, OBS_CATEGORY_LAB, REPORT_CATEGORY_LAB, REPORT_CODE_LAB, UNSEEN_TAG, type LabDef } from '../seed/terminology';
import type { FhirRepository } from '../fhir-server/repository';
import { osloDate, osloLocalToEpoch } from '../fhir-server/dates';
import { addEmergencyDay, addPatientsPresent, clinicsOf } from './emergency';
import { addHealthStationDay } from './healthStation';
import { addHomeCareDay, type HomeCareOptions } from './homeCare';
import { isoWithOffset } from './shared';
import { addExchange, addInboxLoad } from './exchange';
import { addUnitLeaders } from './access';

/**
 * Scenarios: named, versioned starting states for usability sessions and tests, on top of the
 * deterministic seed. `POST /mock/reset {"scenario": id}` puts the mock backend back to exactly
 * a scenario's starting state.
 *
 * Bump `version` whenever a scenario's starting state changes: a browser's saved changes
 * (IndexedDB) belong to one version and are discarded when the version differs.
 */

export interface LocalizedText {
  nb: string;
  en: string;
}

export interface ScenarioContext {
  /** The scenario's "now" (the seed's now). */
  now: Date;
  core: SeedCore;
  personas: Persona[];
}

export interface Scenario {
  id: string;
  version: number;
  title: LocalizedText;
  description: LocalizedText;
  /** What a usability tester is asked to do, in order. */
  tasks: { nb: string[]; en: string[] };
  /** A fixed clock (ISO date-time). Without it the scenario starts at the current minute. */
  now?: string;
  /** Seed options; they win over the backend's seedOptions (so "small" is always small). */
  seed?: Partial<SeedOptions>;
  /** Changes on top of the seed, made after the clinical data is loaded (not part of the delta). */
  apply?(repo: FhirRepository, ctx: ScenarioContext): void;
}

const UCUM = 'http://unitsofmeasure.org';

/** Abnormal lab panels (values per LABS key of the seed's terminology), one per patient. */
const ABNORMAL_PANELS: { title: string; values: Record<string, number> }[] = [
  { title: 'Nyrefunksjon og elektrolytter', values: { potassium: 6.4, creatinine: 142, sodium: 139 } },
  { title: 'CRP', values: { crp: 87 } },
  { title: 'Anemiutredning', values: { hb: 92, ferritin: 6 } },
  { title: 'Diabeteskontroll', values: { hba1c: 78, glucose: 11.2, creatinine: 80, potassium: 4.2 } },
  { title: 'Generell blodprøvestatus', values: { alat: 180, platelets: 95, hb: 140, crp: 3 } },
];

function referenceRange(lab: LabDef, sex: 'male' | 'female'): ObservationReferenceRange[] {
  const [low, high] = lab.ref[sex];
  const q = (value: number): Quantity => ({ value, unit: lab.unit, system: UCUM, code: lab.ucum });
  const range: ObservationReferenceRange = {};
  if (low !== null) range.low = q(low);
  if (high !== null) range.high = q(high);
  return [range];
}

/**
 * Adds lab results with values outside the reference range, sampled this morning and not yet
 * seen by the GP (tag review-status 'unseen', as the seed tags results), for the first five
 * living patients on the list of the Bergen GP persona.
 */
function addAbnormalResults(repo: FhirRepository, ctx: ScenarioContext): void {
  const gp =
    ctx.personas.find((p) => p.personnelGroup === 'gp' && (p.municipalityCode === '4601' || p.municipalityName === 'Bergen')) ??
    ctx.personas.find((p) => p.personnelGroup === 'gp');
  if (!gp) return;
  const listed = repo.search('Patient', new URLSearchParams({ 'general-practitioner': `PractitionerRole/${gp.practitionerRoleId}`, _count: '1000' }), '');
  const patients = (listed.entry ?? [])
    .map((e) => e.resource as Patient)
    .filter((p) => !p.deceasedBoolean && !p.deceasedDateTime)
    .slice(0, ABNORMAL_PANELS.length);
  const now = ctx.now.getTime();
  const [y, m, d] = osloDate(now).split('-').map(Number) as [number, number, number];
  const sampled = Math.min(osloLocalToEpoch(y, m, d, 7, 45), now - 3 * 3_600_000);
  const issued = Math.min(osloLocalToEpoch(y, m, d, 8, 30), now - 30 * 60_000);
  const performer = repo.get('Organization', 'org-furst') ? [{ reference: 'Organization/org-furst', display: 'Fürst Medisinsk Laboratorium' }] : [{ display: 'Fürst Medisinsk Laboratorium' }];
  const meta = { tag: [{ ...UNSEEN_TAG }] };
  patients.forEach((patient, i) => {
    const panel = ABNORMAL_PANELS[i];
    if (!panel) return;
    const sex = patient.gender === 'male' ? 'male' : 'female';
    const subject = { reference: `Patient/${patient.id}` };
    const results: { reference: string }[] = [];
    for (const [key, value] of Object.entries(panel.values)) {
      const lab = LABS[key];
      if (!lab) continue;
      const [low, high] = lab.ref[sex];
      const flag = high !== null && value > high ? 'H' : low !== null && value < low ? 'L' : 'N';
      const id = `scn-abn-${i + 1}-${key}`;
      const observation: Observation = {
        resourceType: 'Observation',
        id,
        meta,
        status: 'final',
        category: [...OBS_CATEGORY_LAB],
        code: lab.code,
        subject,
        effectiveDateTime: isoWithOffset(sampled),
        issued: isoWithOffset(issued),
        performer,
        valueQuantity: { value, unit: lab.unit, system: UCUM, code: lab.ucum },
        interpretation: [...INTERPRETATION[flag]],
        referenceRange: referenceRange(lab, sex),
      };
      repo.create(observation);
      results.push({ reference: `Observation/${id}` });
    }
    const report: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      id: `scn-abn-${i + 1}`,
      meta,
      status: 'final',
      category: [...REPORT_CATEGORY_LAB],
      code: { ...REPORT_CODE_LAB, text: panel.title },
      subject,
      effectiveDateTime: isoWithOffset(sampled),
      issued: isoWithOffset(issued),
      performer,
      result: results,
      conclusion: 'Ett eller flere svar utenfor referanseområdet.',
    };
    repo.create(report);
  });
}

/**
 * A day in every service on top of the seed: patients present at the emergency clinics, the
 * Bergen health station's day (with a 12-month-old), home care's decisions, IPLOS and routes, and
 * the exchange partners' messages (Nav, barnevern, a hospital for a home care patient).
 */
function addServicesDay(repo: FhirRepository, ctx: ScenarioContext, presentPerClinic: number, homeCare?: HomeCareOptions): void {
  addEmergencyDay(repo, ctx, presentPerClinic);
  addHealthStationDay(repo, ctx);
  addHomeCareDay(repo, ctx, homeCare);
  addExchange(repo, ctx);
  addUnitLeaders(repo, ctx);
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'standard',
    version: 5,
    title: { nb: 'Standard kommune', en: 'Standard municipality' },
    description: {
      nb: 'Syntetiske data for ti tusen pasienter i flere kommuner, med dagens timer, besøk og svar. Klokka er nå.',
      en: 'Synthetic data for ten thousand patients in several municipalities, with today’s appointments, visits and results. The clock is now.',
    },
    tasks: {
      nb: ['Logg inn som en av personene i listen.', 'Finn en pasient og se på den kritiske informasjonen.'],
      en: ['Sign in as one of the personas in the list.', 'Find a patient and look at the critical information.'],
    },
    // A normal evening at the emergency clinics: patients present now at every stage of the visit.
    apply: (repo, ctx) => addServicesDay(repo, ctx, 14),
  },
  {
    id: 'small',
    version: 5,
    title: { nb: 'Liten kommune (rask)', en: 'Small municipality (fast)' },
    description: {
      nb: 'Samme personell og steder, men bare 300 pasienter. For raske tester og korte økter.',
      en: 'The same personnel and places, but only 300 patients. For fast tests and short sessions.',
    },
    tasks: {
      nb: ['Logg inn og finn en pasient.'],
      en: ['Sign in and find a patient.'],
    },
    seed: { patients: 300, heavyPatients: 0 },
    apply: (repo, ctx) => addServicesDay(repo, ctx, 6),
  },
  {
    id: 'home-care-long-route',
    version: 1,
    title: { nb: 'Hjemmetjenesten: lang rute', en: 'Home care: a long route' },
    description: {
      nb: 'Sykepleieren i Hjemmetjenesten Årstad (Bergen) har 25 besøk i dag; kollegene har vanlige ruter. Ellers som standard.',
      en: 'The nurse at Årstad home care (Bergen) has 25 visits today; the colleagues have normal routes. Otherwise as standard.',
    },
    tasks: {
      nb: ['Logg inn som sykepleier i hjemmetjenesten i Bergen.', 'Finn neste besøk og sjekk inn.'],
      en: ['Sign in as the home care nurse in Bergen.', 'Find the next visit and check in.'],
    },
    apply: (repo, ctx) => addServicesDay(repo, ctx, 14, { longRoute: { personaId: 'bergen-homecare-nurse', visits: 25 } }),
  },
  {
    id: 'emergency-busy',
    version: 1,
    title: { nb: 'Legevakt: full venteromsdag', en: 'Emergency clinic: a full waiting room' },
    description: {
      nb: 'Bergen legevakt har 60 pasienter til stede, på alle trinn fra ankomst til utreise; flere har ventet lenger enn målet for hastegraden. De andre legevaktene har en vanlig dag.',
      en: 'Bergen emergency clinic has 60 patients present, at every stage from arrival to departure; several have waited longer than their level’s target. The other clinics have a normal day.',
    },
    tasks: {
      nb: ['Logg inn som sykepleier på Bergen legevakt.', 'Finn pasientene som har ventet lenger enn målet.', 'Registrer en ny pasient og triager.'],
      en: ['Sign in as a nurse at Bergen emergency clinic.', 'Find the patients who have waited longer than the target.', 'Register a new patient and triage them.'],
    },
    apply: (repo, ctx) => {
      for (const clinic of clinicsOf(ctx.personas)) addPatientsPresent(repo, ctx, clinic, clinic.municipalityName === 'Bergen' ? 60 : 14, clinic.municipalityName === 'Bergen' ? 6 : 5);
    },
  },
  {
    id: 'gp-abnormal-results',
    version: 1,
    title: { nb: 'Fastlege: unormale svar i dag', en: 'GP: abnormal results today' },
    description: {
      nb: 'En fastlege i Bergen har fått inn nye laboratoriesvar utenfor referanseområdet for noen av sine listepasienter i morges. Svarene er ikke gjennomgått.',
      en: 'A GP in Bergen received new laboratory results outside the reference range for some list patients this morning. The results have not been reviewed.',
    },
    tasks: {
      nb: [
        'Logg inn som fastlegen i Bergen.',
        'Finn ut hvilke pasienter som har nye unormale svar.',
        'Åpne pasienten med høyest kalium og bestem hva som skal gjøres.',
      ],
      en: ['Sign in as the GP in Bergen.', 'Find out which patients have new abnormal results.', 'Open the patient with the highest potassium and decide what to do.'],
    },
    apply: addAbnormalResults,
  },
  {
    id: 'exchange-busy-inbox',
    version: 1,
    title: { nb: 'Samhandling: full innboks', en: 'Exchange: a full inbox' },
    description: {
      nb: 'Fastlegekontoret i Bergen har 2 000 meldinger i innboksen (hjemmetjeneste, legevakt, sykehus). 300 pasienter. For ytelsesmåling og for å prøve filtrene.',
      en: 'The GP office in Bergen has 2,000 messages in its inbox (home care, emergency clinic, hospitals). 300 patients. For benchmarks and trying the filters.',
    },
    tasks: {
      nb: ['Logg inn som fastlegen i Bergen.', 'Finn de uleste hastemeldingene om én pasient.'],
      en: ['Sign in as the GP in Bergen.', 'Find the unread urgent messages about one patient.'],
    },
    seed: { patients: 300, heavyPatients: 0 },
    apply: (repo, ctx) => {
      addExchange(repo, ctx);
      addInboxLoad(repo, ctx, 2000);
    },
  },
];

export const DEFAULT_SCENARIO_ID = 'standard';

export function getScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** Public description of a scenario (GET /mock/scenarios). */
export function describeScenario(s: Scenario): Pick<Scenario, 'id' | 'version' | 'title' | 'description' | 'tasks' | 'now' | 'seed'> {
  const out: Pick<Scenario, 'id' | 'version' | 'title' | 'description' | 'tasks' | 'now' | 'seed'> = {
    id: s.id,
    version: s.version,
    title: s.title,
    description: s.description,
    tasks: s.tasks,
  };
  if (s.now) out.now = s.now;
  if (s.seed) out.seed = s.seed;
  return out;
}

