/**
 * What a GP office can order from its laboratory: the analyses (NLK, Norsk laboratoriekodeverk,
 * CODE_SYSTEM.nlk) the synthetic data set reports on, and the panels a GP orders most, so the
 * common case is one choice. Pure: no app imports.
 */

export interface OrderableAnalysis {
  /** Short key, stable for forms and tests. */
  key: string;
  /** NLK code (NPUnnnnn). */
  code: string;
  /** The analysis as the laboratory names it ("P-CRP"). */
  display: string;
}

export const ANALYSES: readonly OrderableAnalysis[] = [
  { key: 'crp', code: 'NPU19748', display: 'P-CRP' },
  { key: 'hb', code: 'NPU28309', display: 'B-Hemoglobin' },
  { key: 'leukocytes', code: 'NPU02593', display: 'B-Leukocytter' },
  { key: 'platelets', code: 'NPU03568', display: 'B-Trombocytter' },
  { key: 'glucose', code: 'NPU02187', display: 'B-Glukose' },
  { key: 'hba1c', code: 'NPU27300', display: 'B-HbA1c' },
  { key: 'creatinine', code: 'NPU18016', display: 'P-Kreatinin' },
  { key: 'potassium', code: 'NPU03230', display: 'P-Kalium' },
  { key: 'sodium', code: 'NPU03429', display: 'P-Natrium' },
  { key: 'alat', code: 'NPU19651', display: 'P-ALAT' },
  { key: 'ferritin', code: 'NPU19763', display: 'P-Ferritin' },
  { key: 'tsh', code: 'NPU03577', display: 'P-TSH' },
  { key: 'ft4', code: 'NPU03579', display: 'P-Fritt T4' },
  { key: 'cholesterol', code: 'NPU01566', display: 'P-Kolesterol' },
  { key: 'ldl', code: 'NPU01568', display: 'P-LDL-kolesterol' },
  { key: 'hdl', code: 'NPU01567', display: 'P-HDL-kolesterol' },
  { key: 'triglycerides', code: 'NPU04094', display: 'P-Triglyserid' },
];

export interface LabPanel {
  key: string;
  /** The panel's name in the journal (Norwegian). */
  title: string;
  analyses: readonly string[];
}

/** Common orders: choosing a panel ticks its analyses. */
export const LAB_PANELS: readonly LabPanel[] = [
  { key: 'infection', title: 'Infeksjon', analyses: ['crp', 'hb', 'leukocytes'] },
  { key: 'diabetes', title: 'Diabeteskontroll', analyses: ['hba1c', 'glucose', 'creatinine', 'potassium'] },
  { key: 'renal', title: 'Nyrefunksjon og elektrolytter', analyses: ['creatinine', 'potassium', 'sodium'] },
  { key: 'lipids', title: 'Lipider', analyses: ['cholesterol', 'ldl', 'hdl', 'triglycerides'] },
  { key: 'thyroid', title: 'Stoffskifte', analyses: ['tsh', 'ft4'] },
  { key: 'anaemia', title: 'Anemiutredning', analyses: ['hb', 'ferritin'] },
];

const BY_KEY: ReadonlyMap<string, OrderableAnalysis> = new Map(ANALYSES.map((a) => [a.key, a]));

export function analysisByKey(key: string): OrderableAnalysis | undefined {
  return BY_KEY.get(key);
}
