import type { News2Input } from './news2';

/** The vital-sign fields of the triage form and the home care visit, as typed, and what they mean. Pure. */
export const VITAL_FIELDS = ['rr', 'spo2', 'sys', 'dia', 'pulse', 'temp'] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];
export type VitalText = Partial<Record<VitalField, string>>;

/** What is physiologically possible to type (not normal ranges): outside is a typing error. */
export const VITAL_LIMITS: Record<VitalField, [number, number]> = {
  rr: [0, 80],
  spo2: [40, 100],
  sys: [30, 300],
  dia: [10, 200],
  pulse: [10, 300],
  temp: [25, 45],
};

export type VitalError = { kind: 'number' } | { kind: 'range'; min: number; max: number };

export interface ParsedVitals {
  values: Omit<News2Input, 'onOxygen' | 'consciousness'> & { diastolicBp?: number };
  errors: Partial<Record<VitalField, VitalError>>;
}

const KEY: Record<VitalField, keyof ParsedVitals['values']> = { rr: 'respiratoryRate', spo2: 'spo2', sys: 'systolicBp', dia: 'diastolicBp', pulse: 'pulse', temp: 'temperature' };

/** Empty fields are left out; a decimal comma is a decimal point ("38,5"). */
export function parseVitals(text: VitalText): ParsedVitals {
  const out: ParsedVitals = { values: {}, errors: {} };
  for (const field of Object.keys(KEY) as VitalField[]) {
    const raw = (text[field] ?? '').trim().replace(',', '.');
    if (raw === '') continue;
    const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(value)) {
      out.errors[field] = { kind: 'number' };
      continue;
    }
    const [min, max] = VITAL_LIMITS[field];
    if (value < min || value > max) {
      out.errors[field] = { kind: 'range', min, max };
      continue;
    }
    (out.values as Record<string, number>)[KEY[field]] = value;
  }
  return out;
}
