import type {
  AllergyIntolerance,
  Appointment,
  CodeableConcept,
  Composition,
  CompositionSection,
  Condition,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  EpisodeOfCare,
  FhirResource,
  Flag,
  Immunization,
  MedicationStatement,
  Meta,
  Observation,
  ObservationReferenceRange,
  Quantity,
  Reference,
} from 'fhir/r4';
import { news2 } from '../../src/domain/news2';
import { UCUM, deepFreeze, flat, nb, narrative, one, pad, ref, round } from './fhir';
import type { Person } from './population';
import type { Rng } from './random';
import {
  CATEGORY_ENCOUNTER_DX,
  CATEGORY_PROBLEM_LIST,
  CONDITION_ACTIVE,
  CONDITION_CONFIRMED,
  CONDITION_RESOLVED,
  DOCUMENT_TYPE,
  ENCOUNTER_CLASS,
  INTERPRETATION,
  LABS,
  NEWS2_CODE,
  NOTE_TYPE,
  OBS_CATEGORY_LAB,
  OBS_CATEGORY_SURVEY,
  OBS_CATEGORY_VITAL,
  PANELS,
  RADIOLOGY,
  REPORT_CATEGORY_LAB,
  REPORT_CATEGORY_RAD,
  SERVICE,
  UNSEEN_TAG,
  VITAL,
  type DocumentTypeCode,
  type EncounterClass,
  type LabDef,
  type NoteType,
  type PanelKey,
  type ServiceCode,
} from './terminology';
import { DAY, HOUR, MINUTE, dateTime, type Clock } from './time';
import type { HospitalCtx, MuniCtx, StaffRef, UnitRef, World } from './world';

/**
 * Writes one patient's resources: ids, shared references and the FHIR shapes. History logic
 * (what happens when) lives in history.ts; this file knows how each resource looks.
 */

// ---------------------------------------------------------------------------------------------
// Shared, frozen building blocks

const reasonCache = new Map<string, CodeableConcept[]>();
function reasonCode(text: string): CodeableConcept[] {
  let r = reasonCache.get(text);
  if (!r) {
    r = deepFreeze([{ text }]);
    reasonCache.set(text, r);
  }
  return r;
}

const sectionCache = new Map<string, Map<string, CompositionSection>>();

/** A section with a narrative paragraph per line. */
export function section(title: string, ...paragraphs: string[]): CompositionSection {
  return { title, text: narrative(...paragraphs) };
}

/** A section whose text is a fixed template: built once and shared. */
export function sharedSection(title: string, text: string): CompositionSection {
  let byText = sectionCache.get(title);
  if (!byText) {
    byText = new Map();
    sectionCache.set(title, byText);
  }
  let s = byText.get(text);
  if (!s) {
    s = deepFreeze(section(title, text));
    byText.set(text, s);
  }
  return s;
}

const refRangeCache = new Map<string, ObservationReferenceRange[]>();
function referenceRange(lab: LabDef, sex: 'male' | 'female'): ObservationReferenceRange[] {
  const key = `${lab.key}|${sex}`;
  let r = refRangeCache.get(key);
  if (!r) {
    const [low, high] = lab.ref[sex];
    const q = (value: number): Quantity => ({ value, unit: lab.unit, system: UCUM, code: lab.ucum });
    const range: ObservationReferenceRange = {};
    if (low !== null) range.low = q(low);
    if (high !== null) range.high = q(high);
    range.text = low !== null && high !== null ? `${nb(low, lab.decimals)}–${nb(high, lab.decimals)}` : high !== null ? `< ${nb(high, lab.decimals)}` : `> ${nb(low ?? 0, lab.decimals)}`;
    r = deepFreeze([range]);
    refRangeCache.set(key, r);
  }
  return r;
}

const panelCodeCache = new Map<PanelKey, CodeableConcept>();
function panelCode(panel: PanelKey): CodeableConcept {
  let c = panelCodeCache.get(panel);
  if (!c) {
    c = deepFreeze({ coding: [{ system: 'http://loinc.org', code: '11502-2', display: 'Laboratory report' }], text: PANELS[panel].title });
    panelCodeCache.set(panel, c);
  }
  return c;
}

const padded: string[][] = [];
/** Shared flat strings "0001", "0002", … */
function paddedNumber(n: number, width: number): string {
  let byWidth = padded[width];
  if (!byWidth) {
    byWidth = [];
    padded[width] = byWidth;
  }
  let s = byWidth[n];
  if (s === undefined) {
    s = flat(pad(n, width));
    byWidth[n] = s;
  }
  return s;
}

function quantity(value: number, unit: string, code: string): Quantity {
  return { value, unit, system: UCUM, code };
}

/** Quantities are shared per (UCUM code, unit, value): vital signs and lab values repeat a lot. */
const quantityCache = new Map<string, Map<string, Map<number, Quantity>>>();
function sharedQuantity(value: number, unit: string, code: string): Quantity {
  let byUnit = quantityCache.get(code);
  if (!byUnit) {
    byUnit = new Map();
    quantityCache.set(code, byUnit);
  }
  let byValue = byUnit.get(unit);
  if (!byValue) {
    byValue = new Map();
    byUnit.set(unit, byValue);
  }
  let q = byValue.get(value);
  if (!q) {
    q = Object.freeze(quantity(value, unit, code));
    byValue.set(value, q);
  }
  return q;
}

const locationCache = new WeakMap<Reference, NonNullable<Encounter['location']>>();
function locationOf(l: Reference): NonNullable<Encounter['location']> {
  let a = locationCache.get(l);
  if (!a) {
    a = deepFreeze([{ location: l }]);
    locationCache.set(l, a);
  }
  return a;
}

const bpCache = new Map<number, NonNullable<Observation['component']>>();
function bpComponents(sys: number, dia: number): NonNullable<Observation['component']> {
  const key = sys * 1000 + dia;
  let c = bpCache.get(key);
  if (!c) {
    c = deepFreeze([
      { code: VITAL.systolic.code, valueQuantity: sharedQuantity(sys, VITAL.systolic.unit, VITAL.systolic.ucum) },
      { code: VITAL.diastolic.code, valueQuantity: sharedQuantity(dia, VITAL.diastolic.unit, VITAL.diastolic.ucum) },
    ]);
    bpCache.set(key, c);
  }
  return c;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a text's UTF-8 bytes (FHIR base64Binary), without Buffer or btoa (runs in a worker, in Node and in tests). */
export function base64Utf8(text: string): { data: string; size: number } {
  const bytes = new TextEncoder().encode(text);
  const parts: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    parts.push(BASE64.charAt(n >>> 18), BASE64.charAt((n >>> 12) & 63), BASE64.charAt((n >>> 6) & 63), BASE64.charAt(n & 63));
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest > 1 ? (bytes[i + 1] as number) << 8 : 0);
    parts.push(BASE64.charAt(n >>> 18), BASE64.charAt((n >>> 12) & 63), rest > 1 ? BASE64.charAt((n >>> 6) & 63) : '=', '=');
  }
  return { data: parts.join(''), size: bytes.length };
}

/** The content type of the seed's documents: a small Markdown subset (# title, ## headings, "- " items, paragraphs). */
export const DOCUMENT_CONTENT_TYPE = 'text/markdown; charset=utf-8';

// ---------------------------------------------------------------------------------------------

export interface Vitals {
  sys: number;
  dia: number;
  hr: number;
  spo2: number;
  temp: number;
  rr: number;
  weight: number;
}

export interface VitalsDone {
  bp?: string;
  hr?: string;
  temp?: string;
  spo2?: string;
  rr?: string;
  weight?: string;
  news2?: number;
  refs: Reference[];
}

export type VitalKind = 'bp' | 'hr' | 'spo2' | 'temp' | 'rr' | 'weight';

export interface LabRequest {
  panel: PanelKey;
  t: number;
  encounter?: Reference;
  performer: Reference;
  /** Values chosen by the caller (lab key → value); others come from `valueOf`. */
  values: Record<string, number>;
  /** Chance that a result issued in the last 14 days is still unreviewed (tagged unseen). */
  unseenChance?: { normal: number; abnormal: number };
  /** Hours from sampling to the result. */
  hours: number;
}

export class PatientWriter {
  readonly out: FhirResource[];
  readonly p: Person;
  readonly rng: Rng;
  readonly clock: Clock;
  readonly world: World;
  private readonly num: string;
  private readonly counters: Record<string, number> = {};

  /** `tag` keeps ids apart when a second writer adds to the same patient (e.g. "t" for today's schedule). */
  constructor(world: World, clock: Clock, person: Person, rng: Rng, out: FhirResource[], tag = '') {
    this.world = world;
    this.clock = clock;
    this.p = person;
    this.rng = rng;
    this.out = out;
    this.num = person.id.slice(4);
    this.tag = tag;
  }

  private readonly tag: string;

  private readonly idPrefixes: Record<string, string> = {};

  nextId(prefix: string, width: number): string {
    const n = (this.counters[prefix] ?? 0) + 1;
    this.counters[prefix] = n;
    let head = this.idPrefixes[prefix];
    if (head === undefined) {
      head = flat(`${prefix}-${this.num}-${this.tag}`);
      this.idPrefixes[prefix] = head;
    }
    return head + paddedNumber(n, width);
  }

  meta(lastUpdated: string, unseen = false): Meta {
    return unseen ? { versionId: '1', lastUpdated, tag: [UNSEEN_TAG] } : { versionId: '1', lastUpdated };
  }

  /** Units of the patient at a point in time (the previous municipality before a move). */
  at(t: number): { muni: MuniCtx; gp: StaffRef; office: UnitRef } {
    const prev = this.p.prev;
    if (prev && t < prev.moveMs) return { muni: prev.muni, gp: prev.gp, office: prev.office };
    return { muni: this.p.muni, gp: this.p.gp, office: this.p.office };
  }

  // -------------------------------------------------------------------------------------------
  // Encounters and notes

  encounter(o: {
    cls: EncounterClass;
    service: ServiceCode;
    start: number;
    end?: number;
    status?: Encounter['status'];
    participants: readonly StaffRef[];
    provider: Reference;
    reason: string;
    location?: Reference;
    appointment?: Reference;
    id?: string;
  }): Reference {
    const id = o.id ?? this.nextId('enc', 4);
    const start = dateTime(o.start);
    const enc: Encounter = {
      resourceType: 'Encounter',
      id,
      meta: this.meta(o.end !== undefined && o.end <= this.clock.now ? dateTime(o.end) : start),
      status: o.status ?? 'finished',
      class: ENCOUNTER_CLASS[o.cls],
      serviceType: SERVICE[o.service],
      subject: this.p.ref,
      participant: o.participants.length === 1 && o.participants[0] ? o.participants[0].participant : o.participants.map((s) => ({ individual: s.ref })),
      period: o.end !== undefined ? { start, end: dateTime(o.end) } : { start },
      reasonCode: reasonCode(o.reason),
      serviceProvider: o.provider,
    };
    if (o.appointment) enc.appointment = [o.appointment];
    if (o.location) enc.location = locationOf(o.location);
    this.out.push(enc);
    return ref('Encounter', id);
  }

  note(o: { type: NoteType; t: number; author: StaffRef; custodian: Reference; encounter?: Reference; title: string; sections: CompositionSection[]; id?: string }): Reference {
    const id = o.id ?? this.nextId('note', 4);
    const t = dateTime(o.t);
    const c: Composition = {
      resourceType: 'Composition',
      id,
      meta: this.meta(t),
      status: 'final',
      type: NOTE_TYPE[o.type],
      subject: this.p.ref,
      date: t,
      author: o.author.refs,
      title: o.title,
      custodian: o.custodian,
      section: o.sections,
    };
    if (o.encounter) c.encounter = o.encounter;
    this.out.push(c);
    return ref('Composition', id);
  }

  /** The four classic sections of a consultation note. */
  consultationSections(reason: string, findings: string, assessment: string, plan: string, findingsShared = false): CompositionSection[] {
    return [sharedSection('Årsak', reason), findingsShared ? sharedSection('Funn', findings) : section('Funn', findings), sharedSection('Vurdering', assessment), sharedSection('Plan', plan)];
  }

  // -------------------------------------------------------------------------------------------
  // Observations

  private obs(code: CodeableConcept, category: CodeableConcept[], ts: string, meta: Meta, encounter: Reference | undefined, performer: Reference[]): Observation {
    const o: Observation = {
      resourceType: 'Observation',
      id: this.nextId('obs', 4),
      meta,
      status: 'final',
      category,
      code,
      subject: this.p.ref,
      effectiveDateTime: ts,
      performer,
    };
    if (encounter) o.encounter = encounter;
    return o;
  }

  /**
   * Writes vital signs measured at one time (one shared meta for the set); returns text for the
   * note. With `withNews2`, also the NEWS2 total (derived from the set; consciousness Alert).
   */
  vitals(kinds: readonly VitalKind[], v: Vitals, t: number, encounter: Reference | undefined, performer: StaffRef, withNews2 = false): VitalsDone {
    const done: VitalsDone = { refs: [] };
    const ts = dateTime(t);
    const meta = Object.freeze(this.meta(ts)); // shared by the set
    const who = performer.refs;
    const push = (o: Observation): void => {
      this.out.push(o);
      if (withNews2) done.refs.push(ref('Observation', o.id ?? ''));
    };
    const sys = Math.round(v.sys);
    const dia = Math.round(v.dia);
    const hr = Math.round(v.hr);
    const spo2 = Math.min(100, Math.round(v.spo2));
    const temp = round(v.temp, 1);
    const rr = Math.round(v.rr);
    for (const k of kinds) {
      if (k === 'bp') {
        const o = this.obs(VITAL.bpPanel.code, OBS_CATEGORY_VITAL, ts, meta, encounter, who);
        o.component = bpComponents(sys, dia);
        push(o);
        done.bp = `${sys}/${dia}`;
      } else if (k === 'hr') {
        const o = this.obs(VITAL.heartRate.code, OBS_CATEGORY_VITAL, ts, meta, encounter, who);
        o.valueQuantity = sharedQuantity(hr, VITAL.heartRate.unit, VITAL.heartRate.ucum);
        push(o);
        done.hr = String(hr);
      } else if (k === 'spo2') {
        const o = this.obs(VITAL.spo2.code, OBS_CATEGORY_VITAL, ts, meta, encounter, who);
        o.valueQuantity = sharedQuantity(spo2, VITAL.spo2.unit, VITAL.spo2.ucum);
        push(o);
        done.spo2 = String(spo2);
      } else if (k === 'temp') {
        const o = this.obs(VITAL.temperature.code, OBS_CATEGORY_VITAL, ts, meta, encounter, who);
        o.valueQuantity = sharedQuantity(temp, VITAL.temperature.unit, VITAL.temperature.ucum);
        push(o);
        done.temp = nb(temp, 1);
      } else if (k === 'rr') {
        const o = this.obs(VITAL.respiratoryRate.code, OBS_CATEGORY_VITAL, ts, meta, encounter, who);
        o.valueQuantity = sharedQuantity(rr, VITAL.respiratoryRate.unit, VITAL.respiratoryRate.ucum);
        push(o);
        done.rr = String(rr);
      } else {
        const w = round(v.weight, 1);
        const o = this.obs(VITAL.weight.code, OBS_CATEGORY_VITAL, ts, meta, encounter, who);
        o.valueQuantity = sharedQuantity(w, VITAL.weight.unit, VITAL.weight.ucum);
        push(o);
        done.weight = nb(w, 1);
      }
    }
    if (withNews2) {
      const score = news2({ respiratoryRate: rr, spo2, spo2Scale: 1, onOxygen: false, systolicBp: sys, pulse: hr, consciousness: 'A', temperature: temp }).total;
      const o = this.obs(NEWS2_CODE, OBS_CATEGORY_SURVEY, ts, meta, encounter, who);
      o.valueInteger = score;
      o.derivedFrom = done.refs;
      this.out.push(o);
      done.news2 = score;
    }
    return done;
  }

  /** Growth measurements taken together (weight kg, length/height cm, head circumference cm). */
  growth(values: ReadonlyArray<readonly ['weight' | 'height' | 'headCircumference', number]>, t: number, encounter: Reference | undefined, performer: Reference): void {
    const ts = dateTime(t);
    const meta = Object.freeze(this.meta(ts)); // shared by the set
    for (const [kind, value] of values) {
      const def = VITAL[kind];
      const o = this.obs(def.code, OBS_CATEGORY_VITAL, ts, meta, encounter, one(performer));
      o.valueQuantity = sharedQuantity(value, def.unit, def.ucum);
      this.out.push(o);
    }
  }

  /**
   * A laboratory order: one Observation per analysis, grouped by a DiagnosticReport. Results
   * issued in the last 14 days may be tagged unseen (not yet reviewed by the requester).
   */
  labs(req: LabRequest, valueOf: (lab: LabDef) => number): { text: Record<string, string>; abnormal: boolean } {
    const panel = PANELS[req.panel];
    const issuedMs = Math.min(req.t + req.hours * HOUR, this.clock.now - MINUTE);
    const issued = dateTime(issuedMs);
    const sampled = dateTime(req.t);
    const sex = this.p.sex;
    const values: Array<{ lab: LabDef; value: number; flag: 'H' | 'L' | 'N' }> = [];
    let abnormal = false;
    for (const key of panel.labs) {
      const lab = LABS[key];
      if (!lab) continue;
      const raw = req.values[key] ?? valueOf(lab);
      const value = round(Math.max(raw, lab.decimals === 0 ? 1 : 0.1), lab.decimals);
      const [low, high] = lab.ref[sex];
      const flag = high !== null && value > high ? 'H' : low !== null && value < low ? 'L' : 'N';
      if (flag !== 'N') abnormal = true;
      values.push({ lab, value, flag });
    }
    const recent = issuedMs >= this.clock.now - 14 * DAY;
    const unseen = recent && req.unseenChance !== undefined && this.rng.chance(abnormal ? req.unseenChance.abnormal : req.unseenChance.normal);
    const results: Reference[] = [];
    const text: Record<string, string> = {};
    const meta = deepFreeze(this.meta(issued, unseen)); // shared by the report and its results
    for (const { lab, value, flag } of values) {
      const id = this.nextId('obs', 4);
      const o: Observation = {
        resourceType: 'Observation',
        id,
        meta,
        status: 'final',
        category: OBS_CATEGORY_LAB,
        code: lab.code,
        subject: this.p.ref,
        effectiveDateTime: sampled,
        issued,
        performer: one(req.performer),
        valueQuantity: sharedQuantity(value, lab.unit, lab.ucum),
        interpretation: INTERPRETATION[flag],
        referenceRange: referenceRange(lab, sex),
      };
      if (req.encounter) o.encounter = req.encounter;
      this.out.push(o);
      results.push(ref('Observation', id));
      text[lab.key] = nb(value, lab.decimals);
    }
    const report: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      id: this.nextId('rep', 3),
      meta,
      status: 'final',
      category: REPORT_CATEGORY_LAB,
      code: panelCode(req.panel),
      subject: this.p.ref,
      effectiveDateTime: sampled,
      issued,
      performer: one(req.performer),
      result: results,
    };
    if (req.encounter) report.encounter = req.encounter;
    if (abnormal) report.conclusion = 'Ett eller flere svar utenfor referanseområdet.';
    this.out.push(report);
    return { text, abnormal };
  }

  /** A radiology report from the hospital's radiology department. */
  radiology(key: string, variant: number, t: number, hospital: HospitalCtx, encounter?: Reference): void {
    const def = RADIOLOGY[key];
    if (!def) return;
    const conclusion = def.conclusions[Math.min(variant, def.conclusions.length - 1)] ?? def.conclusions[0] ?? 'Ingen funn.';
    const issued = dateTime(Math.min(t + this.rng.range(2, 30) * HOUR, this.clock.now - MINUTE));
    const report: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      id: this.nextId('rep', 3),
      meta: this.meta(issued),
      status: 'final',
      category: REPORT_CATEGORY_RAD,
      code: def.code,
      subject: this.p.ref,
      effectiveDateTime: dateTime(t),
      issued,
      performer: one(hospital.rad),
      resultsInterpreter: hospital.radiologist.refs,
      conclusion,
    };
    if (encounter) report.encounter = encounter;
    this.out.push(report);
  }

  // -------------------------------------------------------------------------------------------
  // Clinical facts

  condition(o: {
    code: CodeableConcept;
    onset: string;
    recorded: number;
    recorder: StaffRef;
    encounter?: Reference;
    resolvedAt?: number;
    problemList: boolean;
  }): Reference {
    const id = this.nextId('cond', 2);
    const recorded = dateTime(o.recorded);
    const c: Condition = {
      resourceType: 'Condition',
      id,
      meta: this.meta(o.resolvedAt !== undefined ? dateTime(Math.max(o.recorded, Math.min(o.resolvedAt, this.clock.now - MINUTE))) : recorded),
      clinicalStatus: o.resolvedAt !== undefined ? CONDITION_RESOLVED : CONDITION_ACTIVE,
      verificationStatus: CONDITION_CONFIRMED,
      category: one(o.problemList ? CATEGORY_PROBLEM_LIST : CATEGORY_ENCOUNTER_DX),
      code: o.code,
      subject: this.p.ref,
      onsetDateTime: o.onset,
      recordedDate: recorded,
      recorder: o.recorder.ref,
    };
    if (o.resolvedAt !== undefined) c.abatementDateTime = dateTime(Math.min(o.resolvedAt, this.clock.now - MINUTE));
    if (o.encounter) c.encounter = o.encounter;
    this.out.push(c);
    return o.code.text ? { reference: `Condition/${id}`, display: o.code.text } : ref('Condition', id);
  }

  medication(o: {
    med: { concept: CodeableConcept; dosage: MedicationStatement['dosage'] };
    start: number;
    end?: number;
    status: MedicationStatement['status'];
    prescriber: StaffRef;
    reason: Reference;
    asserted: number;
    statusReason?: string;
  }): void {
    const asserted = dateTime(Math.min(o.asserted, this.clock.now - MINUTE));
    const m: MedicationStatement = {
      resourceType: 'MedicationStatement',
      id: this.nextId('med', 2),
      meta: this.meta(asserted),
      status: o.status,
      medicationCodeableConcept: o.med.concept,
      subject: this.p.ref,
      effectivePeriod: o.end !== undefined ? { start: dateTime(o.start), end: dateTime(o.end) } : { start: dateTime(o.start) },
      dateAsserted: asserted,
      informationSource: o.prescriber.ref,
      reasonReference: [o.reason],
    };
    if (o.statusReason) m.statusReason = reasonCode(o.statusReason);
    if (o.med.dosage) m.dosage = o.med.dosage;
    this.out.push(m);
  }

  allergy(a: Omit<AllergyIntolerance, 'resourceType' | 'id' | 'meta' | 'patient'> & { recordedDate: string }): void {
    const r: AllergyIntolerance = { resourceType: 'AllergyIntolerance', id: this.nextId('alg', 1), meta: this.meta(a.recordedDate), patient: this.p.ref, ...a };
    this.out.push(r);
  }

  flag(o: { category: CodeableConcept[]; code: CodeableConcept; start: number; author: StaffRef }): void {
    const start = dateTime(o.start);
    const f: Flag = {
      resourceType: 'Flag',
      id: this.nextId('flag', 1),
      meta: this.meta(start),
      status: 'active',
      category: o.category,
      code: o.code,
      subject: this.p.ref,
      period: { start },
      author: o.author.ref,
    };
    this.out.push(f);
  }

  episodeOfCare(o: { service: ServiceCode; text: string; provider: Reference; start: number; careManager?: StaffRef; diagnosis?: Reference }): void {
    const start = dateTime(o.start);
    const e: EpisodeOfCare = {
      resourceType: 'EpisodeOfCare',
      id: this.nextId('eoc', 1),
      meta: this.meta(start),
      status: 'active',
      type: [{ coding: SERVICE[o.service].coding, text: o.text }],
      patient: this.p.ref,
      managingOrganization: o.provider,
      period: { start },
    };
    if (o.careManager) e.careManager = o.careManager.ref;
    if (o.diagnosis) e.diagnosis = [{ condition: o.diagnosis }];
    this.out.push(e);
  }

  appointment(o: {
    status: Appointment['status'];
    service: ServiceCode;
    start: number;
    minutes: number;
    who: StaffRef;
    location?: Reference;
    description: string;
    created: number;
    id?: string;
  }): Reference {
    const id = o.id ?? this.nextId('appt', 2);
    const created = dateTime(Math.min(o.created, this.clock.now - MINUTE));
    const participantStatus = 'accepted' as const;
    const a: Appointment = {
      resourceType: 'Appointment',
      id,
      meta: this.meta(o.status === 'fulfilled' && o.start + o.minutes * MINUTE <= this.clock.now ? dateTime(o.start + o.minutes * MINUTE) : created),
      status: o.status,
      serviceType: one(SERVICE[o.service]),
      description: o.description,
      start: dateTime(o.start),
      end: dateTime(o.start + o.minutes * MINUTE),
      minutesDuration: o.minutes,
      created,
      participant: [
        { actor: this.p.ref, required: 'required', status: participantStatus },
        { actor: o.who.ref, required: 'required', status: participantStatus },
      ],
    };
    if (o.location) a.participant.push({ actor: o.location, required: 'information-only', status: participantStatus });
    this.out.push(a);
    return ref('Appointment', id);
  }

  /**
   * A document from or to another service (epikrise, henvisning, brev) as a DocumentReference:
   * the text travels in `content[0].attachment.data` (base64 of UTF-8 Markdown), the sending
   * service in `category`, the sender in `author` and `custodian`. Draws nothing at random.
   */
  document(o: {
    type: DocumentTypeCode;
    t: number;
    author: StaffRef;
    custodian: Reference;
    service: ServiceCode;
    title: string;
    description: string;
    text: string;
    encounter?: Reference;
    period?: { start: number; end?: number };
    related?: Reference[];
  }): Reference {
    const id = this.nextId('doc', 2);
    const t = dateTime(o.t);
    const { data, size } = base64Utf8(o.text);
    const d: DocumentReference = {
      resourceType: 'DocumentReference',
      id,
      meta: this.meta(t),
      status: 'current',
      docStatus: 'final',
      type: DOCUMENT_TYPE[o.type],
      category: one(SERVICE[o.service]),
      subject: this.p.ref,
      date: t,
      author: o.author.refs,
      custodian: o.custodian,
      description: o.description,
      content: [{ attachment: { contentType: DOCUMENT_CONTENT_TYPE, language: 'nb', data, size, title: o.title, creation: t } }],
    };
    const context: NonNullable<DocumentReference['context']> = {};
    if (o.encounter) context.encounter = [o.encounter];
    if (o.period) context.period = o.period.end !== undefined ? { start: dateTime(o.period.start), end: dateTime(o.period.end) } : { start: dateTime(o.period.start) };
    if (o.related?.length) context.related = o.related;
    if (Object.keys(context).length > 0) d.context = context;
    this.out.push(d);
    return ref('DocumentReference', id);
  }

  immunization(im: Omit<Immunization, 'resourceType' | 'id' | 'meta' | 'patient' | 'status'>): void {
    const r: Immunization = {
      resourceType: 'Immunization',
      id: this.nextId('imm', 2),
      meta: this.meta(im.recorded ?? im.occurrenceDateTime ?? ''),
      status: 'completed',
      patient: this.p.ref,
      ...im,
    };
    this.out.push(r);
  }

  // -------------------------------------------------------------------------------------------
  // Time helpers

  /** A weekday office time (08:00–15:30) on or just before the Oslo day of `approx`, in the past. */
  officeTime(approx: number): number {
    let d = this.clock.dayOffsetOf(approx);
    for (let tries = 0; tries < 20; tries++) {
      const wd = this.clock.weekday(d);
      if (wd === 6) d -= 1;
      else if (wd === 0) d -= 2;
      const h = this.rng.range(8, 15);
      const m = h === 15 ? this.rng.pick([0, 15, 30]) : this.rng.pick([0, 15, 30, 45]);
      const t = this.clock.at(d, h, m);
      if (t < this.clock.now - 2 * HOUR) return t;
      d -= 1;
    }
    return this.clock.at(d, 9, 0);
  }

  /** A weekday office time in the future, `dayOffset` days from today (moved forward off weekends). */
  futureOfficeTime(dayOffset: number): number {
    let d = Math.max(1, dayOffset);
    const wd = this.clock.weekday(d);
    if (wd === 6) d += 2;
    else if (wd === 0) d += 1;
    const h = this.rng.range(8, 15);
    const m = h === 15 ? this.rng.pick([0, 15, 30]) : this.rng.pick([0, 15, 30, 45]);
    return this.clock.at(d, h, m);
  }

  /** An emergency clinic arrival time: mostly evenings and weekends, in the past. */
  edTime(approx: number): number {
    let d = this.clock.dayOffsetOf(approx);
    const r = this.rng.next();
    const h = r < 0.6 ? this.rng.range(16, 23) : r < 0.85 ? this.rng.range(8, 15) : this.rng.range(0, 7);
    const m = this.rng.int(60);
    let t = this.clock.at(d, h, m);
    while (t >= this.clock.now - 3 * HOUR) {
      d -= 1;
      t = this.clock.at(d, h, m);
    }
    return t;
  }

  /** A random instant between a and b. */
  between(a: number, b: number): number {
    return a + this.rng.next() * Math.max(0, b - a);
  }

  daysAgo(days: number): number {
    return this.clock.now - days * DAY;
  }
}
