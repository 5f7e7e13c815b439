/**
 * NEWS2, National Early Warning Score 2 (Royal College of Physicians, 2017), exactly as the table
 * in ../shared/DOMAIN.md. Pure: no imports from outside src/domain.
 *
 * Rounding (the chart is defined on whole numbers, and on one decimal for temperature):
 * - respiratory rate, SpO2, systolic BP and pulse are rounded to the nearest whole number first
 *   (half up: 90.5 → 91);
 * - temperature is rounded to one decimal first (half up: 38.05 → 38.1, 35.04 → 35.0), so a value
 *   between two printed bands falls into the band of the value a thermometer would display.
 * Missing or non-finite inputs are left out of `scores` and of `total`; `complete` says whether
 * all seven parameters were scored.
 */

export type Acvpu = 'A' | 'C' | 'V' | 'P' | 'U';

export interface News2Input {
  respiratoryRate?: number;
  spo2?: number;
  /** 1 (default) or 2 (hypercapnic respiratory failure, as prescribed by a clinician). */
  spo2Scale?: 1 | 2;
  onOxygen?: boolean;
  systolicBp?: number;
  pulse?: number;
  consciousness?: Acvpu;
  temperature?: number;
}

export type News2Parameter =
  | 'respiratoryRate'
  | 'spo2'
  | 'airOrOxygen'
  | 'systolicBp'
  | 'pulse'
  | 'consciousness'
  | 'temperature';

export const NEWS2_PARAMETERS: readonly News2Parameter[] = [
  'respiratoryRate',
  'spo2',
  'airOrOxygen',
  'systolicBp',
  'pulse',
  'consciousness',
  'temperature',
];

export type News2Band = 'low' | 'low-single-red' | 'medium' | 'high';

export interface News2Result {
  total: number;
  /** All 7 parameters present. */
  complete: boolean;
  scores: Partial<Record<News2Parameter, number>>;
  anySingleThree: boolean;
  /** low 0–4 (low-single-red when any parameter scores 3), medium 5–6, high ≥ 7. */
  band: News2Band;
}

function present(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v);
}

/** Half-up rounding to `decimals`, robust against binary artefacts (38.05 · 10 = 380.49999…). */
function roundHalfUp(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(Number((v * f).toPrecision(12))) / f;
}

export function scoreRespiratoryRate(rate: number): number {
  const r = roundHalfUp(rate, 0);
  if (r <= 8) return 3;
  if (r <= 11) return 1;
  if (r <= 20) return 0;
  if (r <= 24) return 2;
  return 3;
}

/** SpO2 scale 1 (the oxygen itself is scored separately as air/oxygen). */
export function scoreSpo2Scale1(spo2: number): number {
  const s = roundHalfUp(spo2, 0);
  if (s <= 91) return 3;
  if (s <= 93) return 2;
  if (s <= 95) return 1;
  return 0;
}

/**
 * SpO2 scale 2 (hypercapnic respiratory failure). At 93 % and above the score depends on
 * whether the patient is on oxygen; returns undefined there when that is not known.
 */
export function scoreSpo2Scale2(spo2: number, onOxygen: boolean | undefined): number | undefined {
  const s = roundHalfUp(spo2, 0);
  if (s <= 83) return 3;
  if (s <= 85) return 2;
  if (s <= 87) return 1;
  if (s <= 92) return 0;
  if (onOxygen === undefined) return undefined;
  if (!onOxygen) return 0;
  if (s <= 94) return 1;
  if (s <= 96) return 2;
  return 3;
}

export function scoreSystolicBp(systolic: number): number {
  const s = roundHalfUp(systolic, 0);
  if (s <= 90) return 3;
  if (s <= 100) return 2;
  if (s <= 110) return 1;
  if (s <= 219) return 0;
  return 3;
}

export function scorePulse(pulse: number): number {
  const p = roundHalfUp(pulse, 0);
  if (p <= 40) return 3;
  if (p <= 50) return 1;
  if (p <= 90) return 0;
  if (p <= 110) return 1;
  if (p <= 130) return 2;
  return 3;
}

export function scoreConsciousness(level: Acvpu): number {
  return level === 'A' ? 0 : 3;
}

export function scoreTemperature(celsius: number): number {
  const t = roundHalfUp(celsius, 1);
  if (t <= 35.0) return 3;
  if (t <= 36.0) return 1;
  if (t <= 38.0) return 0;
  if (t <= 39.0) return 1;
  return 2;
}

export function news2Band(total: number, anySingleThree: boolean): News2Band {
  if (total >= 7) return 'high';
  if (total >= 5) return 'medium';
  return anySingleThree ? 'low-single-red' : 'low';
}

export function news2(input: News2Input): News2Result {
  const scores: Partial<Record<News2Parameter, number>> = {};

  if (present(input.respiratoryRate)) scores.respiratoryRate = scoreRespiratoryRate(input.respiratoryRate);
  if (present(input.spo2)) {
    const s = input.spo2Scale === 2 ? scoreSpo2Scale2(input.spo2, input.onOxygen) : scoreSpo2Scale1(input.spo2);
    if (s !== undefined) scores.spo2 = s;
  }
  if (input.onOxygen !== undefined) scores.airOrOxygen = input.onOxygen ? 2 : 0;
  if (present(input.systolicBp)) scores.systolicBp = scoreSystolicBp(input.systolicBp);
  if (present(input.pulse)) scores.pulse = scorePulse(input.pulse);
  if (input.consciousness !== undefined) scores.consciousness = scoreConsciousness(input.consciousness);
  if (present(input.temperature)) scores.temperature = scoreTemperature(input.temperature);

  let total = 0;
  let anySingleThree = false;
  for (const p of NEWS2_PARAMETERS) {
    const s = scores[p];
    if (s === undefined) continue;
    total += s;
    if (s === 3) anySingleThree = true;
  }
  const complete = NEWS2_PARAMETERS.every((p) => scores[p] !== undefined);
  return { total, complete, scores, anySingleThree, band: news2Band(total, anySingleThree) };
}
