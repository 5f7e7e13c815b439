import type { Bundle, DiagnosticReport, Observation, Resource } from 'fhir/r4';
import { CODE_SYSTEM, LOINC, SNOMED } from '../../domain/codeSystems';
import { codingOf, conceptText, referenceId } from '../../fhir/format';

/**
 * Pure reading of what the overview shows: the latest value of each vital sign, and each recent
 * report with whether any result is abnormal and whether it is still unseen.
 */

export const REVIEW_STATUS_SYSTEM = 'urn:akson:codesystem:review-status';

export type OverviewSection = 'critical' | 'problems' | 'medications' | 'vitals' | 'results' | 'notes' | 'appointments';
export const OVERVIEW_SECTIONS: readonly OverviewSection[] = ['critical', 'problems', 'medications', 'vitals', 'results', 'notes', 'appointments'];

/** The module's settings (layout `configure`): which sections to show, in which order. Unknown names are ignored. */
export function sectionsOf(config: Record<string, unknown>): OverviewSection[] {
  const wanted = config['sections'];
  if (!Array.isArray(wanted)) return [...OVERVIEW_SECTIONS];
  const chosen = wanted.filter((s): s is OverviewSection => typeof s === 'string' && (OVERVIEW_SECTIONS as readonly string[]).includes(s));
  return chosen.length ? [...new Set(chosen)] : [...OVERVIEW_SECTIONS];
}

export type VitalKey = 'news2' | 'respiratoryRate' | 'spo2' | 'bloodPressure' | 'pulse' | 'consciousness' | 'temperature' | 'weight';
export const VITAL_KEYS: readonly VitalKey[] = ['news2', 'respiratoryRate', 'spo2', 'bloodPressure', 'pulse', 'consciousness', 'temperature', 'weight'];

const KEY_OF_CODE: Record<string, VitalKey> = {
  [`${CODE_SYSTEM.snomed}|${SNOMED.news2Total}`]: 'news2',
  [`${CODE_SYSTEM.snomed}|${SNOMED.acvpu}`]: 'consciousness',
  [`${CODE_SYSTEM.loinc}|${LOINC.respiratoryRate}`]: 'respiratoryRate',
  [`${CODE_SYSTEM.loinc}|${LOINC.spo2}`]: 'spo2',
  [`${CODE_SYSTEM.loinc}|${LOINC.bpPanel}`]: 'bloodPressure',
  [`${CODE_SYSTEM.loinc}|${LOINC.heartRate}`]: 'pulse',
  [`${CODE_SYSTEM.loinc}|${LOINC.temperature}`]: 'temperature',
  [`${CODE_SYSTEM.loinc}|${LOINC.weight}`]: 'weight',
};

export function vitalKeyOf(o: Observation): VitalKey | undefined {
  for (const c of o.code.coding ?? []) {
    const key = KEY_OF_CODE[`${c.system}|${c.code}`];
    if (key) return key;
  }
  return undefined;
}

export interface LatestVital {
  key: VitalKey;
  /** The value as text without unit ("132/84", "38,2", "A"); numbers formatted by the caller's locale. */
  value: string;
  unit: string;
  date: string | undefined;
  observation: Observation;
  /** NEWS2 only: the total. */
  score?: number;
}

function quantityText(value: number | undefined, locale: string): string {
  return value === undefined ? '' : value.toLocaleString(locale, { maximumFractionDigits: 1 });
}

/** The newest observation of each vital sign (the input is newest first, as searched). */
export function latestVitals(observations: readonly Observation[], locale: string): LatestVital[] {
  const seen = new Map<VitalKey, LatestVital>();
  for (const o of observations) {
    if (o.status === 'entered-in-error') continue;
    const key = vitalKeyOf(o);
    if (!key || seen.has(key)) continue;
    const date = o.effectiveDateTime ?? o.issued;
    let value = '';
    let unit = '';
    let score: number | undefined;
    if (key === 'bloodPressure') {
      const part = (code: string) => o.component?.find((c) => codingOf(c.code, CODE_SYSTEM.loinc)?.code === code)?.valueQuantity?.value;
      const sys = part(LOINC.systolic);
      const dia = part(LOINC.diastolic);
      if (sys !== undefined && dia !== undefined) value = `${quantityText(sys, locale)}/${quantityText(dia, locale)}`;
      unit = 'mmHg';
    } else if (key === 'news2') {
      score = o.valueInteger ?? o.valueQuantity?.value;
      value = score === undefined ? '' : String(score);
    } else if (key === 'consciousness') {
      value = conceptText(o.valueCodeableConcept);
    } else {
      value = quantityText(o.valueQuantity?.value, locale);
      unit = o.valueQuantity?.unit ?? '';
    }
    if (!value) continue;
    const latest: LatestVital = { key, value, unit, date, observation: o };
    if (score !== undefined) latest.score = score;
    seen.set(key, latest);
  }
  return VITAL_KEYS.flatMap((k) => {
    const v = seen.get(k);
    return v ? [v] : [];
  });
}

export interface ReportSummary {
  report: DiagnosticReport;
  kind: 'lab' | 'radiology';
  abnormal: boolean;
  abnormalNames: string[];
  unseen: boolean;
}

export function isUnseen(resource: Resource): boolean {
  return resource.meta?.tag?.some((t) => t.system === REVIEW_STATUS_SYSTEM && t.code === 'unseen') ?? false;
}

const ABNORMAL = new Set(['H', 'L', 'HH', 'LL', 'A', 'AA', 'HU', 'LU']);

/** Reports of a search with `_include=DiagnosticReport:result`, each with its abnormal results named. */
export function summariseReports(bundle: Bundle | undefined): ReportSummary[] {
  const observations = new Map<string, Observation>();
  const reports: DiagnosticReport[] = [];
  for (const entry of bundle?.entry ?? []) {
    const r = entry.resource;
    if (r?.resourceType === 'Observation' && r.id) observations.set(r.id, r);
    if (r?.resourceType === 'DiagnosticReport' && entry.search?.mode !== 'include') reports.push(r);
  }
  return reports.map((report) => {
    const results = (report.result ?? []).flatMap((ref) => {
      const o = observations.get(referenceId(ref, 'Observation') ?? '');
      return o ? [o] : [];
    });
    const abnormalResults = results.filter((o) => o.interpretation?.some((i) => i.coding?.some((c) => c.code && ABNORMAL.has(c.code))));
    const radiology = report.category?.some((c) => c.coding?.some((x) => x.code === 'RAD')) ?? false;
    return {
      report,
      kind: radiology ? 'radiology' : 'lab',
      abnormal: abnormalResults.length > 0,
      abnormalNames: abnormalResults.map((o) => conceptText(o.code)),
      unseen: isUnseen(report),
    };
  });
}
