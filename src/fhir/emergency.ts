import type { Bundle, BundleEntry, Composition, CompositionSection, Condition, Encounter, Observation, ObservationComponent, Patient, Reference } from 'fhir/r4';
import { CODE_SYSTEM, EXTENSION, IDENTIFIER, LOINC, SNOMED } from '../domain/codeSystems';
import { DIAGNOSIS_SYSTEM_URI, type DiagnosisCode } from '../domain/diagnosisCodes';
import { NOTE_TYPE_DISPLAY } from '../domain/noteTypes';
import { news2, type Acvpu, type News2Input } from '../domain/news2';
import { TRIAGE_LEVELS, waitingState, type TriageColour, type TriageLevel, type WaitingState } from '../domain/triage';
import type { Persona } from '../session/personnel';
import type { SearchParams } from './client';
import { formatName, referenceId } from './format';
import { textToXhtml } from './narrative';

/**
 * The emergency clinic (legevakt) in FHIR: one Encounter per visit, triage as Observations, the
 * clinic's note as a Composition. Pure functions shared by the triage board module and the
 * emergency workspace's pages (arrival, visit, wall display); see
 * src/modules/triage-board/README.md for the modelling choices.
 */

/** What the board says about a patient present. */
export const ED_STATUSES = ['waiting-triage', 'waiting-doctor', 'treatment', 'observation', 'ready-to-leave'] as const;
export type EdStatus = (typeof ED_STATUSES)[number];

/** How a patient leaves the clinic. */
export const DEPARTURES = ['home', 'hospital', 'gp', 'home-care'] as const;
export type Departure = (typeof DEPARTURES)[number];

/** The Norwegian words written into the journal (the GP reads them), as the seed writes notes. */
export const TRIAGE_WORD_NB: Record<TriageColour, string> = { red: 'Rød', orange: 'Oransje', yellow: 'Gul', green: 'Grønn', blue: 'Blå' };
export const DEPARTURE_NB: Record<Departure, string> = {
  home: 'Hjem',
  hospital: 'Innlagt i sykehus',
  gp: 'Hjem, videre oppfølging hos fastlege',
  'home-care': 'Hjem, oppfølging fra hjemmetjenesten',
};
const RESPONSIBLE_NB = { nurse: 'Ansvarlig sykepleier', doctor: 'Ansvarlig lege' } as const;
const BOARD_STATUS_NB = { observation: 'Observasjon', 'ready-to-leave': 'Klar til å gå' } as const;

export type Responsible = 'nurse' | 'doctor';

export function colourOf(level: TriageLevel): TriageColour {
  return TRIAGE_LEVELS[level - 1]!.colour;
}

export function levelOfColour(colour: string | undefined): TriageLevel | undefined {
  return TRIAGE_LEVELS.find((l) => l.colour === colour)?.level;
}

export function triageLevelConcept(level: TriageLevel) {
  const colour = colourOf(level);
  return { coding: [{ system: CODE_SYSTEM.triageLevel, code: colour, display: TRIAGE_WORD_NB[colour] }], text: TRIAGE_WORD_NB[colour] };
}

/** The triage Observation's code. */
export const TRIAGE_CODE = { system: CODE_SYSTEM.emergency, code: 'triage', display: 'Triage' } as const;
export const ON_OXYGEN_CODE = { system: CODE_SYSTEM.emergency, code: 'on-oxygen', display: 'Oksygentilskudd' } as const;

/** Everyone present at a clinic: its visits not yet finished (with the patients). */
export function boardSearch(organizationId: string): SearchParams {
  return {
    'service-provider': `Organization/${organizationId}`,
    class: 'EMER',
    status: 'arrived,triaged,in-progress',
    _include: 'Encounter:subject',
    _count: 200,
  };
}

/** A visit's triages, newest first (the level's history). */
export function triageHistorySearch(encounterId: string): SearchParams {
  return { encounter: `Encounter/${encounterId}`, code: `${TRIAGE_CODE.system}|${TRIAGE_CODE.code}`, _sort: '-date', _count: 50 };
}

export interface PersonRef {
  reference: string;
  name: string;
}

/** One patient present, as the board shows it. */
export interface EdVisit {
  id: string;
  encounter: Encounter;
  patientId: string | undefined;
  patientName: string;
  initials: string;
  /** Birth year age and sex, when known. */
  birthDate?: string;
  gender?: Patient['gender'];
  temporaryIdentity: boolean;
  arrivalMs: number;
  reason: string;
  level: TriageLevel | undefined;
  status: EdStatus;
  nurse?: PersonRef;
  doctor?: PersonRef;
  room?: PersonRef;
}

export function initialsOf(name: string): string {
  const parts = name.split(/[\s,-]+/).filter(Boolean);
  return parts.map((p) => `${p[0]!.toLocaleUpperCase('nb')}.`).join('');
}

export function boardStatusOf(encounter: Encounter): EdStatus {
  switch (encounter.status) {
    case 'arrived':
    case 'planned':
      return 'waiting-triage';
    case 'triaged':
      return 'waiting-doctor';
    default: {
      const sub = encounter.extension?.find((e) => e.url === EXTENSION.edBoardStatus)?.valueCoding?.code;
      return sub === 'observation' || sub === 'ready-to-leave' ? sub : 'treatment';
    }
  }
}

export function levelOf(encounter: Encounter): TriageLevel | undefined {
  return levelOfColour(encounter.priority?.coding?.find((c) => c.system === CODE_SYSTEM.triageLevel)?.code);
}

export function responsibleOf(encounter: Encounter, who: Responsible): PersonRef | undefined {
  const p = encounter.participant?.find((x) => x.type?.some((t) => t.coding?.some((c) => c.system === CODE_SYSTEM.edResponsible && c.code === who)));
  const ref = p?.individual;
  return ref?.reference ? { reference: ref.reference, name: ref.display ?? '' } : undefined;
}

/** "Bergen legevakt, behandlingsrom 4" → "behandlingsrom 4": the clinic's name adds nothing on its own board. */
export function roomLabel(display: string | undefined): string {
  if (!display) return '';
  const i = display.lastIndexOf(', ');
  return i >= 0 ? display.slice(i + 2) : display;
}

export function isTemporary(patient: Patient | undefined): boolean {
  return Boolean(patient?.identifier?.some((i) => i.system === IDENTIFIER.temporary)) && !patient?.identifier?.some((i) => i.system === IDENTIFIER.fnr || i.system === IDENTIFIER.dnr);
}

export function toVisit(encounter: Encounter, patients: ReadonlyMap<string, Patient>): EdVisit {
  const patientId = referenceId(encounter.subject, 'Patient');
  const patient = patientId ? patients.get(patientId) : undefined;
  const patientName = (patient ? formatName(patient.name) : '') || encounter.subject?.display || '';
  const room = encounter.location?.[0]?.location;
  const visit: EdVisit = {
    id: encounter.id ?? '',
    encounter,
    patientId,
    patientName,
    initials: initialsOf(patientName),
    temporaryIdentity: isTemporary(patient),
    arrivalMs: encounter.period?.start ? Date.parse(encounter.period.start) : 0,
    reason: encounter.reasonCode?.map((r) => r.text ?? r.coding?.[0]?.display ?? '').filter(Boolean).join('; ') ?? '',
    level: levelOf(encounter),
    status: boardStatusOf(encounter),
  };
  if (patient?.birthDate) visit.birthDate = patient.birthDate;
  if (patient?.gender) visit.gender = patient.gender;
  const nurse = responsibleOf(encounter, 'nurse');
  const doctor = responsibleOf(encounter, 'doctor');
  if (nurse) visit.nurse = nurse;
  if (doctor) visit.doctor = doctor;
  if (room?.reference) visit.room = { reference: room.reference, name: roomLabel(room.display) };
  return visit;
}

export function visitsOf(bundle: Bundle | undefined): EdVisit[] {
  const patients = new Map<string, Patient>();
  const encounters: Encounter[] = [];
  for (const e of bundle?.entry ?? []) {
    const r = e.resource;
    if (r?.resourceType === 'Patient' && r.id) patients.set(r.id, r);
    else if (r?.resourceType === 'Encounter') encounters.push(r);
  }
  return encounters.map((enc) => toVisit(enc, patients));
}

// ---------------------------------------------------------------------------------------------
// Time waited

/** Whether the level's target time still applies: until a doctor has started the assessment. */
export function isWaiting(status: EdStatus): boolean {
  return status === 'waiting-triage' || status === 'waiting-doctor';
}

export interface WaitView {
  minutes: number;
  /** 'none' when no target applies (not yet triaged, or being treated). */
  state: WaitingState | 'none';
}

export function waitOf(visit: Pick<EdVisit, 'arrivalMs' | 'level' | 'status'>, nowMs: number): WaitView {
  const minutes = Math.max(0, Math.floor((nowMs - visit.arrivalMs) / 60_000));
  if (!visit.level || !isWaiting(visit.status)) return { minutes, state: 'none' };
  return { minutes, state: waitingState(visit.level, minutes) };
}

// ---------------------------------------------------------------------------------------------
// Sorting and filtering

export type BoardSort = 'priority' | 'arrival' | 'level';

export interface BoardFilter {
  /** Levels to show; 'none' = not yet triaged. Empty = all. */
  levels: readonly (TriageLevel | 'none')[];
  statuses: readonly EdStatus[];
  /** A PractitionerRole reference: only the patients this person is responsible for. */
  responsible?: string;
}

export const NO_FILTER: BoardFilter = { levels: [], statuses: [] };

export function filterVisits(visits: readonly EdVisit[], filter: BoardFilter): EdVisit[] {
  return visits.filter(
    (v) =>
      (filter.levels.length === 0 || filter.levels.includes(v.level ?? 'none')) &&
      (filter.statuses.length === 0 || filter.statuses.includes(v.status)) &&
      (!filter.responsible || v.nurse?.reference === filter.responsible || v.doctor?.reference === filter.responsible),
  );
}

/**
 * - priority (default): those still waiting before those being treated; among the waiting, the
 *   least time left to their level's target first (not yet triaged counts as target 0: they
 *   need a triage now); then arrival;
 * - level: red first (not yet triaged first of all), then arrival;
 * - arrival: first come first.
 */
export function sortVisits(visits: readonly EdVisit[], sort: BoardSort): EdVisit[] {
  const target = (v: EdVisit) => (v.level ? TRIAGE_LEVELS[v.level - 1]!.targetMinutes : 0);
  // Time left = deadline − now, for every row alike: ordering by the deadline needs no clock.
  const left = (v: EdVisit) => v.arrivalMs + target(v) * 60_000;
  const byArrival = (a: EdVisit, b: EdVisit) => a.arrivalMs - b.arrivalMs || a.id.localeCompare(b.id);
  const byLevel = (a: EdVisit, b: EdVisit) => (a.level ?? 0) - (b.level ?? 0);
  const copy = [...visits];
  if (sort === 'arrival') return copy.sort(byArrival);
  if (sort === 'level') return copy.sort((a, b) => byLevel(a, b) || byArrival(a, b));
  return copy.sort((a, b) => {
    const wa = isWaiting(a.status) ? 0 : 1;
    const wb = isWaiting(b.status) ? 0 : 1;
    if (wa !== wb) return wa - wb;
    if (wa === 0) return left(a) - left(b) || byArrival(a, b);
    return byLevel(a, b) || byArrival(a, b);
  });
}

export interface BoardCounts {
  total: number;
  byStatus: Record<EdStatus, number>;
  overTarget: number;
}

export function boardCounts(visits: readonly EdVisit[], nowMs: number): BoardCounts {
  const byStatus = Object.fromEntries(ED_STATUSES.map((s) => [s, 0])) as Record<EdStatus, number>;
  let overTarget = 0;
  for (const v of visits) {
    byStatus[v.status] += 1;
    if (waitOf(v, nowMs).state === 'alarm') overTarget += 1;
  }
  return { total: visits.length, byStatus, overTarget };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** FHIR dateTime with the local offset, to the second (what the seed writes). */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(ms + off * 60_000).toISOString().slice(0, 19);
  return `${local}${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`;
}

function roleRef(persona: Persona): Reference {
  return { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name };
}

function participantOf(who: Responsible, ref: Reference) {
  return { type: [{ coding: [{ system: CODE_SYSTEM.edResponsible, code: who, display: RESPONSIBLE_NB[who] }], text: RESPONSIBLE_NB[who] }], individual: ref };
}

/** Moves the Encounter to a new FHIR status, closing the previous one in statusHistory. */
function withEncounterStatus(encounter: Encounter, status: Encounter['status'], at: string): Encounter {
  if (encounter.status === status) return encounter;
  const history = [...(encounter.statusHistory ?? [])];
  const since = history.length > 0 ? history[history.length - 1]!.period.end : encounter.period?.start;
  history.push({ status: encounter.status, period: { ...(since ? { start: since } : {}), end: at } });
  return { ...encounter, status, statusHistory: history };
}

/** The board status as the Encounter's status (and sub-status extension). */
export function withBoardStatus(encounter: Encounter, status: EdStatus, nowMs: number): Encounter {
  const at = localDateTime(nowMs);
  const fhirStatus: Encounter['status'] = status === 'waiting-triage' ? 'arrived' : status === 'waiting-doctor' ? 'triaged' : 'in-progress';
  const next = withEncounterStatus(encounter, fhirStatus, at);
  const others = (next.extension ?? []).filter((e) => e.url !== EXTENSION.edBoardStatus);
  const extension =
    status === 'observation' || status === 'ready-to-leave'
      ? [...others, { url: EXTENSION.edBoardStatus, valueCoding: { system: CODE_SYSTEM.edBoardStatus, code: status, display: BOARD_STATUS_NB[status] } }]
      : others;
  const out: Encounter = { ...next };
  if (extension.length > 0) out.extension = extension;
  else delete out.extension;
  return out;
}

export function withResponsible(encounter: Encounter, who: Responsible, person: Reference): Encounter {
  const others = (encounter.participant ?? []).filter((p) => !p.type?.some((t) => t.coding?.some((c) => c.system === CODE_SYSTEM.edResponsible && c.code === who)));
  return { ...encounter, participant: [...others, participantOf(who, person)] };
}

export function withRoom(encounter: Encounter, room: Reference | undefined): Encounter {
  const out: Encounter = { ...encounter };
  if (room) out.location = [{ location: room, status: 'active' }];
  else delete out.location;
  return out;
}

/** A new arrival: waiting for triage, the registering nurse responsible. */
export function arrivalEncounter(o: { patient: Patient; reason: string; persona: Persona; nowMs: number }): Encounter {
  const start = localDateTime(o.nowMs);
  const encounter: Encounter = {
    resourceType: 'Encounter',
    status: 'arrived',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER', display: 'emergency' },
    serviceType: { coding: [{ system: CODE_SYSTEM.service, code: 'emergency', display: 'Legevakt' }], text: 'Legevakt' },
    subject: { reference: `Patient/${o.patient.id ?? ''}`, display: formatName(o.patient.name) },
    period: { start },
    reasonCode: [{ text: o.reason.trim() }],
    serviceProvider: { reference: `Organization/${o.persona.organizationId}`, display: o.persona.unitName },
  };
  return o.persona.personnelGroup === 'ed-nurse' ? withResponsible(encounter, 'nurse', roleRef(o.persona)) : encounter;
}

/** A patient whose identity is not known yet: a temporary identity, to be merged later. */
export function temporaryPatient(o: { gender: 'male' | 'female' | 'unknown'; approxAge?: number; description: string; nowMs: number; random: number; persona: Persona }): Patient {
  const d = new Date(o.nowMs);
  const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}`;
  const value = `${stamp}-${String(Math.floor(o.random * 10_000)).padStart(4, '0')}`;
  const given = o.gender === 'male' ? 'Mann' : o.gender === 'female' ? 'Kvinne' : 'Person';
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: [{ use: 'temp', system: IDENTIFIER.temporary, value, assigner: { reference: `Organization/${o.persona.organizationId}`, display: o.persona.unitName } }],
    active: true,
    name: [{ use: 'temp', family: 'Ukjent', given: [given], text: `Ukjent ${given.toLowerCase()}` }],
    gender: o.gender,
  };
  if (o.approxAge !== undefined) patient.birthDate = String(d.getFullYear() - o.approxAge);
  if (o.description.trim()) patient.name![0]!.suffix = [o.description.trim()];
  return patient;
}

export interface TriageInput {
  level: TriageLevel;
  reason: string;
  vitals: News2Input & { diastolicBp?: number };
}

function quantity(value: number, unit: string, code: string) {
  return { value, unit, system: 'http://unitsofmeasure.org', code };
}

/** The vital signs and NEWS2 as the triage Observation's components. */
export function vitalComponents(v: TriageInput['vitals']): ObservationComponent[] {
  const loinc = (code: string, display: string) => ({ coding: [{ system: CODE_SYSTEM.loinc, code, display }], text: display });
  const out: ObservationComponent[] = [];
  if (v.respiratoryRate !== undefined) out.push({ code: loinc(LOINC.respiratoryRate, 'Respirasjonsfrekvens'), valueQuantity: quantity(v.respiratoryRate, '/min', '/min') });
  if (v.spo2 !== undefined) out.push({ code: loinc(LOINC.spo2, 'SpO2'), valueQuantity: quantity(v.spo2, '%', '%') });
  if (v.onOxygen !== undefined) out.push({ code: { coding: [{ ...ON_OXYGEN_CODE }], text: ON_OXYGEN_CODE.display }, valueBoolean: v.onOxygen });
  if (v.systolicBp !== undefined) out.push({ code: loinc(LOINC.systolic, 'Systolisk blodtrykk'), valueQuantity: quantity(v.systolicBp, 'mmHg', 'mm[Hg]') });
  if (v.diastolicBp !== undefined) out.push({ code: loinc(LOINC.diastolic, 'Diastolisk blodtrykk'), valueQuantity: quantity(v.diastolicBp, 'mmHg', 'mm[Hg]') });
  if (v.pulse !== undefined) out.push({ code: loinc(LOINC.heartRate, 'Puls'), valueQuantity: quantity(v.pulse, '/min', '/min') });
  if (v.consciousness !== undefined) out.push({ code: { coding: [{ system: CODE_SYSTEM.snomed, code: SNOMED.acvpu, display: 'ACVPU' }], text: 'ACVPU' }, valueCodeableConcept: { text: v.consciousness } });
  if (v.temperature !== undefined) out.push({ code: loinc(LOINC.temperature, 'Temperatur'), valueQuantity: quantity(v.temperature, '°C', 'Cel') });
  const score = news2(v);
  if (Object.keys(score.scores).length > 0) {
    out.push({ code: { coding: [{ system: CODE_SYSTEM.snomed, code: SNOMED.news2Total, display: 'NEWS2 total score' }], text: 'NEWS2' }, valueInteger: score.total });
  }
  return out;
}

export function triageObservation(encounter: Encounter, input: TriageInput, persona: Persona, nowMs: number): Observation {
  const obs: Observation = {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
    code: { coding: [{ ...TRIAGE_CODE }], text: 'Triage' },
    effectiveDateTime: localDateTime(nowMs),
    performer: [roleRef(persona)],
    valueCodeableConcept: triageLevelConcept(input.level),
  };
  if (encounter.subject) obs.subject = encounter.subject;
  if (encounter.id) obs.encounter = { reference: `Encounter/${encounter.id}` };
  if (input.reason.trim()) obs.note = [{ text: input.reason.trim() }];
  const components = vitalComponents(input.vitals);
  if (components.length > 0) obs.component = components;
  return obs;
}

/**
 * A triage (first or a change of level): the Observation (kept, so the level's history stays)
 * and the Encounter with the new priority, waiting for a doctor if it was waiting for triage,
 * and the triaging nurse responsible when nobody is. One transaction; If-Match the version seen.
 */
export function triageBundle(encounter: Encounter, input: TriageInput, persona: Persona, nowMs: number): Bundle {
  let next: Encounter = { ...encounter, priority: triageLevelConcept(input.level) };
  if (boardStatusOf(encounter) === 'waiting-triage') next = withBoardStatus(next, 'waiting-doctor', nowMs);
  if (!responsibleOf(next, 'nurse') && persona.personnelGroup === 'ed-nurse') next = withResponsible(next, 'nurse', roleRef(persona));
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: 'urn:uuid:triage', resource: triageObservation(encounter, input, persona, nowMs), request: { method: 'POST', url: 'Observation' } },
      encounterPut(next),
    ],
  };
}

function encounterPut(encounter: Encounter): BundleEntry {
  const version = encounter.meta?.versionId;
  return { resource: encounter, request: { method: 'PUT', url: `Encounter/${encounter.id ?? ''}`, ...(version ? { ifMatch: `W/"${version}"` } : {}) } };
}

export interface TreatmentInput {
  findings: string;
  assessment: string;
  measures: string;
  diagnosis: DiagnosisCode | null;
  departure: Departure;
  followUp: string;
}

function narrative(text: string) {
  return { status: 'generated' as const, div: textToXhtml(text) };
}

/** The emergency note's headings and texts (empty ones left out): the note's sections, and the notice to the GP. */
export function emergencyNoteLines(visit: Pick<EdVisit, 'reason' | 'level'>, input: TreatmentInput): [string, string][] {
  const sections: [string, string][] = [
    ['Årsak', visit.reason],
    ['Hastegrad', visit.level ? TRIAGE_WORD_NB[colourOf(visit.level)] : ''],
    ['Funn', input.findings],
    ['Vurdering', [input.diagnosis ? `${input.diagnosis.code} ${input.diagnosis.text}` : '', input.assessment].filter((s) => s.trim()).join('\n')],
    ['Tiltak', input.measures],
    ['Videre oppfølging', [DEPARTURE_NB[input.departure], input.followUp].filter((s) => s.trim()).join('. ')],
  ];
  return sections.filter(([, text]) => text.trim() !== '');
}

export function emergencyNoteSections(visit: Pick<EdVisit, 'reason' | 'level'>, input: TreatmentInput): CompositionSection[] {
  return emergencyNoteLines(visit, input).map(([title, text]) => ({ title, text: narrative(text) }));
}

/**
 * The departure: the clinic's note (a signed emergency-note Composition, as the seed's past
 * visits, so the shared journal's latest notes show it to the GP), the diagnosis (an
 * encounter-diagnosis Condition, ICPC-2) and the Encounter finished with its discharge
 * disposition. One transaction (all or nothing), If-Match the version seen.
 */
export function departureBundle(visit: EdVisit, input: TreatmentInput, persona: Persona, nowMs: number): Bundle {
  const at = localDateTime(nowMs);
  const author = roleRef(persona);
  const entries: BundleEntry[] = [];
  let encounter = withBoardStatus(visit.encounter, 'treatment', nowMs);
  encounter = withEncounterStatus(encounter, 'finished', at);
  delete encounter.extension;
  if (!responsibleOf(encounter, 'doctor') && persona.personnelGroup === 'ed-doctor') encounter = withResponsible(encounter, 'doctor', author);
  encounter.period = { ...encounter.period, end: at };
  encounter.hospitalization = {
    dischargeDisposition: { coding: [{ system: CODE_SYSTEM.edDeparture, code: input.departure, display: DEPARTURE_NB[input.departure] }], text: DEPARTURE_NB[input.departure] },
  };
  if (input.diagnosis) {
    const condition: Condition = {
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
      code: { coding: [{ system: DIAGNOSIS_SYSTEM_URI[input.diagnosis.system], code: input.diagnosis.code, display: input.diagnosis.text }], text: input.diagnosis.text },
      subject: visit.encounter.subject ?? { reference: `Patient/${visit.patientId ?? ''}` },
      encounter: { reference: `Encounter/${visit.id}` },
      recordedDate: at,
      recorder: author,
    };
    entries.push({ fullUrl: 'urn:uuid:diagnosis', resource: condition, request: { method: 'POST', url: 'Condition' } });
    encounter.diagnosis = [{ condition: { reference: 'urn:uuid:diagnosis' }, rank: 1 }];
  }
  const note: Composition = {
    resourceType: 'Composition',
    status: 'final',
    type: { coding: [{ system: CODE_SYSTEM.noteType, code: 'emergency-note', display: NOTE_TYPE_DISPLAY['emergency-note'] }], text: NOTE_TYPE_DISPLAY['emergency-note'] },
    category: [{ coding: [{ system: CODE_SYSTEM.service, code: 'emergency', display: 'Legevakt' }] }],
    subject: visit.encounter.subject ?? { reference: `Patient/${visit.patientId ?? ''}` },
    encounter: { reference: `Encounter/${visit.id}` },
    date: at,
    author: [author],
    attester: [{ mode: 'legal', time: at, party: author }],
    title: visit.reason || NOTE_TYPE_DISPLAY['emergency-note'],
    custodian: { reference: `Organization/${persona.organizationId}`, display: persona.unitName },
    section: emergencyNoteSections(visit, input),
  };
  entries.push({ fullUrl: 'urn:uuid:note', resource: note, request: { method: 'POST', url: 'Composition' } });
  entries.push(encounterPut(encounter));
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

// ---------------------------------------------------------------------------------------------
// Reading a triage back

export interface TriageRecord {
  id: string;
  at: string;
  level: TriageLevel | undefined;
  reason: string;
  by: string;
  news2: number | undefined;
  vitals: { label: string; value: string }[];
}

export function triageRecord(obs: Observation): TriageRecord {
  const vitals: TriageRecord['vitals'] = [];
  let score: number | undefined;
  let bp: { sys?: number; dia?: number } = {};
  for (const c of obs.component ?? []) {
    const code = c.code.coding?.[0]?.code;
    if (code === SNOMED.news2Total) score = c.valueInteger;
    else if (code === LOINC.systolic) bp = { ...bp, sys: c.valueQuantity?.value };
    else if (code === LOINC.diastolic) bp = { ...bp, dia: c.valueQuantity?.value };
    else if (c.valueQuantity) vitals.push({ label: c.code.text ?? code ?? '', value: `${String(c.valueQuantity.value)} ${c.valueQuantity.unit ?? ''}`.trim() });
    else if (c.valueCodeableConcept) vitals.push({ label: c.code.text ?? '', value: c.valueCodeableConcept.text ?? '' });
    else if (c.valueBoolean !== undefined) vitals.push({ label: c.code.text ?? '', value: c.valueBoolean ? '✓' : '–' });
  }
  if (bp.sys !== undefined) vitals.push({ label: 'BT', value: `${String(bp.sys)}${bp.dia !== undefined ? `/${String(bp.dia)}` : ''} mmHg` });
  return {
    id: obs.id ?? '',
    at: obs.effectiveDateTime ?? '',
    level: levelOfColour(obs.valueCodeableConcept?.coding?.find((c) => c.system === CODE_SYSTEM.triageLevel)?.code),
    reason: obs.note?.[0]?.text ?? '',
    by: obs.performer?.[0]?.display ?? '',
    news2: score,
    vitals,
  };
}

export type { Acvpu };
