import { CODE_SYSTEM, LOINC, SNOMED } from './codeSystems';

/**
 * Plausibility checks for vital sign entries, at two levels:
 * - 'impossible': outside what a living patient can have (or what the device can show) — reject;
 * - 'warning': unusual but possible — accept after the user has confirmed the value.
 * Limits are inclusive of the value shown: a value equal to a limit is at the less severe level
 * (pulse 300 is a warning, 301 impossible; pulse 40 is ok, 39 a warning).
 * messageKey values are i18n keys: 'vitals.error.impossible.<parameter>' and
 * 'vitals.warning.unusual.<parameter>'. Pure: no imports from outside src/domain.
 */

export type VitalParameter =
  | 'pulse'
  | 'systolicBp'
  | 'diastolicBp'
  | 'respiratoryRate'
  | 'spo2'
  | 'temperature'
  | 'weight';

export interface VitalValidation {
  level: 'ok' | 'warning' | 'impossible';
  messageKey?: string;
}

export interface VitalLimits {
  unit: string;
  /** Below this is impossible. */
  impossibleBelow: number;
  /** Above this is impossible. */
  impossibleAbove: number;
  /** Below this (and not impossible) is unusual. */
  warnBelow: number;
  /** Above this (and not impossible) is unusual. */
  warnAbove: number;
}

/**
 * Adult-oriented limits, wide enough for infants (pulse up to ~180, respiratory rate up to ~60
 * and weights from extremely premature newborns are only warnings, never rejected).
 */
export const VITAL_LIMITS: Readonly<Record<VitalParameter, VitalLimits>> = {
  pulse: { unit: '/min', impossibleBelow: 0, impossibleAbove: 300, warnBelow: 40, warnAbove: 140 },
  systolicBp: { unit: 'mmHg', impossibleBelow: 30, impossibleAbove: 300, warnBelow: 80, warnAbove: 220 },
  diastolicBp: { unit: 'mmHg', impossibleBelow: 10, impossibleAbove: 200, warnBelow: 40, warnAbove: 120 },
  respiratoryRate: { unit: '/min', impossibleBelow: 0, impossibleAbove: 80, warnBelow: 8, warnAbove: 35 },
  spo2: { unit: '%', impossibleBelow: 0, impossibleAbove: 100, warnBelow: 85, warnAbove: 100 },
  temperature: { unit: '°C', impossibleBelow: 25, impossibleAbove: 45, warnBelow: 35, warnAbove: 40 },
  weight: { unit: 'kg', impossibleBelow: 0.3, impossibleAbove: 400, warnBelow: 1, warnAbove: 250 },
};

export function validateVital(parameter: VitalParameter, value: number): VitalValidation {
  const lim = VITAL_LIMITS[parameter];
  if (!Number.isFinite(value) || value < lim.impossibleBelow || value > lim.impossibleAbove) {
    return { level: 'impossible', messageKey: `vitals.error.impossible.${parameter}` };
  }
  if (value < lim.warnBelow || value > lim.warnAbove) {
    return { level: 'warning', messageKey: `vitals.warning.unusual.${parameter}` };
  }
  return { level: 'ok' };
}

/**
 * A blood pressure pair: each value against its own limits, and the diastolic must be below the
 * systolic ('vitals.error.diastolicNotBelowSystolic'). Returns the most severe finding; among
 * equally severe findings the systolic is reported first, then the diastolic, then the pair.
 */
export function validateBloodPressure(systolic: number, diastolic: number): VitalValidation {
  const findings: VitalValidation[] = [validateVital('systolicBp', systolic), validateVital('diastolicBp', diastolic)];
  if (Number.isFinite(systolic) && Number.isFinite(diastolic) && diastolic >= systolic) {
    findings.push({ level: 'impossible', messageKey: 'vitals.error.diastolicNotBelowSystolic' });
  }
  const rank = { ok: 0, warning: 1, impossible: 2 } as const;
  let worst: VitalValidation = { level: 'ok' };
  for (const f of findings) if (rank[f.level] > rank[worst.level]) worst = f;
  return worst;
}

/**
 * Every code the vital signs module (and the overview) reads. NEWS2 totals are category `survey` (as the seed writes them) and
 * the rest `vital-signs`, so the module searches by code, not by category: one search gives the
 * list, the latest set and every trend.
 */
export const VITAL_CODE_TOKENS: readonly string[] = [
  `${CODE_SYSTEM.loinc}|${LOINC.respiratoryRate}`,
  `${CODE_SYSTEM.loinc}|${LOINC.spo2}`,
  `${CODE_SYSTEM.loinc}|${LOINC.bpPanel}`,
  `${CODE_SYSTEM.loinc}|${LOINC.heartRate}`,
  `${CODE_SYSTEM.loinc}|${LOINC.temperature}`,
  `${CODE_SYSTEM.loinc}|${LOINC.weight}`,
  `${CODE_SYSTEM.snomed}|${SNOMED.acvpu}`,
  `${CODE_SYSTEM.snomed}|${SNOMED.news2Total}`,
];
