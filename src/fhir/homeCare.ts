import type {
  AllergyIntolerance,
  Appointment,
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  Composition,
  CompositionSection,
  Encounter,
  Flag,
  MedicationAdministration,
  MedicationStatement,
  Observation,
  Patient,
  PractitionerRole,
  Procedure,
  Reference,
} from 'fhir/r4';
import { CODE_SYSTEM, EXTENSION } from '../domain/codeSystems';
import {
  deviationsOf,
  deviationTextNb,
  dueInSlot,
  IPLOS_NB,
  IPLOS_VARIABLES,
  isTaskCode,
  orderRoute,
  SLOTS,
  slotOfHour,
  TASK_NB,
  type Deviation,
  type DoseOutcome,
  type IplosVariable,
  type Slot,
  type TaskCode,
  type TaskOutcome,
  type VisitState,
} from '../domain/homeCare';
import { NOTE_TYPE_DISPLAY } from '../domain/noteTypes';
import type { Persona } from '../session/personnel';
import type { SearchParams } from './client';
import { localDateTime } from './emergency';
import { conceptText, formatName, referenceId } from './format';
import { narrativeText, textToXhtml } from './narrative';

/**
 * Home care (hjemmetjenesten) in FHIR. Pure functions shared by the home care workspace and the
 * scenario that writes a day's routes (mocks/scenarios/homeCare.ts):
 *
 * - a planned visit is an Appointment (serviceCategory home-care; participants the patient and the
 *   worker's PractitionerRole; start/end the time window; comment the key code and access notes;
 *   supportingInformation the service decisions). Reassigning changes the worker participant.
 * - checking in creates an Encounter (class HH, in-progress, appointment → the Appointment, period
 *   start = the time of check-in) and marks the Appointment arrived; checking out finishes both in
 *   one transaction with everything recorded.
 * - a service decision (vedtak) is a CarePlan (intent order, category home-care + the service),
 *   its weekly hours an extension, its tasks (tiltak) activities with the times of day in
 *   scheduledTiming.repeat.when (MORN, NOON, EVE).
 * - a task at a visit is a Procedure (completed, or not-done with statusReason), basedOn the CarePlan.
 * - a dose is a MedicationAdministration (completed; or not-done with statusReason refused / not-given
 *   in CODE_SYSTEM.doseOutcome and the reason as text), its medication from the MedicationStatement
 *   of the shared list (PLL), which it names in supportingInformation.
 * - the report (rapport) is a signed home-visit-report Composition; a section coded deviations
 *   lists what the handover shows first, with references to the resources.
 * - IPLOS function scores are one Observation (category survey, code iplos) with 20 components.
 */

export const HOME_CARE_CATEGORY = { system: CODE_SYSTEM.service, code: 'home-care', display: 'Hjemmetjenester' } as const;
export const SERVICES = { 'home-nursing': 'Helsetjenester i hjemmet (hjemmesykepleie)', 'practical-assistance': 'Praktisk bistand' } as const;
export type ServiceKey = keyof typeof SERVICES;
export const COORDINATOR_CODE = { system: CODE_SYSTEM.homeCareRole, code: 'coordinator', display: 'Koordinator' } as const;
export const IPLOS_CODE = { system: CODE_SYSTEM.iplos, code: 'iplos', display: 'IPLOS funksjonsvurdering' } as const;
const SECTION = {
  report: { system: CODE_SYSTEM.homeCareSection, code: 'report', display: 'Rapport' },
  measurements: { system: CODE_SYSTEM.homeCareSection, code: 'measurements', display: 'Målinger' },
  tasks: { system: CODE_SYSTEM.homeCareSection, code: 'tasks', display: 'Tiltak' },
  medication: { system: CODE_SYSTEM.homeCareSection, code: 'medication', display: 'Legemidler' },
  deviations: { system: CODE_SYSTEM.homeCareSection, code: 'deviations', display: 'Avvik' },
} as const;
const V3_ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Whether a PractitionerRole is its district's coordinator (the extra role code). */
export function isCoordinator(role: PractitionerRole | undefined): boolean {
  return Boolean(role?.code?.some((c) => c.coding?.some((x) => x.system === COORDINATOR_CODE.system && x.code === COORDINATOR_CODE.code)));
}

// ---------------------------------------------------------------------------------------------
// Searches

/** A worker's visits today: with the patients, the service decisions and any visit begun. */
export function routeSearch(practitionerRoleId: string, today: string[]): SearchParams {
  return {
    actor: `PractitionerRole/${practitionerRoleId}`,
    'service-category': `${HOME_CARE_CATEGORY.system}|${HOME_CARE_CATEGORY.code}`,
    date: today,
    _include: ['Appointment:patient', 'Appointment:supporting-info'],
    _revinclude: 'Encounter:appointment',
    _count: 100,
  };
}

/** Every visit of the district today (the colleagues' routes, the handover). */
export function districtSearch(organizationId: string, today: string[]): SearchParams {
  return {
    'actor:PractitionerRole.organization': `Organization/${organizationId}`,
    'service-category': `${HOME_CARE_CATEGORY.system}|${HOME_CARE_CATEGORY.code}`,
    date: today,
    _include: ['Appointment:patient', 'Appointment:actor'],
    _count: 500,
  };
}

export function staffSearch(organizationId: string): SearchParams {
  return { organization: `Organization/${organizationId}`, _count: 100 };
}

/** Today's reports of the district (the handover). */
export function handoverSearch(organizationId: string, today: string[]): SearchParams {
  return {
    custodian: `Organization/${organizationId}`,
    type: `${CODE_SYSTEM.noteType}|home-visit-report`,
    date: today,
    _sort: '-date',
    _count: 200,
  };
}

export function criticalSearch(patientIds: readonly string[]): SearchParams {
  return { patient: patientIds.map((id) => `Patient/${id}`).join(','), _count: 500 };
}

export function carePlanSearch(patientId: string): SearchParams {
  return { patient: `Patient/${patientId}`, category: `${HOME_CARE_CATEGORY.system}|${HOME_CARE_CATEGORY.code}`, _sort: '-date', _count: 20 };
}

export function iplosSearch(patientId: string): SearchParams {
  return { patient: `Patient/${patientId}`, code: `${IPLOS_CODE.system}|${IPLOS_CODE.code}`, _sort: '-date', _count: 20 };
}

export function medicationListSearch(patientId: string): SearchParams {
  return { patient: `Patient/${patientId}`, status: 'active', _count: 100 };
}

// ---------------------------------------------------------------------------------------------
// Reading a route

export interface PlannedTask {
  code: TaskCode;
  text: string;
  carePlanId: string;
}

export interface HomeVisit {
  id: string;
  appointment: Appointment;
  encounter: Encounter | undefined;
  patientId: string;
  patientName: string;
  address: string;
  startMs: number;
  endMs: number;
  slot: Slot;
  access: string;
  worker: { roleId: string; name: string } | undefined;
  tasks: PlannedTask[];
  state: VisitState;
  carePlans: CarePlan[];
}

/** The hour of a FHIR dateTime as written: the wall-clock time where it was booked (Norway), whatever the device's time zone. */
function wallClockHour(dateTime: string | undefined, fallbackMs: number): number {
  const m = /T(\d{2}):/.exec(dateTime ?? '');
  return m ? Number(m[1]) : new Date(fallbackMs).getHours();
}

export function workerOf(appointment: Appointment): HomeVisit['worker'] {
  const p = appointment.participant?.find((x) => x.actor?.reference?.startsWith('PractitionerRole/'));
  const id = referenceId(p?.actor, 'PractitionerRole');
  return id ? { roleId: id, name: p?.actor?.display ?? '' } : undefined;
}

export function patientRefOf(appointment: Appointment): Reference | undefined {
  return appointment.participant?.find((x) => x.actor?.reference?.startsWith('Patient/'))?.actor;
}

export function addressOf(patient: Patient | undefined): string {
  const a = patient?.address?.find((x) => x.use === 'home') ?? patient?.address?.[0];
  if (!a) return '';
  return [a.line?.join(' '), [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** The tasks of the patient's active decisions planned for a slot, each task once. */
export function tasksForSlot(carePlans: readonly CarePlan[], slot: Slot): PlannedTask[] {
  const out: PlannedTask[] = [];
  for (const plan of carePlans) {
    if (plan.status !== 'active') continue;
    for (const a of plan.activity ?? []) {
      const code = a.detail?.code?.coding?.find((c) => c.system === CODE_SYSTEM.homeCareTask)?.code;
      if (!isTaskCode(code) || out.some((t) => t.code === code)) continue;
      const when = a.detail?.scheduledTiming?.repeat?.when ?? [];
      if (when.length > 0 && !when.includes(slot)) continue;
      out.push({ code, text: a.detail?.description ?? TASK_NB[code], carePlanId: plan.id ?? '' });
    }
  }
  return out;
}

function stateOf(appointment: Appointment, encounter: Encounter | undefined): VisitState {
  if (appointment.status === 'cancelled' || appointment.status === 'noshow') return 'cancelled';
  if (encounter?.status === 'finished' || appointment.status === 'fulfilled') return 'finished';
  if (encounter || appointment.status === 'arrived') return 'in-progress';
  return 'planned';
}

/** The visits of a search Bundle (appointments with their included patients, plans, encounters), in route order. */
export function visitsOf(bundle: Bundle | undefined): HomeVisit[] {
  const patients = new Map<string, Patient>();
  const plans = new Map<string, CarePlan>();
  const encounters = new Map<string, Encounter>();
  const appointments: Appointment[] = [];
  for (const e of bundle?.entry ?? []) {
    const r = e.resource;
    if (!r) continue;
    if (r.resourceType === 'Appointment') appointments.push(r);
    else if (r.resourceType === 'Patient' && r.id) patients.set(r.id, r);
    else if (r.resourceType === 'CarePlan' && r.id) plans.set(r.id, r);
    else if (r.resourceType === 'Encounter') {
      const a = referenceId(r.appointment?.[0], 'Appointment');
      if (a) encounters.set(a, r);
    }
  }
  return orderRoute(appointments.map((a) => visitOf(a, patients, plans, encounters.get(a.id ?? ''))));
}

export function visitOf(appointment: Appointment, patients: ReadonlyMap<string, Patient>, plans: ReadonlyMap<string, CarePlan>, encounter: Encounter | undefined): HomeVisit {
  const patientRef = patientRefOf(appointment);
  const patientId = referenceId(patientRef, 'Patient') ?? '';
  const patient = patients.get(patientId);
  const startMs = Date.parse(appointment.start ?? '');
  const slot = slotOfHour(wallClockHour(appointment.start, startMs));
  const carePlans = (appointment.supportingInformation ?? []).map((r) => plans.get(referenceId(r, 'CarePlan') ?? '')).filter((p): p is CarePlan => p !== undefined);
  return {
    id: appointment.id ?? '',
    appointment,
    encounter,
    patientId,
    patientName: (patient ? formatName(patient.name) : '') || patientRef?.display || '',
    address: addressOf(patient),
    startMs,
    endMs: Date.parse(appointment.end ?? appointment.start ?? ''),
    slot,
    access: appointment.comment ?? '',
    worker: workerOf(appointment),
    tasks: tasksForSlot(carePlans, slot),
    state: stateOf(appointment, encounter),
    carePlans,
  };
}

/** Patients with active critical information (an allergy or a critical-information Flag). */
export function patientsWithCritical(resources: readonly (AllergyIntolerance | Flag)[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) {
    const ref = r.resourceType === 'AllergyIntolerance' ? r.patient : r.subject;
    const id = referenceId(ref, 'Patient');
    if (!id) continue;
    if (r.resourceType === 'Flag' && r.status !== 'active') continue;
    if (r.resourceType === 'AllergyIntolerance') {
      const code = r.clinicalStatus?.coding?.[0]?.code;
      const ver = r.verificationStatus?.coding?.[0]?.code;
      if ((code && code !== 'active') || ver === 'refuted' || ver === 'entered-in-error') continue;
    }
    out.add(id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Doses due

export interface DueDose {
  /** The MedicationStatement's id: one dose per medicine per visit. */
  key: string;
  statement: MedicationStatement;
  name: string;
  dosage: string;
}

/** The medicines of the shared list due in a slot (regular dosages with times of day; not "as needed"). */
export function dosesDue(statements: readonly MedicationStatement[], slot: Slot): DueDose[] {
  const out: DueDose[] = [];
  for (const s of statements) {
    if (s.status !== 'active' || !s.id) continue;
    const dosage = s.dosage?.[0];
    if (!dosage || dosage.asNeededBoolean) continue;
    const when = dosage.timing?.repeat?.when ?? [];
    if (!dueInSlot(when, slot)) continue;
    out.push({ key: s.id, statement: s, name: conceptText(s.medicationCodeableConcept) || s.medicationReference?.display || '', dosage: dosage.text ?? '' });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

// ---------------------------------------------------------------------------------------------
// Writing a visit

function roleRef(persona: Persona): Reference {
  return { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name };
}

function put<T extends Appointment | Encounter | CarePlan>(resource: T): BundleEntry {
  const version = resource.meta?.versionId;
  return { resource, request: { method: 'PUT', url: `${resource.resourceType}/${resource.id ?? ''}`, ...(version ? { ifMatch: `W/"${version}"` } : {}) } };
}

export function checkInEncounter(visit: Pick<HomeVisit, 'appointment' | 'patientId' | 'patientName'>, persona: Persona, atMs: number): Encounter {
  return {
    resourceType: 'Encounter',
    status: 'in-progress',
    class: { system: V3_ACT, code: 'HH', display: 'home health' },
    serviceType: { coding: [{ ...HOME_CARE_CATEGORY }], text: HOME_CARE_CATEGORY.display },
    subject: { reference: `Patient/${visit.patientId}`, display: visit.patientName },
    participant: [{ individual: roleRef(persona) }],
    appointment: [{ reference: `Appointment/${visit.appointment.id ?? ''}` }],
    period: { start: localDateTime(atMs) },
    reasonCode: [{ text: 'Hjemmebesøk etter vedtak' }],
    serviceProvider: { reference: `Organization/${persona.organizationId}`, display: persona.unitName },
  };
}

/** Check-in: the visit's Encounter begun (the time recorded) and the Appointment arrived. One transaction. */
export function checkInBundle(visit: Pick<HomeVisit, 'appointment' | 'patientId' | 'patientName'>, persona: Persona, atMs: number): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: 'urn:uuid:visit-encounter', resource: checkInEncounter(visit, persona, atMs), request: { method: 'POST', url: 'Encounter' } },
      put({ ...visit.appointment, status: 'arrived' }),
    ],
  };
}

/** Moves a visit to another worker of the district (the coordinator's decision). */
export function reassigned(appointment: Appointment, to: { roleId: string; name: string }): Appointment {
  return {
    ...appointment,
    participant: (appointment.participant ?? []).map((p) => (p.actor?.reference?.startsWith('PractitionerRole/') ? { ...p, actor: { reference: `PractitionerRole/${to.roleId}`, display: to.name } } : p)),
  };
}

export interface VisitDraftData {
  checkedInAtMs: number;
  tasks: Partial<Record<TaskCode, TaskOutcome>>;
  doses: Record<string, DoseOutcome | undefined>;
  /** Observations of the vital signs (built by the vital signs module's shapes), without encounter yet. */
  vitals: Observation[];
  news2: number | undefined;
  vitalsText: string;
  report: string;
}

/**
 * Check-out: everything recorded at the visit in one transaction (all or nothing): the tasks as
 * Procedures, the doses as MedicationAdministrations, the vital signs, the report (a signed
 * Composition with the deviations as a section of their own), the Encounter finished (created here
 * when the check-in has not reached the server yet) and the Appointment fulfilled.
 */
export function checkOutBundle(visit: HomeVisit, draft: VisitDraftData, doses: readonly DueDose[], persona: Persona, nowMs: number): { bundle: Bundle; deviations: Deviation[] } {
  const at = localDateTime(nowMs);
  const author = roleRef(persona);
  const subject: Reference = { reference: `Patient/${visit.patientId}`, display: visit.patientName };
  const entries: BundleEntry[] = [];
  let encounterRef: string;
  if (visit.encounter?.id) {
    encounterRef = `Encounter/${visit.encounter.id}`;
    entries.push(put({ ...visit.encounter, status: 'finished', period: { ...visit.encounter.period, end: at } }));
  } else {
    encounterRef = 'urn:uuid:visit-encounter';
    const enc = checkInEncounter(visit, persona, draft.checkedInAtMs);
    entries.push({ fullUrl: encounterRef, resource: { ...enc, status: 'finished', period: { ...enc.period, end: at } }, request: { method: 'POST', url: 'Encounter' } });
  }
  const encounter = { reference: encounterRef };
  const taskRefs: Reference[] = [];
  const taskLines: string[] = [];
  visit.tasks.forEach((task, i) => {
    const outcome = draft.tasks[task.code];
    if (!outcome) return;
    const procedure: Procedure = {
      resourceType: 'Procedure',
      status: outcome.done ? 'completed' : 'not-done',
      category: { coding: [{ ...HOME_CARE_CATEGORY }] },
      code: { coding: [{ system: CODE_SYSTEM.homeCareTask, code: task.code, display: TASK_NB[task.code] }], text: task.text },
      subject,
      encounter,
      performedDateTime: at,
      performer: [{ actor: author }],
    };
    if (task.carePlanId) procedure.basedOn = [{ reference: `CarePlan/${task.carePlanId}` }];
    if (!outcome.done) procedure.statusReason = { text: outcome.reason.trim() };
    const fullUrl = `urn:uuid:task-${i}`;
    entries.push({ fullUrl, resource: procedure, request: { method: 'POST', url: 'Procedure' } });
    taskRefs.push({ reference: fullUrl });
    taskLines.push(`${task.text}: ${outcome.done ? 'utført' : `ikke utført – ${outcome.reason.trim()}`}`);
  });
  const doseRefs: Reference[] = [];
  const doseLines: string[] = [];
  const doseUrl = new Map<string, string>();
  doses.forEach((dose, i) => {
    const outcome = draft.doses[dose.key];
    if (!outcome) return;
    const admin: MedicationAdministration = {
      resourceType: 'MedicationAdministration',
      status: outcome.status === 'given' ? 'completed' : 'not-done',
      category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medication-admin-category', code: 'community', display: 'Community' }] },
      subject,
      context: encounter,
      effectiveDateTime: at,
      performer: [{ actor: author }],
      supportingInformation: [{ reference: `MedicationStatement/${dose.key}` }],
    };
    if (dose.statement.medicationCodeableConcept) admin.medicationCodeableConcept = dose.statement.medicationCodeableConcept;
    else admin.medicationReference = dose.statement.medicationReference ?? { display: dose.name };
    const d = dose.statement.dosage?.[0];
    if (d?.text) admin.dosage = { text: d.text, ...(d.route ? { route: d.route } : {}), ...(d.doseAndRate?.[0]?.doseQuantity ? { dose: d.doseAndRate[0].doseQuantity } : {}) };
    if (outcome.status !== 'given') {
      const display = outcome.status === 'refused' ? 'Pasienten ville ikke ta dosen' : 'Ikke gitt';
      admin.statusReason = [{ coding: [{ system: CODE_SYSTEM.doseOutcome, code: outcome.status, display }], text: (outcome.reason ?? '').trim() || display }];
    }
    const fullUrl = `urn:uuid:dose-${i}`;
    doseUrl.set(dose.key, fullUrl);
    entries.push({ fullUrl, resource: admin, request: { method: 'POST', url: 'MedicationAdministration' } });
    doseRefs.push({ reference: fullUrl });
    doseLines.push(`${dose.name}: ${outcome.status === 'given' ? 'gitt' : outcome.status === 'refused' ? `ikke tatt, pasienten ville ikke – ${(outcome.reason ?? '').trim()}` : `ikke gitt – ${(outcome.reason ?? '').trim()}`}`);
  });
  const vitalRefs: Reference[] = [];
  let news2Url: string | undefined;
  draft.vitals.forEach((obs, i) => {
    const fullUrl = `urn:uuid:vital-${i}`;
    const resource: Observation = { ...obs, encounter, effectiveDateTime: at };
    entries.push({ fullUrl, resource, request: { method: 'POST', url: 'Observation' } });
    vitalRefs.push({ reference: fullUrl });
    if (obs.valueInteger !== undefined && obs.code.coding?.some((c) => c.code === '1104051000000101')) news2Url = fullUrl;
  });
  // The vital signs module's derivedFrom points at its own temporary ids: point it at these.
  if (news2Url) {
    const news2Entry = entries.find((e) => e.fullUrl === news2Url);
    if (news2Entry?.resource?.resourceType === 'Observation') news2Entry.resource.derivedFrom = vitalRefs.filter((r) => r.reference !== news2Url);
  }

  const doseNames = Object.fromEntries(doses.map((d) => [d.key, d.name]));
  const deviations = deviationsOf({ tasks: draft.tasks, doses: draft.doses, doseNames, news2Total: draft.news2 });

  const sections: CompositionSection[] = [{ title: 'Rapport', code: { coding: [{ ...SECTION.report }] }, text: { status: 'generated', div: textToXhtml(draft.report) } }];
  if (deviations.length > 0) {
    const entry: Reference[] = [];
    for (const d of deviations) {
      if (d.kind === 'news2' && news2Url) entry.push({ reference: news2Url });
      if (d.kind === 'dose-not-given') {
        const key = Object.entries(doseNames).find(([, n]) => n === d.medication)?.[0];
        const url = key ? doseUrl.get(key) : undefined;
        if (url) entry.push({ reference: url });
      }
    }
    sections.push({ title: 'Avvik', code: { coding: [{ ...SECTION.deviations }] }, text: { status: 'generated', div: textToXhtml(deviations.map(deviationTextNb).join('\n')) }, ...(entry.length > 0 ? { entry } : {}) });
  }
  if (draft.vitalsText) sections.push({ title: 'Målinger', code: { coding: [{ ...SECTION.measurements }] }, text: { status: 'generated', div: textToXhtml(draft.vitalsText) }, ...(vitalRefs.length > 0 ? { entry: vitalRefs } : {}) });
  if (taskLines.length > 0) sections.push({ title: 'Tiltak', code: { coding: [{ ...SECTION.tasks }] }, text: { status: 'generated', div: textToXhtml(taskLines.join('\n')) }, entry: taskRefs });
  if (doseLines.length > 0) sections.push({ title: 'Legemidler', code: { coding: [{ ...SECTION.medication }] }, text: { status: 'generated', div: textToXhtml(doseLines.join('\n')) }, entry: doseRefs });

  const note: Composition = {
    resourceType: 'Composition',
    status: 'final',
    type: { coding: [{ system: CODE_SYSTEM.noteType, code: 'home-visit-report', display: NOTE_TYPE_DISPLAY['home-visit-report'] }], text: NOTE_TYPE_DISPLAY['home-visit-report'] },
    category: [{ coding: [{ ...HOME_CARE_CATEGORY }] }],
    subject,
    encounter,
    date: at,
    author: [author],
    attester: [{ mode: 'legal', time: at, party: author }],
    title: 'Rapport fra hjemmebesøk',
    custodian: { reference: `Organization/${persona.organizationId}`, display: persona.unitName },
    section: sections,
  };
  entries.push({ fullUrl: 'urn:uuid:report', resource: note, request: { method: 'POST', url: 'Composition' } });
  entries.push(put({ ...visit.appointment, status: 'fulfilled' }));
  return { bundle: { resourceType: 'Bundle', type: 'transaction', entry: entries }, deviations };
}

// ---------------------------------------------------------------------------------------------
// Handover

export interface HandoverReport {
  id: string;
  patientId: string;
  patientName: string;
  at: string;
  author: string;
  report: string;
  deviations: string[];
  measurements: string;
}

function sectionText(c: Composition, code: keyof typeof SECTION, title: string): string {
  const s = c.section?.find((x) => x.code?.coding?.some((k) => k.system === CODE_SYSTEM.homeCareSection && k.code === code)) ?? c.section?.find((x) => x.title === title);
  return narrativeText(s?.text?.div);
}

export function handoverReportOf(c: Composition): HandoverReport {
  const deviations = sectionText(c, 'deviations', 'Avvik');
  let report = sectionText(c, 'report', 'Rapport');
  // The seed's reports have one "Rapport" section, the measurements appended to it.
  if (!report) report = (c.section ?? []).map((s) => narrativeText(s.text?.div)).join('\n');
  return {
    id: c.id ?? '',
    patientId: referenceId(c.subject, 'Patient') ?? '',
    patientName: c.subject?.display ?? '',
    at: c.date,
    author: c.author?.[0]?.display ?? '',
    report,
    deviations: deviations ? deviations.split('\n').map((s) => s.trim()).filter(Boolean) : [],
    measurements: sectionText(c, 'measurements', 'Målinger'),
  };
}

/** Reports with deviations first, then the newest first. */
export function orderHandover(reports: readonly HandoverReport[]): HandoverReport[] {
  return [...reports].sort((a, b) => Number(b.deviations.length > 0) - Number(a.deviations.length > 0) || b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// Service decisions and IPLOS

export interface DecisionTask {
  code: TaskCode;
  when: Slot[];
}

export interface Decision {
  id: string;
  carePlan: CarePlan;
  service: ServiceKey;
  hours: number | undefined;
  start: string;
  tasks: DecisionTask[];
}

export function weeklyHoursOf(plan: CarePlan): number | undefined {
  return plan.extension?.find((e) => e.url === EXTENSION.weeklyHours)?.valueQuantity?.value;
}

export function decisionOf(plan: CarePlan): Decision {
  const service = plan.category?.flatMap((c) => c.coding ?? []).find((c) => c.system === CODE_SYSTEM.homeCareService)?.code;
  return {
    id: plan.id ?? '',
    carePlan: plan,
    service: service === 'practical-assistance' ? 'practical-assistance' : 'home-nursing',
    hours: weeklyHoursOf(plan),
    start: plan.period?.start ?? '',
    tasks: (plan.activity ?? []).flatMap((a) => {
      const code = a.detail?.code?.coding?.find((c) => c.system === CODE_SYSTEM.homeCareTask)?.code;
      if (!isTaskCode(code)) return [];
      const when = (a.detail?.scheduledTiming?.repeat?.when ?? []).filter((w): w is Slot => (SLOTS as readonly string[]).includes(w));
      return [{ code, when }];
    }),
  };
}

function activityOf(task: DecisionTask): CarePlanActivity {
  return {
    detail: {
      kind: 'ServiceRequest',
      code: { coding: [{ system: CODE_SYSTEM.homeCareTask, code: task.code, display: TASK_NB[task.code] }], text: TASK_NB[task.code] },
      status: 'in-progress',
      description: TASK_NB[task.code],
      scheduledTiming: { repeat: { frequency: task.when.length, period: 1, periodUnit: 'd', when: [...task.when] } },
    },
  };
}

/** A service decision (vedtak) as a CarePlan. */
export function decisionCarePlan(o: { id?: string; patient: Reference; service: ServiceKey; hours: number; start: string; tasks: readonly DecisionTask[]; author: Reference; district: Reference }): CarePlan {
  const plan: CarePlan = {
    resourceType: 'CarePlan',
    status: 'active',
    intent: 'order',
    category: [{ coding: [{ ...HOME_CARE_CATEGORY }] }, { coding: [{ system: CODE_SYSTEM.homeCareService, code: o.service, display: SERVICES[o.service] }], text: SERVICES[o.service] }],
    title: `Vedtak: ${SERVICES[o.service]}`,
    subject: o.patient,
    period: { start: o.start },
    author: o.district,
    contributor: [o.author],
    extension: [{ url: EXTENSION.weeklyHours, valueQuantity: { value: o.hours, unit: 'timer per uke', system: 'http://unitsofmeasure.org', code: 'h/wk' } }],
    activity: o.tasks.map(activityOf),
  };
  if (o.id) plan.id = o.id;
  return plan;
}

/** An edited decision: new hours and tasks, the same CarePlan (If-Match the version seen). */
export function editedDecision(plan: CarePlan, hours: number, tasks: readonly DecisionTask[], editor: Persona): CarePlan {
  const others = (plan.extension ?? []).filter((e) => e.url !== EXTENSION.weeklyHours);
  return {
    ...plan,
    extension: [...others, { url: EXTENSION.weeklyHours, valueQuantity: { value: hours, unit: 'timer per uke', system: 'http://unitsofmeasure.org', code: 'h/wk' } }],
    activity: tasks.map(activityOf),
    contributor: [roleRef(editor)],
  };
}

export interface IplosAssessment {
  id: string;
  date: string;
  by: string;
  scores: Partial<Record<IplosVariable, number>>;
}

export function iplosOf(obs: Observation): IplosAssessment {
  const scores: Partial<Record<IplosVariable, number>> = {};
  for (const c of obs.component ?? []) {
    const code = c.code.coding?.find((x) => x.system === CODE_SYSTEM.iplos)?.code;
    if (code && (IPLOS_VARIABLES as readonly string[]).includes(code) && c.valueInteger !== undefined) scores[code as IplosVariable] = c.valueInteger;
  }
  return { id: obs.id ?? '', date: (obs.effectiveDateTime ?? '').slice(0, 10), by: obs.performer?.[0]?.display ?? '', scores };
}

export function iplosObservation(o: { patient: Reference; date: string; scores: Record<IplosVariable, number>; performer: Reference }): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: OBS_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [{ ...IPLOS_CODE }], text: IPLOS_CODE.display },
    subject: o.patient,
    effectiveDateTime: o.date,
    performer: [o.performer],
    component: IPLOS_VARIABLES.map((v) => ({ code: { coding: [{ system: CODE_SYSTEM.iplos, code: v, display: IPLOS_NB[v] }], text: IPLOS_NB[v] }, valueInteger: o.scores[v] })),
  };
}

export function personaRef(persona: Persona): Reference {
  return roleRef(persona);
}
