import type { Acvpu } from '../../domain/news2';
import { VITAL_LIMITS, validateBloodPressure, validateVital, type VitalParameter } from '../../domain/vitalSigns';
import type { VitalValues } from '../../fhir/vitalSignShapes';

/**
 * The recording form's state is text, exactly as typed, so nothing is lost when a value is
 * wrong; this file turns it into checked values and messages (pure, no React).
 */

export const NUMBER_FIELDS = ['respiratoryRate', 'spo2', 'systolic', 'diastolic', 'pulse', 'temperature', 'weight'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export interface VitalsDraft {
  respiratoryRate: string;
  spo2: string;
  spo2Scale: 1 | 2;
  oxygen: 'air' | 'oxygen' | null;
  systolic: string;
  diastolic: string;
  pulse: string;
  consciousness: Acvpu | null;
  temperature: string;
  weight: string;
}

export const EMPTY_DRAFT: VitalsDraft = {
  respiratoryRate: '',
  spo2: '',
  spo2Scale: 1,
  oxygen: null,
  systolic: '',
  diastolic: '',
  pulse: '',
  consciousness: null,
  temperature: '',
  weight: '',
};

/** Whether the user has entered anything (the scale alone, at its default, is not an entry). */
export function isDraftEmpty(draft: VitalsDraft): boolean {
  return NUMBER_FIELDS.every((f) => draft[f].trim() === '') && draft.oxygen === null && draft.consciousness === null && draft.spo2Scale === 1;
}

export const DOMAIN_PARAMETER: Record<NumberField, VitalParameter> = {
  respiratoryRate: 'respiratoryRate',
  spo2: 'spo2',
  systolic: 'systolicBp',
  diastolic: 'diastolicBp',
  pulse: 'pulse',
  temperature: 'temperature',
  weight: 'weight',
};

/** Decimals a value may have: counts and pressures are whole numbers; a thermometer shows one decimal; a scale grams. */
export const MAX_DECIMALS: Record<NumberField, number> = {
  respiratoryRate: 0,
  spo2: 0,
  systolic: 0,
  diastolic: 0,
  pulse: 0,
  temperature: 1,
  weight: 3,
};

const EXAMPLE: Record<NumberField, number> = { respiratoryRate: 16, spo2: 97, systolic: 125, diastolic: 80, pulse: 72, temperature: 37.2, weight: 72.5 };

export type ParsedNumber = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'number'; value: number; decimals: number };

/** A number as typed: comma or point as decimal mark, spaces ignored ("37,5", " 120 "). */
export function parseTyped(text: string): ParsedNumber {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return { kind: 'empty' };
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return { kind: 'invalid' };
  const normal = compact.replace(',', '.');
  const value = Number(normal);
  if (!Number.isFinite(value)) return { kind: 'invalid' };
  const decimals = normal.includes('.') ? (normal.split('.')[1] ?? '').length : 0;
  return { kind: 'number', value, decimals };
}

export interface Finding {
  level: 'error' | 'warning';
  /** i18n key. */
  key: string;
  /** Interpolation values; numbers are formatted by the caller's `format`. */
  params: Record<string, string | number>;
}

export interface DraftCheck {
  /** Values that can be used: parsed and not impossible (warnings included). */
  values: VitalValues;
  findings: Partial<Record<NumberField, Finding>>;
  /** Fields with errors, in form order. */
  errors: NumberField[];
  /** Fields with warnings, in form order. */
  warnings: NumberField[];
  empty: boolean;
}

/**
 * Checks a draft with the domain's plausibility rules (src/domain/vitalSigns.ts). `format`
 * writes numbers for messages in the user's language (37,5 in Norwegian).
 */
export function checkDraft(draft: VitalsDraft, format: (n: number) => string): DraftCheck {
  const findings: Partial<Record<NumberField, Finding>> = {};
  const numbers: Partial<Record<NumberField, number>> = {};
  for (const field of NUMBER_FIELDS) {
    const parsed = parseTyped(draft[field]);
    if (parsed.kind === 'empty') continue;
    if (parsed.kind === 'invalid') {
      findings[field] = { level: 'error', key: 'vitals.error.notANumber', params: { example: format(EXAMPLE[field]) } };
      continue;
    }
    const max = MAX_DECIMALS[field];
    if (parsed.decimals > max) {
      findings[field] = max === 0 ? { level: 'error', key: 'vitals.error.wholeNumber', params: {} } : { level: 'error', key: 'vitals.error.decimals', params: { count: max } };
      continue;
    }
    const param = DOMAIN_PARAMETER[field];
    const limits = VITAL_LIMITS[param];
    const result = validateVital(param, parsed.value);
    const params = { value: format(parsed.value), min: format(limits.impossibleBelow), max: format(limits.impossibleAbove), low: format(limits.warnBelow), high: format(limits.warnAbove) };
    if (result.level === 'impossible') {
      findings[field] = { level: 'error', key: result.messageKey ?? `vitals.error.impossible.${param}`, params };
      continue;
    }
    if (result.level === 'warning') findings[field] = { level: 'warning', key: result.messageKey ?? `vitals.warning.unusual.${param}`, params };
    numbers[field] = parsed.value;
  }

  // The pair: a diastolic needs a systolic, and must be below it.
  if (numbers.diastolic !== undefined && numbers.systolic === undefined && !findings.systolic) {
    findings.diastolic = { level: 'error', key: 'vitals.error.diastolicWithoutSystolic', params: {} };
    delete numbers.diastolic;
  }
  if (numbers.systolic !== undefined && numbers.diastolic !== undefined) {
    const pair = validateBloodPressure(numbers.systolic, numbers.diastolic);
    if (pair.messageKey === 'vitals.error.diastolicNotBelowSystolic') {
      findings.diastolic = { level: 'error', key: pair.messageKey, params: {} };
      delete numbers.diastolic;
    }
  }

  const values: VitalValues = {};
  if (numbers.respiratoryRate !== undefined) values.respiratoryRate = numbers.respiratoryRate;
  if (numbers.spo2 !== undefined) {
    values.spo2 = numbers.spo2;
    values.spo2Scale = draft.spo2Scale;
  }
  if (draft.oxygen !== null) values.onOxygen = draft.oxygen === 'oxygen';
  if (numbers.systolic !== undefined) values.systolic = numbers.systolic;
  if (numbers.diastolic !== undefined) values.diastolic = numbers.diastolic;
  if (numbers.pulse !== undefined) values.pulse = numbers.pulse;
  if (draft.consciousness !== null) values.consciousness = draft.consciousness;
  if (numbers.temperature !== undefined) values.temperature = numbers.temperature;
  if (numbers.weight !== undefined) values.weight = numbers.weight;

  const errors = NUMBER_FIELDS.filter((f) => findings[f]?.level === 'error');
  const warnings = NUMBER_FIELDS.filter((f) => findings[f]?.level === 'warning');
  const empty = NUMBER_FIELDS.every((f) => parseTyped(draft[f]).kind === 'empty') && draft.consciousness === null;
  return { values, findings, errors, warnings, empty };
}

/** What the user confirmed when saving despite warnings: the warned fields and their text. */
export function warningSignature(draft: VitalsDraft, check: DraftCheck): string {
  return check.warnings.map((f) => `${f}=${draft[f].trim()}`).join('|');
}

/** Values to save: air/oxygen is only meaningful with an SpO2. */
export function valuesToSave(check: DraftCheck): VitalValues {
  const values = { ...check.values };
  if (values.spo2 === undefined) delete values.onOxygen;
  return values;
}
