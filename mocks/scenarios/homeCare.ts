import type { Appointment, EpisodeOfCare, MedicationStatement, Patient, PractitionerRole, Reference } from 'fhir/r4';
import { CODE_SYSTEM } from '../../src/domain/codeSystems';
import { TASK_CODES, dueInSlot, type Slot, type TaskCode } from '../../src/domain/homeCare';
import { formatName } from '../../src/fhir/format';
import { COORDINATOR_CODE, HOME_CARE_CATEGORY, decisionCarePlan, iplosObservation, type DecisionTask } from '../../src/fhir/homeCare';
import { IPLOS_VARIABLES, type IplosVariable } from '../../src/domain/homeCare';
import { MUNICIPALITIES } from '../seed/places';
import { osloDate, osloLocalToEpoch } from '../fhir-server/dates';
import type { FhirRepository } from '../fhir-server/repository';
import type { ScenarioContext } from './index';
import { hash, isoWithOffset, rng } from './shared';

/**
 * Home care's day (hjemmetjenesten), on top of the seed: for every home care district
 * - its coordinator: the district's first nurse (PractitionerRole.code gains
 *   urn:akson:codesystem:home-care-role|coordinator);
 * - a service decision (vedtak, CarePlan) for each patient with home care, with weekly hours and
 *   tasks (tiltak) by time of day, and an IPLOS assessment (Observation); patients in the
 *   district's neighbourhoods aged 70 and over are given home care when the district has fewer
 *   than MIN_PATIENTS (the small data sets), so every route is a realistic one;
 * - today's routes of the day shift: Appointments (07:30–15:30), about ROUTE_LENGTH per worker,
 *   grouped by postal code, each with key code and access notes.
 * The persona nurse's first visit is to a patient of a GP persona who takes at least two
 * morning doses, so a journey can give one, record a refusal, and show the GP the report.
 * Deterministic: the same data set and day give the same routes.
 */

const ROUTE_LENGTH = 10;
const MIN_PATIENTS = 72;
const DAY_MS = 86_400_000;

export interface HomeCareOptions {
  /** A persona whose route has this many visits (the bench's long route). */
  longRoute?: { personaId: string; visits: number };
}

const ACCESS_NOTES = [
  'Nøkkelboks ved inngangsdøren, kode {code}.',
  'Ring på og vent, pasienten åpner selv. Reservenøkkel i nøkkelboks, kode {code}.',
  'Nøkkel i nøkkelskapet på kontoret (nr. {n}). Inngang fra baksiden.',
  'Nøkkelboks på verandaen, kode {code}. Katt i huset, lukk døren.',
  'Pårørende bor i 1. etasje og åpner. Nøkkelboks kode {code} om ingen svarer.',
  'Dørkode {code}, 3. etasje, heis. Trygghetsalarm i stua.',
];

function groupOf(role: PractitionerRole): string | undefined {
  return role.code?.flatMap((c) => c.coding ?? []).find((c) => c.system === CODE_SYSTEM.personnelGroup)?.code;
}

function roleRef(role: PractitionerRole): Reference {
  return { reference: `PractitionerRole/${role.id ?? ''}`, display: role.practitioner?.display ?? '' };
}

/** The home care district (Organization id) whose neighbourhoods include the patient's postal code. */
function districtByPostalCode(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of MUNICIPALITIES) {
    for (const unit of m.units) {
      if (unit.kind !== 'home-care-district') continue;
      for (const hood of m.neighbourhoods) {
        if (!unit.covers?.includes(hood.name)) continue;
        for (const pc of hood.postalCodes) out.set(`${m.code}|${pc}`, `org-${m.code}-${unit.key}`);
      }
    }
  }
  return out;
}

function hoursOf(eoc: EpisodeOfCare): number {
  const m = /(\d+(?:,\d+)?) timer/.exec(eoc.type?.[0]?.text ?? '');
  return m ? Number(m[1]!.replace(',', '.')) : 3.5;
}

function whenOf(s: MedicationStatement): string[] {
  const d = s.dosage?.[0];
  if (!d || d.asNeededBoolean) return [];
  return d.timing?.repeat?.when ?? [];
}

interface CarePatient {
  patient: Patient;
  eoc: EpisodeOfCare;
  hours: number;
  meds: MedicationStatement[];
  slots: Slot[];
  postal: string;
}

function slotsOf(hours: number, meds: readonly MedicationStatement[]): Slot[] {
  const slots: Slot[] = ['MORN'];
  if (hours >= 7 || meds.some((m) => dueInSlot(whenOf(m), 'NOON'))) slots.push('NOON');
  if (hours >= 10 || meds.some((m) => dueInSlot(whenOf(m), 'EVE'))) slots.push('EVE');
  return slots;
}

function tasksOf(p: CarePatient, r: () => number): DecisionTask[] {
  const tasks = new Map<TaskCode, Slot[]>();
  const add = (code: TaskCode, slot: Slot) => tasks.set(code, [...(tasks.get(code) ?? []).filter((s) => s !== slot), slot]);
  for (const slot of p.slots) {
    if (p.meds.some((m) => dueInSlot(whenOf(m), slot))) add('medication', slot);
  }
  const morning: TaskCode[] = ['personal-hygiene', 'dressing', 'compression-stockings', 'wound-care', 'blood-glucose', 'supervision'];
  const first = morning[Math.floor(r() * morning.length)]!;
  add(first, 'MORN');
  if (r() < 0.6) add(morning[(morning.indexOf(first) + 1 + Math.floor(r() * 3)) % morning.length]!, 'MORN');
  if (p.slots.includes('NOON')) add('meals', 'NOON');
  if (p.slots.includes('EVE')) add('supervision', 'EVE');
  return TASK_CODES.filter((c) => tasks.has(c)).map((code) => ({ code, when: (['MORN', 'NOON', 'EVE'] as const).filter((s) => tasks.get(code)?.includes(s)) }));
}

function iplosScores(hours: number, r: () => number): Record<IplosVariable, number> {
  const base = hours >= 10 ? 3.5 : hours >= 5 ? 2.5 : 1.6;
  const out = {} as Record<IplosVariable, number>;
  for (const v of IPLOS_VARIABLES) {
    if ((v === 'vision' || v === 'hearing') && r() < 0.5) {
      out[v] = 1;
      continue;
    }
    if (v === 'behaviour' && r() < 0.3) {
      out[v] = 9;
      continue;
    }
    out[v] = Math.max(1, Math.min(5, Math.round(base + (r() - 0.5) * 2.4)));
  }
  return out;
}

/** `n` shared in proportion to `weights`, in whole numbers (largest remainders first, then the first). */
export function apportion(n: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || n <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (n * w) / sum);
  const out = exact.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** Adds home care's day to the repository (see the file's comment). */
export function addHomeCareDay(repo: FhirRepository, ctx: ScenarioContext, options: HomeCareOptions = {}): void {
  const now = ctx.now.getTime();
  const [y, m, d] = osloDate(now).split('-').map(Number) as [number, number, number];
  const at = (hour: number, minute: number) => osloLocalToEpoch(y, m, d, hour, minute);
  const roles = [...repo.all('PractitionerRole')] as PractitionerRole[];
  const gpPersonaRoles = new Set(ctx.personas.filter((p) => p.personnelGroup === 'gp').map((p) => `PractitionerRole/${p.practitionerRoleId}`));
  const byPostal = districtByPostalCode();

  // Patients with home care, per district.
  const patientsOf = new Map<string, CarePatient[]>();
  const carePatient = (patient: Patient, eoc: EpisodeOfCare): CarePatient => {
    const meds = [...(repo.byPatient('MedicationStatement', patient.id ?? '') ?? [])].filter((s) => (s as MedicationStatement).status === 'active') as MedicationStatement[];
    const hours = hoursOf(eoc);
    return { patient, eoc, hours, meds, slots: slotsOf(hours, meds), postal: `${patient.address?.[0]?.postalCode ?? ''}|${patient.address?.[0]?.line?.[0] ?? ''}` };
  };
  const withCare = new Set<string>();
  for (const e of repo.all('EpisodeOfCare') as Iterable<EpisodeOfCare>) {
    if (e.status !== 'active' || !e.type?.some((t) => t.coding?.some((c) => c.system === CODE_SYSTEM.service && c.code === 'home-care'))) continue;
    const org = e.managingOrganization?.reference?.replace('Organization/', '') ?? '';
    const id = e.patient.reference?.replace('Patient/', '') ?? '';
    const patient = repo.get('Patient', id) as Patient | undefined;
    if (!patient || patient.deceasedBoolean || patient.deceasedDateTime) continue;
    withCare.add(id);
    const list = patientsOf.get(org) ?? [];
    list.push(carePatient(patient, e));
    patientsOf.set(org, list);
  }
  const districts = [...new Set(roles.filter((r) => groupOf(r) === 'homecare-nurse').map((r) => r.organization?.reference?.replace('Organization/', '') ?? ''))].sort();

  // Small data sets: more patients (aged 75+, at home) get home care, so every route is realistic.
  const born = Number(osloDate(now).slice(0, 4)) - 70;
  const extra = ([...repo.all('Patient')] as Patient[])
    .filter((p) => !p.deceasedBoolean && !p.deceasedDateTime && !withCare.has(p.id ?? '') && Number((p.birthDate ?? '9999').slice(0, 4)) <= born)
    .sort((a, b) => hash(a.id ?? '') - hash(b.id ?? ''));
  for (const district of districts) {
    const list = patientsOf.get(district) ?? [];
    patientsOf.set(district, list);
    const muni = district.split('-')[1] ?? '';
    for (const p of extra) {
      if (list.length >= MIN_PATIENTS) break;
      if (byPostal.get(`${muni}|${p.address?.[0]?.postalCode ?? ''}`) !== district || withCare.has(p.id ?? '')) continue;
      withCare.add(p.id ?? '');
      const org = repo.get('Organization', district) as { name?: string } | undefined;
      const eoc: EpisodeOfCare = {
        resourceType: 'EpisodeOfCare',
        id: `scn-hc-eoc-${p.id ?? ''}`,
        status: 'active',
        type: [{ coding: [{ ...HOME_CARE_CATEGORY }], text: 'Hjemmesykepleie, 3,5 timer per uke' }],
        patient: { reference: `Patient/${p.id ?? ''}`, display: formatName(p.name) },
        managingOrganization: { reference: `Organization/${district}`, display: org?.name ?? '' },
        period: { start: isoWithOffset(now - (60 + (hash(p.id ?? '') % 300)) * DAY_MS) },
      };
      repo.create(eoc);
      list.push(carePatient(p, eoc));
    }
  }

  for (const district of districts) {
    const staff = roles.filter((r) => r.organization?.reference === `Organization/${district}` && (groupOf(r) === 'homecare-nurse' || groupOf(r) === 'homecare-worker')).sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
    const nurses = staff.filter((r) => groupOf(r) === 'homecare-nurse');
    const coordinator = nurses[0];
    if (!coordinator || staff.length === 0) continue;
    repo.update({ ...coordinator, code: [...(coordinator.code ?? []), { coding: [{ ...COORDINATOR_CODE }], text: COORDINATOR_CODE.display }] });
    const districtRef: Reference = { reference: `Organization/${district}`, display: (repo.get('Organization', district) as { name?: string } | undefined)?.name ?? '' };
    const patients = (patientsOf.get(district) ?? []).sort((a, b) => (a.patient.id ?? '').localeCompare(b.patient.id ?? ''));

    // Few patients (a thin district): more of them get a midday visit too (supervision), so routes stay full.
    let visitsPlanned = patients.reduce((n, p) => n + p.slots.filter((x) => x !== 'EVE').length, 0);
    for (const p of [...patients].sort((a, b) => b.hours - a.hours)) {
      if (visitsPlanned >= staff.length * ROUTE_LENGTH) break;
      if (p.slots.includes('NOON')) continue;
      p.slots = [...p.slots.filter((x) => x !== 'EVE'), 'NOON', ...p.slots.filter((x) => x === 'EVE')];
      visitsPlanned++;
    }

    // Service decisions and IPLOS.
    const plans = new Map<string, string>();
    for (const p of patients) {
      const pid = p.patient.id ?? '';
      const r = rng(hash(`vedtak|${pid}`));
      const subject = { reference: `Patient/${pid}`, display: formatName(p.patient.name) };
      const start = p.eoc.period?.start ?? isoWithOffset(now - 90 * DAY_MS);
      const plan = decisionCarePlan({ id: `scn-hc-vedtak-${pid}`, patient: subject, service: 'home-nursing', hours: p.hours, start, tasks: tasksOf(p, r), author: roleRef(coordinator), district: districtRef });
      repo.create(plan);
      plans.set(pid, plan.id ?? '');
      if (r() < 0.3) {
        const pa = decisionCarePlan({ id: `scn-hc-pa-${pid}`, patient: subject, service: 'practical-assistance', hours: r() < 0.5 ? 1.5 : 3, start, tasks: [{ code: 'meals', when: ['NOON'] }], author: roleRef(coordinator), district: districtRef });
        repo.create(pa);
      }
      const assessed = now - Math.floor(30 + r() * 270) * DAY_MS;
      repo.create({ ...iplosObservation({ patient: subject, date: osloDate(assessed), scores: iplosScores(p.hours, r), performer: roleRef(coordinator) }), id: `scn-hc-iplos-${pid}` });
    }

    // Today's day-shift visits: the morning ones, then the midday ones, grouped by postal code.
    const byPlace = (a: CarePatient, b: CarePatient) => a.postal.localeCompare(b.postal) || (a.patient.id ?? '').localeCompare(b.patient.id ?? '');
    const morning = patients.filter((p) => p.slots.includes('MORN')).sort(byPlace);
    const midday = patients.filter((p) => p.slots.includes('NOON')).sort(byPlace);
    const long = options.longRoute ? ctx.personas.find((p) => p.id === options.longRoute?.personaId) : undefined;
    const quota = staff.map((s) => (long && s.id === long.practitionerRoleId ? (options.longRoute?.visits ?? ROUTE_LENGTH) : ROUTE_LENGTH));
    const total = morning.length + midday.length;
    const wanted = quota.reduce((a, b) => a + b, 0);
    // Too few visits for every quota: each worker gets a fair share (the long route keeps its own).
    if (total < wanted) {
      const fixed = long ? quota.filter((_, i) => staff[i]?.id === long.practitionerRoleId).reduce((a, b) => a + b, 0) : 0;
      const others = staff.length - (fixed > 0 ? 1 : 0);
      const share = Math.max(1, Math.floor((total - fixed) / Math.max(1, others)));
      staff.forEach((s, i) => {
        if (!(long && s.id === long.practitionerRoleId)) quota[i] = share;
      });
    }
    // Mornings and middays shared in proportion to each worker's quota (largest remainders).
    const used = Math.min(total, quota.reduce((a, b) => a + b, 0));
    const mUsed = Math.min(morning.length, Math.round((used * morning.length) / Math.max(1, total)));
    const nUsed = Math.min(midday.length, used - mUsed);
    const mornCounts = apportion(mUsed, quota);
    const noonCounts = apportion(nUsed, quota);
    let mi = 0;
    let ni = 0;
    const persona = ctx.personas.find((p) => p.personnelGroup === 'homecare-nurse' && p.practitionerRoleId === coordinator.id);
    if (persona) {
      // The persona's first visit: a GP persona's patient with two morning doses, when there is one.
      const score = (p: CarePatient) => (gpPersonaRoles.has(p.patient.generalPractitioner?.[0]?.reference ?? '') ? 2 : 0) + (p.meds.filter((m) => dueInSlot(whenOf(m), 'MORN')).length >= 2 ? 1 : 0);
      let best = 0;
      morning.forEach((p, i) => {
        if (score(p) > score(morning[best]!)) best = i;
      });
      const [first] = morning.splice(best, 1);
      if (first) morning.unshift(first);
    }
    staff.forEach((worker, w) => {
      const nMorning = mornCounts[w] ?? 0;
      const nMidday = noonCounts[w] ?? 0;
      const stops: { p: CarePatient; slot: Slot; startMs: number; minutes: number }[] = [];
      const plan = (list: CarePatient[], from: number, count: number, slot: Slot, startMs: number, spanMin: number) => {
        const step = Math.max(15, Math.min(45, Math.floor(spanMin / Math.max(1, count))));
        for (let k = 0; k < count; k++) stops.push({ p: list[from + k]!, slot, startMs: startMs + k * step * 60_000, minutes: Math.max(15, step - 10) });
      };
      plan(morning, mi, nMorning, 'MORN', at(7, 30), 210);
      plan(midday, ni, Math.max(0, nMidday), 'NOON', at(11, 15), 240);
      mi += nMorning;
      ni += Math.max(0, nMidday);
      stops.forEach((s, k) => {
        const pid = s.p.patient.id ?? '';
        const r = rng(hash(`access|${pid}`));
        const code = String(1000 + Math.floor(r() * 9000));
        const note = ACCESS_NOTES[Math.floor(r() * ACCESS_NOTES.length)]!.replace('{code}', code).replace('{n}', String(1 + Math.floor(r() * 40)));
        const appointment: Appointment = {
          resourceType: 'Appointment',
          id: `scn-hc-${district.replace('org-', '')}-${String(w + 1).padStart(2, '0')}-${String(k + 1).padStart(2, '0')}`,
          status: 'booked',
          serviceCategory: [{ coding: [{ ...HOME_CARE_CATEGORY }], text: HOME_CARE_CATEGORY.display }],
          serviceType: [{ coding: [{ system: CODE_SYSTEM.homeCareService, code: 'home-nursing', display: 'Helsetjenester i hjemmet (hjemmesykepleie)' }], text: 'Hjemmesykepleie' }],
          description: s.slot === 'MORN' ? 'Morgenbesøk' : 'Formiddagsbesøk',
          start: isoWithOffset(s.startMs),
          end: isoWithOffset(s.startMs + s.minutes * 60_000),
          minutesDuration: s.minutes,
          created: isoWithOffset(now - 7 * DAY_MS),
          comment: note,
          supportingInformation: [{ reference: `CarePlan/${plans.get(pid) ?? ''}` }, ...(repo.get('CarePlan', `scn-hc-pa-${pid}`) ? [{ reference: `CarePlan/scn-hc-pa-${pid}` }] : [])],
          participant: [
            { actor: { reference: `Patient/${pid}`, display: formatName(s.p.patient.name) }, required: 'required', status: 'accepted' },
            { actor: roleRef(worker), required: 'required', status: 'accepted' },
          ],
        };
        repo.create(appointment);
      });
    });
  }
}
