import type { Condition, MedicationStatement, Observation } from 'fhir/r4';
import type { PersonnelGroup } from '../../session/personnel';
import { conceptText } from '../../fhir/format';
import { expectsAnswer, type MessageType } from '../messageTypes';

/**
 * The compose form as data: the draft (kept in localStorage until sent), which types a group
 * may write, what from the journal can be included, and validation with a message per field.
 * Pure functions.
 */
export const PARTS = ['medications', 'vitals', 'diagnoses'] as const;
export type Part = (typeof PARTS)[number];

/** A sick note's own fields (sykmelding to Nav). */
export interface SickNoteDraft {
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Per cent, as typed. */
  degree: string;
  diagnosis: { system: 'icpc2' | 'icd10'; code: string; text: string } | null;
  workRelated: boolean;
  assessment: string;
}

export interface Draft {
  type: MessageType;
  patientId: string;
  /** A reference ("PractitionerRole/…" or "Organization/…"). */
  recipient: string;
  text: string;
  urgent: boolean;
  /** datetime-local value (YYYY-MM-DDTHH:mm), local time; questions only. */
  due: string;
  include: Record<Part, boolean>;
  sickNote: SickNoteDraft;
}

const DIALOG: readonly MessageType[] = ['foresporsel', 'medisinske-opplysninger', 'avviksmelding', 'notat'];

/** The types a personnel group writes from the compose page. */
export function typesFor(group: PersonnelGroup): MessageType[] {
  switch (group) {
    case 'homecare-nurse':
    case 'homecare-worker':
    case 'nh-nurse':
      return ['helseopplysninger-lege', ...DIALOG, 'innleggelsesrapport'];
    case 'hs-nurse':
      return ['bekymringsmelding', ...DIALOG];
    case 'ed-doctor':
    case 'ed-nurse':
      return ['legevakt-melding', 'bekymringsmelding', ...DIALOG];
    case 'gp':
      return [...DIALOG, 'sykmelding', 'legeerklaering', 'henvisning'];
    default:
      return [...DIALOG];
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A datetime-local value for a time (local clock). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Who receives a type: the patient's GP or unit (dialog), or a partner outside the municipality. */
export type RecipientKind = 'journal' | 'nav' | 'barnevern' | 'hospital';

export function recipientKindOf(type: MessageType): RecipientKind {
  switch (type) {
    case 'sykmelding':
    case 'legeerklaering':
      return 'nav';
    case 'bekymringsmelding':
      return 'barnevern';
    case 'henvisning':
    case 'innleggelsesrapport':
      return 'hospital';
    default:
      return 'journal';
  }
}

/**
 * What from the journal a type includes unless the sender unticks it: an admission report
 * carries the medication list, the latest vital signs and the diagnoses (what the hospital
 * needs at the door); a referral the diagnoses and medications; a medical certificate the
 * diagnoses. A dialog message includes nothing unless chosen.
 */
export function defaultInclude(type: MessageType): Record<Part, boolean> {
  switch (type) {
    case 'innleggelsesrapport':
      return { medications: true, vitals: true, diagnoses: true };
    case 'henvisning':
      return { medications: true, vitals: false, diagnoses: true };
    case 'legeerklaering':
      return { medications: false, vitals: false, diagnoses: true };
    default:
      return { medications: false, vitals: false, diagnoses: false };
  }
}

export function emptyDraft(group: PersonnelGroup, patientId: string, nowMs: number): Draft {
  const type = typesFor(group)[0] ?? 'foresporsel';
  return {
    type,
    patientId,
    recipient: '',
    text: '',
    urgent: false,
    // A question is due the next day by default; the sender can change it.
    due: toLocalInput(nowMs + 24 * 3_600_000),
    include: defaultInclude(type),
    sickNote: emptySickNote(nowMs),
  };
}

export function emptySickNote(nowMs: number): SickNoteDraft {
  const day = toLocalInput(nowMs).slice(0, 10);
  return { from: day, to: toLocalInput(nowMs + 13 * 86_400_000).slice(0, 10), degree: '100', diagnosis: null, workRelated: false, assessment: '' };
}

export type DraftErrors = Partial<Record<'patient' | 'recipient' | 'text' | 'due' | 'period' | 'degree' | 'diagnosis' | 'assessment', string>>;

/** Keys of the messages (exchange.compose.*) for what is missing or wrong. */
export function validate(draft: Draft, nowMs: number): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.patientId) errors.patient = 'patientRequired';
  if (!draft.recipient) errors.recipient = 'recipientRequired';
  if (draft.type === 'sykmelding') {
    const { from, to, degree, diagnosis, assessment } = draft.sickNote;
    const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
    if (!valid(from) || !valid(to) || to < from) errors.period = 'periodInvalid';
    const n = Number(degree);
    if (!/^\d+$/.test(degree.trim()) || n < 20 || n > 100) errors.degree = 'degreeInvalid';
    if (!diagnosis) errors.diagnosis = 'diagnosisRequired';
    if (!assessment.trim()) errors.assessment = 'assessmentRequired';
    return errors;
  }
  if (!draft.text.trim()) errors.text = 'textRequired';
  if (expectsAnswer(draft.type)) {
    const due = Date.parse(draft.due);
    if (!draft.due || Number.isNaN(due) || due <= nowMs) errors.due = 'dueInvalid';
  }
  return errors;
}

/** Current medications, one line each: name and dosage. */
export function medicationLines(statements: readonly MedicationStatement[]): string[] {
  return statements.map((s) => [conceptText(s.medicationCodeableConcept) || s.medicationReference?.display, s.dosage?.[0]?.text].filter(Boolean).join(', ')).filter(Boolean);
}

/** The newest value of each vital sign (observations come newest first). */
export function vitalLines(observations: readonly Observation[], formatTime: (iso: string) => string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const o of observations) {
    const code = o.code.coding?.[0]?.code ?? '';
    if (seen.has(code)) continue;
    seen.add(code);
    let value = '';
    if (o.valueQuantity?.value !== undefined) value = `${o.valueQuantity.value} ${o.valueQuantity.unit ?? ''}`.trim();
    else if (o.component?.length) value = o.component.map((c) => c.valueQuantity?.value).filter((v) => v !== undefined).join('/') + ` ${o.component[0]?.valueQuantity?.unit ?? ''}`.trimEnd();
    else if (o.valueCodeableConcept) value = conceptText(o.valueCodeableConcept);
    if (!value) continue;
    lines.push(`${conceptText(o.code)}: ${value}${o.effectiveDateTime ? ` (${formatTime(o.effectiveDateTime)})` : ''}`);
  }
  return lines;
}

export function diagnosisLines(conditions: readonly Condition[]): string[] {
  return conditions.map((c) => {
    const coding = c.code?.coding?.[0];
    const text = conceptText(c.code);
    return coding?.code && !text.startsWith(coding.code) ? `${coding.code} ${text}` : text;
  }).filter(Boolean);
}
