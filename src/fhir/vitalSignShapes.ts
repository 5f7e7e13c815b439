import type { Bundle, BundleEntry, CodeableConcept, Observation, ObservationComponent, Organization, PractitionerRole, Reference } from 'fhir/r4';
import { CODE_SYSTEM, LOINC, SNOMED } from '../domain/codeSystems';
import { news2, news2Band, type Acvpu, type News2Band, type News2Input, type News2Parameter } from '../domain/news2';
import { conceptText, referenceId } from './format';

/**
 * The FHIR shapes of vital signs: what the module writes, and how it reads back what it and the
 * seed wrote. The shapes are the seed's (mocks/seed/writer.ts), so old and new measurements show
 * together:
 * - one Observation per parameter, status final, category vital-signs, LOINC code with the
 *   English display and the Norwegian text, UCUM valueQuantity;
 * - blood pressure as the panel 85354-9 with systolic 8480-6 / diastolic 8462-4 components;
 * - the NEWS2 total (SNOMED 1104051000000101) as category survey, valueInteger, derivedFrom the
 *   parameters it was calculated from.
 * Additions the seed does not write:
 * - consciousness: SNOMED 1104441000000107 (ACVPU) with a SNOMED valueCodeableConcept, category
 *   vital-signs;
 * - air or oxygen and the SpO2 scale: components of the SpO2 Observation, because they qualify
 *   that measurement — "Oxygen therapy" (SNOMED 57485005) valueBoolean (true = on oxygen,
 *   false = breathing air), and the NEWS2 SpO2 scale valueInteger 1 | 2 under the product's own
 *   code system (there is no national code for it). A seed SpO2 without these components reads
 *   as air, scale 1, as the seed's NEWS2 assumed.
 */

const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const UCUM = 'http://unitsofmeasure.org';
/** The product's own code system for NEWS2 details that have no national code (the SpO2 scale). */
export const NEWS2_DETAIL_SYSTEM = 'urn:akson:codesystem:news2';

function concept(system: string, code: string, display: string, text: string): CodeableConcept {
  return { coding: [{ system, code, display }], text };
}

const CATEGORY_VITAL_SIGNS = (): CodeableConcept[] => [concept(OBSERVATION_CATEGORY, 'vital-signs', 'Vital Signs', 'Vitale tegn')];
const CATEGORY_SURVEY = (): CodeableConcept[] => [concept(OBSERVATION_CATEGORY, 'survey', 'Survey', 'Skår')];

interface QuantityDef {
  code: string;
  display: string;
  text: string;
  unit: string;
  ucum: string;
}

/** The measured quantities (the seed's VITAL table). */
export const QUANTITY_DEF = {
  respiratoryRate: { code: LOINC.respiratoryRate, display: 'Respiratory rate', text: 'Respirasjonsfrekvens', unit: '/min', ucum: '/min' },
  spo2: { code: LOINC.spo2, display: 'Oxygen saturation in Arterial blood', text: 'Oksygenmetning (SpO2)', unit: '%', ucum: '%' },
  pulse: { code: LOINC.heartRate, display: 'Heart rate', text: 'Puls', unit: '/min', ucum: '/min' },
  temperature: { code: LOINC.temperature, display: 'Body temperature', text: 'Temperatur', unit: '°C', ucum: 'Cel' },
  weight: { code: LOINC.weight, display: 'Body weight', text: 'Vekt', unit: 'kg', ucum: 'kg' },
  systolic: { code: LOINC.systolic, display: 'Systolic blood pressure', text: 'Systolisk blodtrykk', unit: 'mmHg', ucum: 'mm[Hg]' },
  diastolic: { code: LOINC.diastolic, display: 'Diastolic blood pressure', text: 'Diastolisk blodtrykk', unit: 'mmHg', ucum: 'mm[Hg]' },
} as const satisfies Record<string, QuantityDef>;

const BP_PANEL = { code: LOINC.bpPanel, display: 'Blood pressure panel with all children optional', text: 'Blodtrykk' };
const NEWS2_TOTAL = { code: SNOMED.news2Total, display: 'Royal College of Physicians NEWS2 (National Early Warning Score 2) total score', text: 'NEWS2 totalskår' };
const ACVPU = { code: SNOMED.acvpu, display: 'ACVPU (Alert Confusion Voice Pain Unresponsive) scale score', text: 'Bevissthet (ACVPU)' };
const OXYGEN_THERAPY = { code: '57485005', display: 'Oxygen therapy', text: 'Tilført oksygen' };
const SPO2_SCALE = { code: 'spo2-scale', display: 'NEWS2 SpO2 scale', text: 'SpO2-skala (NEWS2)' };

/** ACVPU answers (SNOMED CT), as in the NEWS2 chart. */
export const ACVPU_VALUE: Record<Acvpu, { code: string; display: string; text: string }> = {
  A: { code: '248234008', display: 'Mentally alert', text: 'Våken (A)' },
  C: { code: '130987000', display: 'Acute confusion', text: 'Ny forvirring (C)' },
  V: { code: '300202002', display: 'Responds to voice', text: 'Reagerer på tiltale (V)' },
  P: { code: '450847001', display: 'Responds to pain', text: 'Reagerer på smerte (P)' },
  U: { code: '422768004', display: 'Unresponsive', text: 'Reagerer ikke (U)' },
};
const ACVPU_OF_CODE = new Map<string, Acvpu>(Object.entries(ACVPU_VALUE).map(([letter, v]) => [v.code, letter as Acvpu]));

/** What one recording holds (numbers already checked). */
export interface VitalValues {
  respiratoryRate?: number;
  spo2?: number;
  spo2Scale?: 1 | 2;
  /** true = on oxygen, false = air, undefined = not stated. */
  onOxygen?: boolean;
  systolic?: number;
  diastolic?: number;
  pulse?: number;
  consciousness?: Acvpu;
  temperature?: number;
  weight?: number;
}

export function news2InputOf(values: VitalValues): News2Input {
  return {
    respiratoryRate: values.respiratoryRate,
    spo2: values.spo2,
    spo2Scale: values.spo2Scale ?? 1,
    onOxygen: values.onOxygen,
    systolicBp: values.systolic,
    pulse: values.pulse,
    consciousness: values.consciousness,
    temperature: values.temperature,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

function quantity(def: QuantityDef, value: number) {
  return { value, unit: def.unit, system: UCUM, code: def.ucum };
}

export interface RecordingContext {
  patientId: string;
  /** The persona's PractitionerRole (display "Name (group)") and Organization (display the unit). */
  performer: Reference[];
  /** effectiveDateTime of every Observation of the set. */
  effective: string;
  /** A new temporary id (a UUID) for each entry's fullUrl. */
  newId: () => string;
}

/**
 * One transaction Bundle for a recording: one Observation per parameter (blood pressure as a
 * panel), and the NEWS2 total when all seven parameters are there, derivedFrom the others by
 * their `urn:uuid:` fullUrls (the server rewrites them). All or nothing.
 */
export function buildVitalsTransaction(values: VitalValues, ctx: RecordingContext): Bundle {
  const entries: BundleEntry[] = [];
  const news2Sources: Reference[] = [];
  const base = (code: { code: string; display: string; text: string }, system: string, category: CodeableConcept[]): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    category,
    code: concept(system, code.code, code.display, code.text),
    subject: { reference: `Patient/${ctx.patientId}` },
    effectiveDateTime: ctx.effective,
    performer: ctx.performer.map((p) => ({ ...p })),
  });
  const add = (resource: Observation, news2Source: boolean) => {
    const fullUrl = `urn:uuid:${ctx.newId()}`;
    entries.push({ fullUrl, resource, request: { method: 'POST', url: 'Observation' } });
    if (news2Source) news2Sources.push({ reference: fullUrl });
  };
  const measured = (key: 'respiratoryRate' | 'pulse' | 'temperature' | 'weight', value: number | undefined, news2Source: boolean) => {
    if (value === undefined) return;
    const def = QUANTITY_DEF[key];
    add({ ...base(def, CODE_SYSTEM.loinc, CATEGORY_VITAL_SIGNS()), valueQuantity: quantity(def, value) }, news2Source);
  };

  measured('respiratoryRate', values.respiratoryRate, true);
  if (values.spo2 !== undefined) {
    const def = QUANTITY_DEF.spo2;
    const component: ObservationComponent[] = [];
    if (values.onOxygen !== undefined) {
      component.push({ code: concept(CODE_SYSTEM.snomed, OXYGEN_THERAPY.code, OXYGEN_THERAPY.display, OXYGEN_THERAPY.text), valueBoolean: values.onOxygen });
    }
    component.push({ code: concept(NEWS2_DETAIL_SYSTEM, SPO2_SCALE.code, SPO2_SCALE.display, SPO2_SCALE.text), valueInteger: values.spo2Scale ?? 1 });
    add({ ...base(def, CODE_SYSTEM.loinc, CATEGORY_VITAL_SIGNS()), valueQuantity: quantity(def, values.spo2), component }, true);
  }
  if (values.systolic !== undefined) {
    const component: ObservationComponent[] = [
      { code: concept(CODE_SYSTEM.loinc, QUANTITY_DEF.systolic.code, QUANTITY_DEF.systolic.display, QUANTITY_DEF.systolic.text), valueQuantity: quantity(QUANTITY_DEF.systolic, values.systolic) },
    ];
    if (values.diastolic !== undefined) {
      component.push({
        code: concept(CODE_SYSTEM.loinc, QUANTITY_DEF.diastolic.code, QUANTITY_DEF.diastolic.display, QUANTITY_DEF.diastolic.text),
        valueQuantity: quantity(QUANTITY_DEF.diastolic, values.diastolic),
      });
    }
    add({ ...base(BP_PANEL, CODE_SYSTEM.loinc, CATEGORY_VITAL_SIGNS()), component }, true);
  }
  measured('pulse', values.pulse, true);
  if (values.consciousness !== undefined) {
    const answer = ACVPU_VALUE[values.consciousness];
    add({ ...base(ACVPU, CODE_SYSTEM.snomed, CATEGORY_VITAL_SIGNS()), valueCodeableConcept: concept(CODE_SYSTEM.snomed, answer.code, answer.display, answer.text) }, true);
  }
  measured('temperature', values.temperature, true);
  measured('weight', values.weight, false);

  const score = news2(news2InputOf(values));
  if (score.complete) {
    add({ ...base(NEWS2_TOTAL, CODE_SYSTEM.snomed, CATEGORY_SURVEY()), valueInteger: score.total, derivedFrom: [...news2Sources] }, false);
  }
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

/** A UUID for a bundle entry; crypto.randomUUID is missing outside secure contexts (a tablet on the LAN over http). */
export function newUuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Measurements taken together: same time, same recorder. */
export interface VitalSet {
  key: string;
  /** effectiveDateTime as written. */
  time: string;
  /** Milliseconds since the epoch, for sorting and charts. */
  at: number;
  performer: Reference[];
  values: VitalValues;
  /** The NEWS2 total recorded with the set, if any. */
  news2?: number;
}

function hasCode(c: CodeableConcept | undefined, system: string, code: string): boolean {
  return Boolean(c?.coding?.some((x) => x.system === system && x.code === code));
}

function effectiveOf(o: Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start;
}

function readInto(values: VitalValues, set: { news2?: number }, o: Observation): void {
  const v = o.valueQuantity?.value;
  const loinc = (code: string) => hasCode(o.code, CODE_SYSTEM.loinc, code);
  if (loinc(LOINC.respiratoryRate)) values.respiratoryRate ??= v;
  else if (loinc(LOINC.heartRate)) values.pulse ??= v;
  else if (loinc(LOINC.temperature)) values.temperature ??= v;
  else if (loinc(LOINC.weight)) values.weight ??= v;
  else if (loinc(LOINC.spo2)) {
    if (values.spo2 !== undefined) return;
    values.spo2 = v;
    const oxygen = o.component?.find((c) => hasCode(c.code, CODE_SYSTEM.snomed, OXYGEN_THERAPY.code));
    if (typeof oxygen?.valueBoolean === 'boolean') values.onOxygen = oxygen.valueBoolean;
    const scale = o.component?.find((c) => hasCode(c.code, NEWS2_DETAIL_SYSTEM, SPO2_SCALE.code))?.valueInteger;
    values.spo2Scale = scale === 2 ? 2 : 1;
  } else if (loinc(LOINC.bpPanel)) {
    if (values.systolic !== undefined) return;
    values.systolic = o.component?.find((c) => hasCode(c.code, CODE_SYSTEM.loinc, LOINC.systolic))?.valueQuantity?.value;
    values.diastolic = o.component?.find((c) => hasCode(c.code, CODE_SYSTEM.loinc, LOINC.diastolic))?.valueQuantity?.value;
  } else if (hasCode(o.code, CODE_SYSTEM.snomed, SNOMED.acvpu)) {
    const code = o.valueCodeableConcept?.coding?.find((c) => c.system === CODE_SYSTEM.snomed)?.code;
    const letter = code ? ACVPU_OF_CODE.get(code) : undefined;
    if (letter) values.consciousness ??= letter;
  } else if (hasCode(o.code, CODE_SYSTEM.snomed, SNOMED.news2Total)) {
    if (typeof o.valueInteger === 'number') set.news2 ??= o.valueInteger;
    else if (typeof o.valueQuantity?.value === 'number') set.news2 ??= o.valueQuantity.value;
  }
}

/**
 * Groups Observations into sets measured together (same effective time and recorder), newest
 * first. Entered-in-error and cancelled Observations are left out.
 */
export function groupVitalSets(observations: readonly Observation[]): VitalSet[] {
  const sets = new Map<string, VitalSet>();
  for (const o of observations) {
    if (o.status === 'entered-in-error' || o.status === 'cancelled') continue;
    const time = effectiveOf(o);
    if (!time) continue;
    const at = Date.parse(time);
    if (Number.isNaN(at)) continue;
    const who = o.performer?.find((p) => p.reference?.startsWith('PractitionerRole/'))?.reference ?? o.performer?.[0]?.reference ?? '';
    const key = `${at}|${who}`;
    let set = sets.get(key);
    if (!set) {
      set = { key, time, at, performer: o.performer ?? [], values: {} };
      sets.set(key, set);
    }
    if (set.performer.length < (o.performer?.length ?? 0)) set.performer = o.performer ?? [];
    readInto(set.values, set, o);
  }
  return [...sets.values()].sort((a, b) => b.at - a.at);
}

export interface SetNews2 {
  total: number;
  band: News2Band;
  /** Parameters scoring 3 (from the values of the set). */
  threes: News2Parameter[];
  scores: Partial<Record<News2Parameter, number>>;
}

/** The NEWS2 recorded with a set, with its band (a parameter scoring 3 is found from the set's own values). */
export function news2OfSet(set: VitalSet): SetNews2 | undefined {
  if (set.news2 === undefined) return undefined;
  const scored = news2(news2InputOf(set.values));
  const threes = (Object.entries(scored.scores) as [News2Parameter, number][]).filter(([, s]) => s === 3).map(([p]) => p);
  const total = set.news2;
  return { total, band: news2Band(total, threes.length > 0), threes, scores: scored.scores };
}

// ---------------------------------------------------------------------------------------------
// Who recorded it, and where

export interface Recorder {
  name?: string;
  /** Personnel group code (urn:akson:codesystem:personnel-group), when the role has one. */
  groupCode?: string;
  /** The role's own words when it has no personnel group (e.g. hospital staff). */
  roleText?: string;
  unit?: string;
  /** The kind of unit: the service (e.g. Hjemmetjenestesone). */
  service?: string;
  municipality?: string;
}

/** Organization ids of the recorders' units, from the roles (or an Organization performer). */
export function unitIdsOf(sets: readonly VitalSet[], roles: ReadonlyMap<string, PractitionerRole>): string[] {
  const ids = new Set<string>();
  for (const set of sets) {
    for (const p of set.performer) {
      const roleId = referenceId(p, 'PractitionerRole');
      const orgId = roleId ? referenceId(roles.get(roleId)?.organization, 'Organization') : referenceId(p, 'Organization');
      if (orgId) ids.add(orgId);
    }
  }
  return [...ids];
}

function stripGroup(display: string | undefined): string | undefined {
  // Displays written by this module are "Name (group)"; the name is what is before the bracket.
  return display?.replace(/\s*\([^)]*\)\s*$/, '') || undefined;
}

export function recorderOf(performer: readonly Reference[], roles: ReadonlyMap<string, PractitionerRole>, units: ReadonlyMap<string, Organization>): Recorder {
  const roleRef = performer.find((p) => p.reference?.startsWith('PractitionerRole/'));
  const orgRef = performer.find((p) => p.reference?.startsWith('Organization/'));
  const role = roleRef ? roles.get(referenceId(roleRef) ?? '') : undefined;
  const out: Recorder = {};
  out.name = role?.practitioner?.display ?? stripGroup(roleRef?.display) ?? stripGroup(performer.find((p) => p.display)?.display);
  const group = role?.code?.flatMap((c) => c.coding ?? []).find((c) => c.system === CODE_SYSTEM.personnelGroup)?.code;
  if (group) out.groupCode = group;
  else if (role?.code?.[0]) out.roleText = conceptText(role.code[0]);
  const unitRef = role?.organization ?? orgRef;
  const unit = units.get(referenceId(unitRef, 'Organization') ?? '');
  out.unit = unit?.name ?? unitRef?.display ?? orgRef?.display;
  if (unit?.type?.[0]) out.service = conceptText(unit.type[0]);
  out.municipality = unit?.address?.[0]?.district ?? unit?.partOf?.display;
  return out;
}
