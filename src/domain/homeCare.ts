/**
 * Home care (hjemmetjenesten): the pure rules of a day's route and a visit. No imports from
 * outside src/domain (news2 only).
 *
 * - Tasks (tiltak) come from the patient's service decision (vedtak), each planned for one or
 *   more times of day (FHIR EventTiming: MORN, NOON, EVE); a visit's tasks are those of its slot.
 * - Doses to give come from the shared medication list (PLL): a dose is due at a visit when the
 *   dosage's times of day include the visit's slot.
 * - A visit's deviations (avvik), shown first at the handover: a task not done, a dose not given
 *   or refused, NEWS2 at 5 or above. Pure: no imports.
 */
export const TASK_CODES = ['medication', 'wound-care', 'personal-hygiene', 'meals', 'supervision', 'dressing', 'compression-stockings', 'blood-glucose'] as const;
export type TaskCode = (typeof TASK_CODES)[number];

/** The Norwegian names written into the journal (as the seed writes text). */
export const TASK_NB: Record<TaskCode, string> = {
  medication: 'Legemiddelhåndtering',
  'wound-care': 'Sårstell',
  'personal-hygiene': 'Personlig hygiene',
  meals: 'Tilrettelegging av måltid',
  supervision: 'Tilsyn',
  dressing: 'Av- og påkledning',
  'compression-stockings': 'Støttestrømper',
  'blood-glucose': 'Blodsukkermåling',
};

export function isTaskCode(code: string | undefined): code is TaskCode {
  return (TASK_CODES as readonly string[]).includes(code ?? '');
}

/** The times of day a visit can be planned for (FHIR EventTiming codes). */
export const SLOTS = ['MORN', 'NOON', 'EVE'] as const;
export type Slot = (typeof SLOTS)[number];

/** Morning before 11, midday 11–15, evening from 15 (local wall-clock hour of the planned start). */
export function slotOfHour(hour: number): Slot {
  if (hour < 11) return 'MORN';
  if (hour < 15) return 'NOON';
  return 'EVE';
}

/** Whether a dosage's times of day (EventTiming codes: MORN, NOON, EVE, HS …) fall in a slot. */
export function dueInSlot(when: readonly string[], slot: Slot): boolean {
  if (slot === 'EVE') return when.some((w) => w === 'EVE' || w === 'HS' || w === 'NIGHT' || w === 'AFT');
  if (slot === 'NOON') return when.some((w) => w === 'NOON' || w === 'AFT' || w === 'C' || w === 'CD');
  return when.some((w) => w === 'MORN' || w === 'CM' || w === 'WAKE' || w === 'ACM');
}

export interface RouteStop {
  id: string;
  /** Planned start (epoch ms). */
  startMs: number;
  patientName: string;
}

/** The route in order: by planned start, then patient, then id (a stable order for equal times). */
export function orderRoute<T extends RouteStop>(stops: readonly T[]): T[] {
  return [...stops].sort((a, b) => a.startMs - b.startMs || a.patientName.localeCompare(b.patientName, 'nb') || a.id.localeCompare(b.id));
}

/** The first visit not yet finished (the one to go to next), or undefined when the day is done. */
export function nextStop<T extends RouteStop & { state: VisitState }>(stops: readonly T[]): T | undefined {
  return orderRoute(stops).find((s) => s.state !== 'finished' && s.state !== 'cancelled');
}

export type VisitState = 'planned' | 'in-progress' | 'finished' | 'cancelled';

// ---------------------------------------------------------------------------------------------
// Tasks and doses

export type TaskOutcome = { done: true } | { done: false; reason: string };

export type DoseStatus = 'given' | 'not-given' | 'refused';
export interface DoseOutcome {
  status: DoseStatus;
  reason?: string;
}

/** A reason is required for a task not done and for a dose not given or refused. */
export function needsReason(outcome: TaskOutcome | DoseOutcome): boolean {
  return 'done' in outcome ? !outcome.done : outcome.status !== 'given';
}

export function reasonMissing(outcome: TaskOutcome | DoseOutcome | undefined): boolean {
  if (!outcome || !needsReason(outcome)) return false;
  return ('reason' in outcome ? (outcome.reason ?? '') : '').trim() === '';
}

// ---------------------------------------------------------------------------------------------
// Deviations

export type Deviation =
  | { kind: 'task-not-done'; task: TaskCode; reason: string }
  | { kind: 'dose-not-given'; medication: string; status: Exclude<DoseStatus, 'given'>; reason: string }
  | { kind: 'news2'; total: number };

export const NEWS2_DEVIATION_AT = 5;

export interface VisitRecord {
  tasks: Partial<Record<TaskCode, TaskOutcome>>;
  doses: Record<string, DoseOutcome | undefined>;
  /** The medication's name per dose key, for the deviation's text. */
  doseNames: Record<string, string>;
  /** The NEWS2 total of the vital signs recorded at the visit, if any (src/domain/news2.ts). */
  news2Total: number | undefined;
}

/** A visit's deviations, in the order the handover shows them: NEWS2, doses, tasks. */
export function deviationsOf(record: VisitRecord): Deviation[] {
  const out: Deviation[] = [];
  if (record.news2Total !== undefined && record.news2Total >= NEWS2_DEVIATION_AT) out.push({ kind: 'news2', total: record.news2Total });
  for (const [key, dose] of Object.entries(record.doses)) {
    if (dose && dose.status !== 'given') out.push({ kind: 'dose-not-given', medication: record.doseNames[key] ?? key, status: dose.status, reason: (dose.reason ?? '').trim() });
  }
  for (const code of TASK_CODES) {
    const task = record.tasks[code];
    if (task && !task.done) out.push({ kind: 'task-not-done', task: code, reason: task.reason.trim() });
  }
  return out;
}

/** The deviation in Norwegian, as written into the report (the journal's language). */
export function deviationTextNb(d: Deviation): string {
  switch (d.kind) {
    case 'news2':
      return `NEWS2 ${d.total}${d.total >= 7 ? ' (høy)' : ' (middels)'}`;
    case 'dose-not-given':
      return `${d.medication}: ${d.status === 'refused' ? 'ikke tatt, pasienten ville ikke' : 'ikke gitt'}${d.reason ? ` – ${d.reason}` : ''}`;
    case 'task-not-done':
      return `${TASK_NB[d.task]}: ikke utført${d.reason ? ` – ${d.reason}` : ''}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Checking out

export type CheckOutProblem =
  | { kind: 'not-checked-in' }
  | { kind: 'task-undecided'; task: TaskCode }
  | { kind: 'task-reason'; task: TaskCode }
  | { kind: 'dose-unsigned'; key: string }
  | { kind: 'dose-reason'; key: string }
  | { kind: 'report-empty' };

/**
 * What stands in the way of checking out: every planned task ticked (a task not done with its
 * reason), every dose due signed (not given and refused with a reason), and a report.
 */
export function checkOutProblems(o: { checkedIn: boolean; plannedTasks: readonly TaskCode[]; doseKeys: readonly string[]; record: Pick<VisitRecord, 'tasks' | 'doses'>; report: string }): CheckOutProblem[] {
  const out: CheckOutProblem[] = [];
  if (!o.checkedIn) out.push({ kind: 'not-checked-in' });
  for (const task of o.plannedTasks) {
    const outcome = o.record.tasks[task];
    if (!outcome) out.push({ kind: 'task-undecided', task });
    else if (reasonMissing(outcome)) out.push({ kind: 'task-reason', task });
  }
  for (const key of o.doseKeys) {
    const dose = o.record.doses[key];
    if (!dose) out.push({ kind: 'dose-unsigned', key });
    else if (reasonMissing(dose)) out.push({ kind: 'dose-reason', key });
  }
  if (o.report.trim() === '') out.push({ kind: 'report-empty' });
  return out;
}

/** Adds a quick phrase to the report: on a line of its own, not twice in a row. */
export function addPhrase(report: string, phrase: string): string {
  const trimmed = report.replace(/\s+$/, '');
  if (trimmed === '') return phrase;
  if (trimmed.endsWith(phrase)) return trimmed;
  return `${trimmed}\n${phrase}`;
}

// ---------------------------------------------------------------------------------------------
// IPLOS function scores

/**
 * The IPLOS function variables (bistandsbehov), in the order of the national form. Scored 1–5
 * (1 no need of assistance … 5 full need), 9 = not relevant.
 */
export const IPLOS_VARIABLES = [
  'social-participation',
  'behaviour',
  'housework',
  'shopping',
  'cooking',
  'eating',
  'personal-hygiene',
  'dressing',
  'toilet',
  'moving-indoors',
  'moving-outdoors',
  'own-health',
  'memory',
  'communication',
  'decisions',
  'vision',
  'hearing',
  'transfer',
  'nutrition',
  'medication-management',
] as const;
export type IplosVariable = (typeof IPLOS_VARIABLES)[number];

export const IPLOS_NB: Record<IplosVariable, string> = {
  'social-participation': 'Sosial deltakelse',
  behaviour: 'Styring av atferd',
  housework: 'Alminnelig husarbeid',
  shopping: 'Skaffe seg varer og tjenester',
  cooking: 'Lage mat',
  eating: 'Spise',
  'personal-hygiene': 'Personlig hygiene',
  dressing: 'Av- og påkledning',
  toilet: 'Toalett',
  'moving-indoors': 'Bevege seg innendørs',
  'moving-outdoors': 'Bevege seg utendørs',
  'own-health': 'Ivareta egen helse',
  memory: 'Hukommelse',
  communication: 'Kommunikasjon',
  decisions: 'Beslutninger i dagliglivet',
  vision: 'Syn',
  hearing: 'Hørsel',
  transfer: 'Forflytning',
  nutrition: 'Ernæring',
  'medication-management': 'Legemiddelhåndtering',
};

export const IPLOS_SCORES = [1, 2, 3, 4, 5, 9] as const;
export type IplosScore = (typeof IPLOS_SCORES)[number];

export type IplosError = 'missing' | 'invalid';

/** Every variable scored 1–5 or 9; what is missing or not a valid score, per variable. */
export function validateIplos(scores: Partial<Record<IplosVariable, number>>): Partial<Record<IplosVariable, IplosError>> {
  const errors: Partial<Record<IplosVariable, IplosError>> = {};
  for (const v of IPLOS_VARIABLES) {
    const s = scores[v];
    if (s === undefined) errors[v] = 'missing';
    else if (!(IPLOS_SCORES as readonly number[]).includes(s)) errors[v] = 'invalid';
  }
  return errors;
}

/** A date (YYYY-MM-DD) for IPLOS: a real calendar date, not in the future. */
export function validAssessmentDate(date: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return false;
  return date <= today;
}

/** Weekly hours granted: a number from 0.5 to 168 in steps of a quarter hour ("3,5" is 3.5). */
export function parseWeeklyHours(text: string): number | undefined {
  const raw = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(raw)) return undefined;
  const value = Number(raw);
  if (value < 0.5 || value > 168 || Math.round(value * 4) !== value * 4) return undefined;
  return value;
}
