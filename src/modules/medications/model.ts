import type { TFunction } from 'i18next';
import type { Annotation, CodeableConcept, Condition, Dosage, MedicationStatement, Quantity, Reference, TimingRepeat } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { DOSE_UNITS, ROUTES, doseUnitOfUcum, drugById, findDrug, productText, type DoseUnitKey, type Drug } from '../../domain/drugCatalogue';
import { codingOf, conceptText, referenceId } from '../../fhir/format';
import type { PersonnelGroup } from '../../session/personnel';

/**
 * The medication list's pure logic: structured dosage ↔ FHIR Dosage and its text, the form ↔
 * MedicationStatement, validation, the change history of a statement from its versions, and
 * the fields a version conflict compares. No React, no fetching.
 */

/** Who may change the list (start, change dose, stop). Everyone else reads it. */
export const PRESCRIBER_GROUPS: readonly PersonnelGroup[] = ['gp', 'ed-doctor'];

export function isPrescriber(group: PersonnelGroup | undefined): boolean {
  return group !== undefined && PRESCRIBER_GROUPS.includes(group);
}

const UCUM = 'http://unitsofmeasure.org';

// ---------------------------------------------------------------------------------------------
// Structured dosage

export type When = 'MORN' | 'NOON' | 'EVE' | 'HS';
export const WHEN_ORDER: readonly When[] = ['MORN', 'NOON', 'EVE', 'HS'];
export type Schedule = 'times' | 'perDay' | 'perWeek';

function isWhen(code: string): code is When {
  return (WHEN_ORDER as readonly string[]).includes(code);
}

export interface StructuredDosage {
  dose: number;
  /** Upper end of a range ("1–2 inhalasjoner"). */
  doseHigh?: number;
  unit: DoseUnitKey;
  schedule: Schedule;
  /** Times of day (schedule 'times'). */
  when: When[];
  /** Times per day or week; with asNeeded the most per day/week (optional). */
  count?: number;
  asNeeded: boolean;
  durationDays?: number;
  /** Free text added after the dosage ("tas med mat"). */
  instruction?: string;
}

function formatNumber(n: number, decimal: string): string {
  return String(Math.round(n * 1000) / 1000).replace('.', decimal);
}

function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** "1–2" or "0,5": the dose as written. */
function doseNumber(d: Pick<StructuredDosage, 'dose' | 'doseHigh'>, decimal: string): string {
  return d.doseHigh !== undefined ? `${formatNumber(d.dose, decimal)}–${formatNumber(d.doseHigh, decimal)}` : formatNumber(d.dose, decimal);
}

/** "2 tabletter", "0,5 tablett", "1–2 inhalasjoner": singular up to one, plural above. */
function doseWithUnit(t: TFunction, d: Pick<StructuredDosage, 'dose' | 'doseHigh' | 'unit'>): string {
  const decimal = t('medications.text.decimal');
  const count = (d.doseHigh ?? d.dose) > 1 ? 2 : 1;
  return `${doseNumber(d, decimal)} ${t(`medications.unit.${d.unit}`, { count })}`;
}

/**
 * The dosage in words, as PLL writes it: "1 tablett morgen og kveld", "2 tabletter inntil 3
 * ganger daglig ved behov", "1 tablett 4 ganger daglig i 5 dager, tas med mat". Give it a `t`
 * fixed to bokmål for the text that is saved (the journal's language).
 */
export function dosageText(d: StructuredDosage, t: TFunction): string {
  const parts = [doseWithUnit(t, d)];
  const when = WHEN_ORDER.filter((w) => d.when.includes(w));
  if (d.schedule === 'times' && when.length > 0) parts.push(joinList(when.map((w) => t(`medications.when.${w}`)), t('medications.text.and')));
  if (d.schedule === 'perWeek' && d.count) parts.push(t('medications.text.perWeek', { count: d.count }));
  if (d.asNeeded) {
    if (d.schedule === 'perDay' && d.count) parts.push(t('medications.text.asNeededMax', { count: d.count }));
    else parts.push(t('medications.text.asNeeded'));
  } else if (d.schedule === 'perDay' && d.count) {
    parts.push(t('medications.text.perDay', { count: d.count }));
  }
  if (d.durationDays) parts.push(t('medications.text.duration', { count: d.durationDays }));
  const instruction = d.instruction?.trim();
  return instruction ? `${parts.join(' ')}, ${instruction}` : parts.join(' ');
}

/** The structured line on screen: "1 tablett × 2 per døgn (morgen, kveld)". */
export function structuredText(d: StructuredDosage, t: TFunction): string {
  const dose = doseWithUnit(t, d);
  const when = WHEN_ORDER.filter((w) => d.when.includes(w));
  const times = when.map((w) => t(`medications.when.${w}`)).join(', ');
  let text: string;
  if (d.asNeeded) {
    if (d.schedule === 'times' && when.length) text = t('medications.structured.asNeededTimes', { dose, times });
    else if (d.schedule === 'perDay' && d.count) text = t('medications.structured.asNeededMax', { dose, count: d.count });
    else if (d.schedule === 'perWeek' && d.count) text = t('medications.structured.asNeededWeek', { dose, count: d.count });
    else text = t('medications.structured.asNeeded', { dose });
  } else if (d.schedule === 'times') text = t('medications.structured.times', { dose, count: when.length, times });
  else if (d.schedule === 'perWeek') text = t('medications.structured.perWeek', { dose, count: d.count ?? 1 });
  else text = t('medications.structured.perDay', { dose, count: d.count ?? 1 });
  return d.durationDays ? t('medications.structured.duration', { text, count: d.durationDays }) : text;
}

/**
 * Reads a FHIR Dosage (the seed's or the app's) into the structured form. With `t`, an
 * instruction after the generated text ("…, tas med mat") is recovered from the text.
 * Undefined when the dose or its unit cannot be read.
 */
export function structuredOf(dosage: Dosage | undefined, t?: TFunction): StructuredDosage | undefined {
  const rate = dosage?.doseAndRate?.[0];
  const low = rate?.doseQuantity ?? rate?.doseRange?.low;
  const unit = doseUnitOfUcum(low?.code);
  if (!dosage || low?.value === undefined || !unit) return undefined;
  const repeat = dosage.timing?.repeat;
  const asNeeded = dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept !== undefined;
  const when = WHEN_ORDER.filter((w) => (repeat?.when ?? []).some((c) => isWhen(c) && c === w));
  const out: StructuredDosage = { dose: low.value, unit, schedule: 'perDay', when: [], asNeeded };
  const high = rate?.doseRange?.high?.value;
  if (high !== undefined && high !== low.value) out.doseHigh = high;
  if (repeat?.periodUnit === 'wk') {
    out.schedule = 'perWeek';
    out.count = (asNeeded ? repeat.frequencyMax : undefined) ?? repeat.frequency ?? 1;
  } else if (when.length > 0) {
    out.schedule = 'times';
    out.when = when;
  } else if (asNeeded) {
    const max = repeat?.frequencyMax ?? ((repeat?.frequency ?? 1) > 1 ? repeat?.frequency : undefined);
    if (max !== undefined) out.count = max;
  } else {
    out.count = repeat?.frequency ?? 1;
  }
  const bounds = repeat?.boundsDuration;
  if (bounds?.value !== undefined) {
    if (bounds.code === 'd') out.durationDays = bounds.value;
    else if (bounds.code === 'wk') out.durationDays = bounds.value * 7;
  }
  const extra = dosage.additionalInstruction?.map((c) => conceptText(c)).filter(Boolean).join(', ');
  if (extra) out.instruction = extra;
  else if (t && dosage.text) {
    const generated = dosageText(out, t);
    if (dosage.text.startsWith(`${generated}, `)) out.instruction = dosage.text.slice(generated.length + 2);
  }
  return out;
}

/** The structured dosage as a FHIR Dosage, with the given text. */
export function fhirDosage(d: StructuredDosage, text: string, route?: Drug['route']): Dosage {
  const unit = DOSE_UNITS[d.unit];
  const quantity = (value: number): Quantity => ({ value, unit: unit.display, system: UCUM, code: unit.ucum });
  const repeat: TimingRepeat = { period: 1, periodUnit: d.schedule === 'perWeek' ? 'wk' : 'd' };
  const when = WHEN_ORDER.filter((w) => d.when.includes(w));
  if (d.schedule === 'times') {
    repeat.frequency = when.length;
    repeat.when = when;
  } else if (d.asNeeded) {
    repeat.frequency = 1;
    if (d.count) repeat.frequencyMax = d.count;
  } else {
    repeat.frequency = d.count ?? 1;
  }
  if (d.durationDays) repeat.boundsDuration = { value: d.durationDays, unit: 'dager', system: UCUM, code: 'd' };
  const dosage: Dosage = {
    sequence: 1,
    text,
    timing: { repeat },
    doseAndRate: [d.doseHigh !== undefined ? { doseRange: { low: quantity(d.dose), high: quantity(d.doseHigh) } } : { doseQuantity: quantity(d.dose) }],
  };
  if (route) {
    const r = ROUTES[route];
    dosage.route = { coding: [{ system: CODE_SYSTEM.snomed, code: r.snomed, display: r.display }], text: r.text };
  }
  if (d.asNeeded) dosage.asNeededBoolean = true;
  const instruction = d.instruction?.trim();
  if (instruction) dosage.additionalInstruction = [{ text: instruction }];
  return dosage;
}

/** Same dose, unit, times, duration and instruction. */
export function sameDosage(a: StructuredDosage | undefined, b: StructuredDosage | undefined): boolean {
  if (!a || !b) return a === b;
  const key = (d: StructuredDosage) =>
    JSON.stringify([
      d.dose,
      d.doseHigh ?? null,
      d.unit,
      d.schedule,
      d.schedule === 'times' ? WHEN_ORDER.filter((w) => d.when.includes(w)) : [],
      d.count ?? null,
      d.asNeeded,
      d.durationDays ?? null,
      d.instruction?.trim() ?? '',
    ]);
  return key(a) === key(b);
}

// ---------------------------------------------------------------------------------------------
// Reading a statement

export function medicationName(ms: MedicationStatement): string {
  return conceptText(ms.medicationCodeableConcept) || ms.medicationReference?.display || '';
}

export function atcOf(ms: MedicationStatement): string | undefined {
  return codingOf(ms.medicationCodeableConcept, CODE_SYSTEM.atc)?.code;
}

/** The reason for use: the linked diagnoses' names, else the free-text reasons. */
export function indicationOf(ms: MedicationStatement): string {
  const refs = (ms.reasonReference ?? []).map((r) => r.display ?? '').filter(Boolean);
  const codes = (ms.reasonCode ?? []).map((c) => conceptText(c)).filter(Boolean);
  return [...refs, ...codes].join(', ');
}

export function stopReasonOf(ms: MedicationStatement): string {
  return (ms.statusReason ?? []).map((c) => conceptText(c)).filter(Boolean).join(', ');
}

/** When the version was recorded: dateAsserted, else the server's lastUpdated. */
export function recordedAt(ms: MedicationStatement): string | undefined {
  return ms.dateAsserted ?? ms.meta?.lastUpdated;
}

/** The calendar day of a FHIR date or dateTime as written ("2026-11-26T08:00+01:00" → "2026-11-26"). */
export function dayOf(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

export function isCurrent(ms: MedicationStatement): boolean {
  return ms.status === 'active' || ms.status === 'intended' || ms.status === 'on-hold';
}

/** Current medicines first (by name), then stopped and completed ones, the most recently ended first. */
export function sortStatements(list: readonly MedicationStatement[]): MedicationStatement[] {
  return [...list].sort((a, b) => {
    const ca = isCurrent(a);
    const cb = isCurrent(b);
    if (ca !== cb) return ca ? -1 : 1;
    if (!ca) {
      const ea = a.effectivePeriod?.end ?? '';
      const eb = b.effectivePeriod?.end ?? '';
      if (ea !== eb) return eb.localeCompare(ea);
    }
    return medicationName(a).localeCompare(medicationName(b), 'nb');
  });
}

// ---------------------------------------------------------------------------------------------
// The form

export const REASON_OTHER = ':other';

export interface MedForm {
  /** Catalogue id ('' = none chosen). */
  drugId: string;
  /** What is typed in the drug search (kept when nothing is chosen yet). */
  drugQuery: string;
  dose: string;
  unit: DoseUnitKey | '';
  schedule: Schedule;
  when: When[];
  count: string;
  asNeeded: boolean;
  durationDays: string;
  instruction: string;
  /** yyyy-MM-dd */
  start: string;
  /** A Condition id, REASON_OTHER, or '' (not chosen). */
  reasonChoice: string;
  reasonText: string;
  changeReason: string;
  stopDate: string;
  stopReason: string;
}

export type FormMode = 'start' | 'change' | 'stop';

export function emptyForm(today: string): MedForm {
  return {
    drugId: '',
    drugQuery: '',
    dose: '',
    unit: '',
    schedule: 'times',
    when: [],
    count: '',
    asNeeded: false,
    durationDays: '',
    instruction: '',
    start: today,
    reasonChoice: '',
    reasonText: '',
    changeReason: '',
    stopDate: today,
    stopReason: '',
  };
}

function numberText(n: number | undefined): string {
  return n === undefined ? '' : String(n).replace('.', ',');
}

/** The form for changing or stopping an existing statement. */
export function formFromStatement(ms: MedicationStatement, t: TFunction, today: string): MedForm {
  const form = emptyForm(today);
  const drug = findDrug(atcOf(ms), conceptText(ms.medicationCodeableConcept));
  if (drug) form.drugId = drug.id;
  form.drugQuery = medicationName(ms);
  const d = structuredOf(ms.dosage?.[0], t);
  if (d) {
    form.dose = d.doseHigh !== undefined ? `${numberText(d.dose)}–${numberText(d.doseHigh)}` : numberText(d.dose);
    form.unit = d.unit;
    form.schedule = d.schedule;
    form.when = [...d.when];
    form.count = d.count === undefined ? '' : String(d.count);
    form.asNeeded = d.asNeeded;
    form.durationDays = d.durationDays === undefined ? '' : String(d.durationDays);
    form.instruction = d.instruction ?? '';
  } else if (drug) {
    form.unit = drug.unit;
  }
  form.start = dayOf(ms.effectivePeriod?.start ?? ms.effectiveDateTime) ?? today;
  const conditionId = referenceId(ms.reasonReference?.[0], 'Condition');
  if (conditionId) form.reasonChoice = conditionId;
  else if (ms.reasonCode?.length) {
    form.reasonChoice = REASON_OTHER;
    form.reasonText = indicationOf(ms);
  }
  return form;
}

export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export type FormField =
  | 'drugId'
  | 'dose'
  | 'unit'
  | 'when'
  | 'count'
  | 'durationDays'
  | 'start'
  | 'reasonChoice'
  | 'reasonText'
  | 'changeReason'
  | 'stopDate'
  | 'stopReason'
  | 'form';

/** The order fields stand in the form (the first with an error gets focus). */
export const FIELD_ORDER: readonly FormField[] = ['drugId', 'dose', 'unit', 'when', 'count', 'durationDays', 'start', 'reasonChoice', 'reasonText', 'changeReason', 'stopDate', 'stopReason', 'form'];

export type FormErrors = Partial<Record<FormField, FieldError>>;

type DoseResult = { ok: true; low: number; high?: number } | { ok: false; error: string };

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;

/** "1", "0,5", "1–2" (en dash or hyphen). */
export function parseDose(text: string): DoseResult {
  const s = text.trim();
  if (!s) return { ok: false, error: 'doseRequired' };
  const num = (x: string) => Number(x.replace(',', '.'));
  const range = new RegExp(`^(${NUMBER})\\s*[-–]\\s*(${NUMBER})$`).exec(s);
  if (range) {
    const low = num(range[1]!);
    const high = num(range[2]!);
    if (low <= 0) return { ok: false, error: 'doseNotPositive' };
    if (high <= low) return { ok: false, error: 'doseRangeOrder' };
    return { ok: true, low, high };
  }
  if (!new RegExp(`^[-−]?\\s*${NUMBER}$`).test(s)) return { ok: false, error: 'doseNotNumber' };
  const value = num(s.replace('−', '-').replace(/\s+/g, ''));
  if (!(value > 0)) return { ok: false, error: 'doseNotPositive' };
  return { ok: true, low: value };
}

function parseWhole(text: string, min: number, max: number): number | undefined {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

function isValidDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const MAX_COUNT: Record<Schedule, number> = { times: 4, perDay: 24, perWeek: 7 };

/** The structured dosage the form describes, or the errors of its dosage fields. */
export function dosageFromForm(form: MedForm): { dosage?: StructuredDosage; errors: FormErrors } {
  const errors: FormErrors = {};
  const dose = parseDose(form.dose);
  if (!dose.ok) errors.dose = { key: dose.error };
  if (!form.unit) errors.unit = { key: 'unitRequired' };
  let count: number | undefined;
  if (form.schedule === 'times') {
    if (form.when.length === 0) errors.when = { key: 'whenRequired' };
  } else if (form.count.trim() === '') {
    if (!form.asNeeded) errors.count = { key: 'countRequired' };
  } else {
    count = parseWhole(form.count, 1, MAX_COUNT[form.schedule]);
    if (count === undefined) errors.count = { key: 'countInvalid', params: { max: MAX_COUNT[form.schedule] } };
  }
  let durationDays: number | undefined;
  if (form.durationDays.trim() !== '') {
    durationDays = parseWhole(form.durationDays, 1, 3650);
    if (durationDays === undefined) errors.durationDays = { key: 'durationInvalid' };
  }
  if (Object.keys(errors).length > 0 || !dose.ok || !form.unit) return { errors };
  const dosage: StructuredDosage = { dose: dose.low, unit: form.unit, schedule: form.schedule, when: form.schedule === 'times' ? WHEN_ORDER.filter((w) => form.when.includes(w)) : [], asNeeded: form.asNeeded };
  if (dose.high !== undefined) dosage.doseHigh = dose.high;
  if (count !== undefined) dosage.count = count;
  if (durationDays !== undefined) dosage.durationDays = durationDays;
  if (form.instruction.trim()) dosage.instruction = form.instruction.trim();
  return { dosage, errors };
}

/**
 * Checks the form for one mode. `existing` is the statement being changed or stopped (its start
 * date bounds the stop date; its dosage must differ for a change, read with `t` as the form was
 * filled). Returns no keys when valid.
 */
export function validateForm(form: MedForm, mode: FormMode, existing?: MedicationStatement, t?: TFunction): FormErrors {
  const errors: FormErrors = {};
  if (mode === 'start' || mode === 'change') {
    if (mode === 'start' && !drugById(form.drugId)) errors.drugId = { key: 'drugRequired' };
    const { dosage, errors: dosageErrors } = dosageFromForm(form);
    Object.assign(errors, dosageErrors);
    if (mode === 'start') {
      if (!form.start.trim()) errors.start = { key: 'dateRequired' };
      else if (!isValidDay(form.start)) errors.start = { key: 'dateInvalid' };
      if (!form.reasonChoice) errors.reasonChoice = { key: 'reasonRequired' };
      else if (form.reasonChoice === REASON_OTHER && !form.reasonText.trim()) errors.reasonText = { key: 'reasonTextRequired' };
    }
    if (mode === 'change') {
      if (!form.changeReason.trim()) errors.changeReason = { key: 'changeReasonRequired' };
      if (dosage && existing && sameDosage(dosage, structuredOf(existing.dosage?.[0], t))) errors.form = { key: 'unchanged' };
    }
  }
  if (mode === 'stop') {
    const start = dayOf(existing?.effectivePeriod?.start ?? existing?.effectiveDateTime);
    if (!form.stopDate.trim()) errors.stopDate = { key: 'dateRequired' };
    else if (!isValidDay(form.stopDate)) errors.stopDate = { key: 'dateInvalid' };
    else if (start && form.stopDate < start) errors.stopDate = { key: 'stopBeforeStart', params: { start } };
    if (!form.stopReason.trim()) errors.stopReason = { key: 'stopReasonRequired' };
  }
  return errors;
}

export interface WriteContext {
  patientId: string;
  /** The prescriber's PractitionerRole (display = name). */
  author: Reference;
  /** Now, as an ISO dateTime. */
  now: string;
  /** The patient's active conditions (the reason picker's choices). */
  conditions: readonly Condition[];
  /** A `t` fixed to the journal's language (bokmål) for the saved dosage text. */
  t: TFunction;
}

export function medicationConcept(drug: Drug): CodeableConcept {
  return { coding: [{ system: CODE_SYSTEM.atc, code: drug.atc, display: drug.name }], text: productText(drug) };
}

function reasonOf(form: MedForm, conditions: readonly Condition[]): Pick<MedicationStatement, 'reasonReference' | 'reasonCode'> {
  if (form.reasonChoice === REASON_OTHER) return { reasonCode: [{ text: form.reasonText.trim() }] };
  const condition = conditions.find((c) => c.id === form.reasonChoice);
  const display = condition ? conceptText(condition.code) : '';
  return { reasonReference: [display ? { reference: `Condition/${form.reasonChoice}`, display } : { reference: `Condition/${form.reasonChoice}` }] };
}

function requireDosage(form: MedForm): StructuredDosage {
  const { dosage } = dosageFromForm(form);
  if (!dosage) throw new Error('The form has errors: validate it before building a resource.');
  return dosage;
}

/** A new statement on the list (status active) from a valid start form. */
export function newStatement(form: MedForm, ctx: WriteContext): MedicationStatement {
  const drug = drugById(form.drugId);
  if (!drug) throw new Error('No medicine chosen.');
  const dosage = requireDosage(form);
  return {
    resourceType: 'MedicationStatement',
    status: 'active',
    medicationCodeableConcept: medicationConcept(drug),
    subject: { reference: `Patient/${ctx.patientId}` },
    effectivePeriod: { start: form.start },
    dateAsserted: ctx.now,
    informationSource: ctx.author,
    ...reasonOf(form, ctx.conditions),
    dosage: [fhirDosage(dosage, dosageText(dosage, ctx.t), drug.route)],
  };
}

function routeOf(ms: MedicationStatement): Drug['route'] | undefined {
  const code = codingOf(ms.dosage?.[0]?.route, CODE_SYSTEM.snomed)?.code;
  const key = (Object.keys(ROUTES) as Drug['route'][]).find((k) => ROUTES[k].snomed === code);
  return key ?? findDrug(atcOf(ms), conceptText(ms.medicationCodeableConcept))?.route;
}

/** The statement with a new dosage; the reason for the change is added as a note. */
export function changedStatement(base: MedicationStatement, form: MedForm, ctx: WriteContext): MedicationStatement {
  const dosage = requireDosage(form);
  const note: Annotation = { authorReference: ctx.author, time: ctx.now, text: form.changeReason.trim() };
  return {
    ...base,
    dosage: [fhirDosage(dosage, dosageText(dosage, ctx.t), routeOf(base))],
    dateAsserted: ctx.now,
    informationSource: ctx.author,
    note: [...(base.note ?? []), note],
  };
}

/** The statement stopped: status stopped, effectivePeriod.end, statusReason. */
export function stoppedStatement(base: MedicationStatement, form: MedForm, ctx: WriteContext): MedicationStatement {
  return {
    ...base,
    status: 'stopped',
    effectivePeriod: { ...base.effectivePeriod, end: form.stopDate },
    statusReason: [{ text: form.stopReason.trim() }],
    dateAsserted: ctx.now,
    informationSource: ctx.author,
  };
}

/**
 * "Keep mine" after a 412: my version written over theirs. Notes they added stay, followed by
 * the notes I added to the version I started from.
 */
export function mineOverTheirs(mine: MedicationStatement, base: MedicationStatement, theirs: MedicationStatement): MedicationStatement {
  const added = (mine.note ?? []).slice((base.note ?? []).length);
  const notes = [...(theirs.note ?? []), ...added];
  const out: MedicationStatement = { ...mine, meta: theirs.meta };
  if (notes.length) out.note = notes;
  else delete out.note;
  return out;
}

// ---------------------------------------------------------------------------------------------
// History

export type MedEventKind = 'started' | 'doseChanged' | 'reasonChanged' | 'stopped' | 'completed' | 'resumed' | 'onHold' | 'enteredInError' | 'changed';

export interface MedEvent {
  key: string;
  statementId: string;
  versionId: string;
  kind: MedEventKind;
  medication: string;
  /** The day it took effect (start or stop date), when the statement says. */
  effective?: string;
  /** When this version was recorded. */
  recorded?: string;
  /** Who recorded this version (informationSource). */
  by?: Reference;
  from?: string;
  to?: string;
  /** Why: the stop reason, the note added with a change, or (started) the reason for use. */
  reason?: string;
}

function versionNumber(ms: MedicationStatement): number {
  const n = Number(ms.meta?.versionId);
  return Number.isFinite(n) ? n : 0;
}

function dosageSignature(ms: MedicationStatement): string {
  const d = ms.dosage?.[0];
  const s = structuredOf(d);
  return JSON.stringify([d?.text ?? '', s ?? null]);
}

function noteKey(n: Annotation): string {
  return `${n.time ?? ''}|${n.text}`;
}

function statusEvent(status: MedicationStatement['status']): MedEventKind | undefined {
  switch (status) {
    case 'stopped':
      return 'stopped';
    case 'completed':
      return 'completed';
    case 'on-hold':
      return 'onHold';
    case 'entered-in-error':
      return 'enteredInError';
    default:
      return undefined;
  }
}

/**
 * The readable changes of one statement from its versions (any order; the `_history` of the
 * resource, or just the current version): started, dose changed (from → to, with the note added
 * as the reason), reason for use changed, stopped / completed (with the stop reason), resumed.
 * Each event carries who recorded that version and when. Newest first.
 */
export function medicationHistory(versions: readonly MedicationStatement[]): MedEvent[] {
  const sorted = [...versions].filter((v) => v.resourceType === 'MedicationStatement').sort((a, b) => versionNumber(a) - versionNumber(b));
  const events: MedEvent[] = [];
  sorted.forEach((v, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    const id = v.id ?? '';
    const versionId = v.meta?.versionId ?? String(i + 1);
    const base = { statementId: id, versionId, medication: medicationName(v), ...(v.informationSource ? { by: v.informationSource } : {}), ...(recordedAt(v) ? { recorded: recordedAt(v) } : {}) };
    const push = (kind: MedEventKind, extra: Partial<MedEvent> = {}) => {
      const event: MedEvent = { key: `${id}/${versionId}/${kind}`, kind, ...base };
      for (const [k, value] of Object.entries(extra)) if (value !== undefined && value !== '') (event as unknown as Record<string, unknown>)[k] = value;
      events.push(event);
    };
    const effectiveStart = v.effectivePeriod?.start ?? v.effectiveDateTime;
    const end = v.effectivePeriod?.end;
    const stopKind = statusEvent(v.status);
    if (!prev) {
      push('started', { effective: effectiveStart, to: v.dosage?.[0]?.text, reason: indicationOf(v) });
      if (stopKind) push(stopKind, { effective: stopKind === 'stopped' || stopKind === 'completed' ? end : undefined, reason: stopReasonOf(v) });
      return;
    }
    const before = new Set((prev.note ?? []).map(noteKey));
    const addedNotes = (v.note ?? []).filter((n) => !before.has(noteKey(n))).map((n) => n.text.trim()).filter(Boolean).join(' ');
    let any = false;
    if (dosageSignature(prev) !== dosageSignature(v)) {
      push('doseChanged', { from: prev.dosage?.[0]?.text, to: v.dosage?.[0]?.text, reason: addedNotes });
      any = true;
    }
    if (indicationOf(prev) !== indicationOf(v)) {
      push('reasonChanged', { from: indicationOf(prev), to: indicationOf(v), reason: any ? undefined : addedNotes });
      any = true;
    }
    if (prev.status !== v.status) {
      if (stopKind) push(stopKind, { effective: stopKind === 'stopped' || stopKind === 'completed' ? end : undefined, reason: stopReasonOf(v) || (any ? undefined : addedNotes) });
      else if (v.status === 'active') push('resumed', { effective: effectiveStart, reason: any ? undefined : addedNotes });
      any = true;
    }
    if (!any) push('changed', { reason: addedNotes });
  });
  return events.sort(compareEvents);
}

const KIND_ORDER: Record<MedEventKind, number> = { started: 0, resumed: 1, doseChanged: 2, reasonChanged: 3, changed: 4, onHold: 5, stopped: 6, completed: 7, enteredInError: 8 };

function eventTime(e: MedEvent): string {
  return e.recorded ?? e.effective ?? '';
}

/** Newest first: by recorded time, then version, then (within a version) stop after start. */
export function compareEvents(a: MedEvent, b: MedEvent): number {
  const ta = Date.parse(eventTime(a));
  const tb = Date.parse(eventTime(b));
  if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return tb - ta;
  if (a.statementId === b.statementId) {
    const va = Number(a.versionId);
    const vb = Number(b.versionId);
    if (va !== vb) return vb - va;
    return KIND_ORDER[b.kind] - KIND_ORDER[a.kind];
  }
  return a.medication.localeCompare(b.medication, 'nb');
}

// ---------------------------------------------------------------------------------------------
// Version conflict

export interface ConflictRow {
  label: string;
  mine: string;
  theirs: string;
}

/** The fields a 412 compares, in the reader's words. `formatDate` formats the dates. */
export function conflictRows(t: TFunction, mine: MedicationStatement, theirs: MedicationStatement, formatDate: (value: string | undefined) => string): ConflictRow[] {
  const row = (key: string, f: (ms: MedicationStatement) => string): ConflictRow => ({ label: t(`medications.conflict.${key}`), mine: f(mine), theirs: f(theirs) });
  const lastNote = (ms: MedicationStatement) => ms.note?.[ms.note.length - 1]?.text ?? '';
  return [
    row('medicine', medicationName),
    row('dosage', (ms) => ms.dosage?.[0]?.text ?? ''),
    row('status', (ms) => t(`medications.status.${ms.status}`)),
    row('end', (ms) => formatDate(ms.effectivePeriod?.end)),
    row('stopReason', stopReasonOf),
    row('reason', indicationOf),
    row('note', lastNote),
    row('source', (ms) => ms.informationSource?.display ?? ''),
  ];
}
