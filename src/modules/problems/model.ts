import type { CodeableConcept, Condition, Extension, Reference } from 'fhir/r4';
import { format, isValid } from 'date-fns';
import { DIAGNOSIS_SYSTEM_URI, findDiagnosisCode, type DiagnosisCode } from '../../domain/diagnosisCodes';
import type { Persona, PersonnelGroup } from '../../session/personnel';
import { parseFhirDate } from '../../ui/dates';

/**
 * The problem list's pure logic: which Conditions it shows and how, the form a doctor fills
 * in, its validation, and the mapping between the form and a FHIR Condition.
 */

export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
/**
 * Who saved the latest change of a Condition (valueReference to a PractitionerRole). The
 * recorder stays the person who set the diagnosis; this names the one who last changed it, so a
 * colleague who runs into a version conflict sees whose version they are looking at.
 */
export const EDITED_BY_EXTENSION = 'urn:akson:extension:edited-by';

/**
 * Setting and changing diagnoses is a doctor's task (GPs and emergency clinic doctors); the
 * other clinical groups read the list.
 */
export const DIAGNOSING_GROUPS: readonly PersonnelGroup[] = ['gp', 'ed-doctor'];

export function canSetDiagnoses(group: PersonnelGroup | undefined): boolean {
  return group !== undefined && DIAGNOSING_GROUPS.includes(group);
}

export type ClinicalStatus = 'active' | 'resolved';

/** active, recurrence and relapse count as active; inactive, remission and resolved as resolved. */
export function clinicalStatusOf(condition: Condition): ClinicalStatus {
  const code = condition.clinicalStatus?.coding?.find((c) => c.system === CONDITION_CLINICAL)?.code ?? condition.clinicalStatus?.coding?.[0]?.code;
  return code === 'inactive' || code === 'remission' || code === 'resolved' ? 'resolved' : 'active';
}

export type ProblemCategory = 'problem-list-item' | 'encounter-diagnosis';

export function categoryOf(condition: Condition): ProblemCategory | undefined {
  for (const concept of condition.category ?? []) {
    const code = concept.coding?.find((c) => c.system === CONDITION_CATEGORY)?.code;
    if (code === 'problem-list-item' || code === 'encounter-diagnosis') return code;
  }
  return undefined;
}

/** Conditions recorded in error (or refuted) are not part of the list. */
export function isListed(condition: Condition): boolean {
  const code = condition.verificationStatus?.coding?.find((c) => c.system === CONDITION_VERIFICATION)?.code;
  return code !== 'entered-in-error' && code !== 'refuted';
}

function timeOf(value: string | undefined): number {
  if (!value) return Number.NEGATIVE_INFINITY;
  const t = parseFhirDate(value).getTime();
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Newest onset first; without onset last; ties by when they were recorded, newest first. */
export function sortProblems(conditions: readonly Condition[]): Condition[] {
  return [...conditions].sort((a, b) => timeOf(b.onsetDateTime) - timeOf(a.onsetDateTime) || timeOf(b.recordedDate) - timeOf(a.recordedDate));
}

/** The ICPC-2 or ICD-10 coding of a Condition (ICPC-2 first), as a picker entry. */
export function diagnosisOf(condition: Condition): DiagnosisCode | undefined {
  const codings = condition.code?.coding ?? [];
  for (const system of ['icpc2', 'icd10'] as const) {
    const coding = codings.find((c) => c.system === DIAGNOSIS_SYSTEM_URI[system] && c.code);
    if (coding?.code) return findDiagnosisCode(system, coding.code) ?? { system, code: coding.code, text: coding.display ?? coding.code };
  }
  return undefined;
}

export function editedByOf(condition: Condition): Reference | undefined {
  return condition.extension?.find((e) => e.url === EDITED_BY_EXTENSION)?.valueReference;
}

export function personaReference(persona: Persona): Reference {
  return { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name };
}

// ---------------------------------------------------------------------------------------------
// Dates as typed: dd.mm.åååå (also d.m.åååå, dd/mm/åååå and åååå-mm-dd).

/** "2019-03-12" or "2019-03-12T10:00:00+01:00" → "12.03.2019" (what the date field shows). */
export function dateInputOf(value: string | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.slice(0, 10).split('-');
  return y && m && d ? `${d}.${m}.${y}` : '';
}

/** The date typed, as an ISO date (yyyy-MM-dd), or null when it is not a real date. */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const nordic = /^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (nordic) [d, m, y] = [Number(nordic[1]), Number(nordic[2]), Number(nordic[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(y, m - 1, d);
  if (!isValid(date) || date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d || y < 1850) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today as an ISO date, in local time. */
export function isoDateOf(now: Date): string {
  return format(now, 'yyyy-MM-dd');
}

// ---------------------------------------------------------------------------------------------
// The form.

export interface ProblemForm {
  code: DiagnosisCode | null;
  /** The clinician's words for the problem (Condition.code.text); the code's text by default. */
  text: string;
  /** Onset as typed (dd.mm.åååå). */
  onset: string;
  status: ClinicalStatus;
  /** Resolved date as typed; only used when status is resolved. */
  abatement: string;
  note: string;
}

export const EMPTY_FORM: ProblemForm = { code: null, text: '', onset: '', status: 'active', abatement: '', note: '' };

export function formFromCondition(condition: Condition): ProblemForm {
  const code = diagnosisOf(condition) ?? null;
  return {
    code,
    text: condition.code?.text ?? code?.text ?? '',
    onset: dateInputOf(condition.onsetDateTime),
    status: clinicalStatusOf(condition),
    abatement: dateInputOf(condition.abatementDateTime),
    note: condition.note?.[0]?.text ?? '',
  };
}

/** Picking a code fills the text, unless the user has written their own. */
export function withCode(form: ProblemForm, code: DiagnosisCode | null): ProblemForm {
  const textIsDefault = form.text.trim() === '' || form.text === form.code?.text;
  return { ...form, code, text: textIsDefault ? (code?.text ?? '') : form.text };
}

export type DateError = 'required' | 'invalid' | 'future' | 'beforeOnset';

export interface ProblemErrors {
  code?: 'required';
  onset?: DateError;
  abatement?: DateError;
}

export const FIELD_ORDER = ['code', 'onset', 'abatement'] as const;

/** What has to be corrected before saving; an empty object when the form can be saved. */
export function validateProblem(form: ProblemForm, now: Date): ProblemErrors {
  const errors: ProblemErrors = {};
  const today = isoDateOf(now);
  if (!form.code) errors.code = 'required';
  const onset = parseDateInput(form.onset);
  if (!form.onset.trim()) errors.onset = 'required';
  else if (!onset) errors.onset = 'invalid';
  else if (onset > today) errors.onset = 'future';
  if (form.status === 'resolved') {
    const abatement = parseDateInput(form.abatement);
    if (!form.abatement.trim()) errors.abatement = 'required';
    else if (!abatement) errors.abatement = 'invalid';
    else if (abatement > today) errors.abatement = 'future';
    else if (onset && abatement < onset) errors.abatement = 'beforeOnset';
  }
  return errors;
}

export function hasErrors(errors: ProblemErrors): boolean {
  return Object.keys(errors).length > 0;
}

function concept(system: string, code: string, display: string, text?: string): CodeableConcept {
  return text === undefined ? { coding: [{ system, code, display }] } : { coding: [{ system, code, display }], text };
}

const CLINICAL: Record<ClinicalStatus, CodeableConcept> = {
  active: concept(CONDITION_CLINICAL, 'active', 'Active'),
  resolved: concept(CONDITION_CLINICAL, 'resolved', 'Resolved'),
};

/** Keeps a stored date (or dateTime) when the date typed is the same day, so an untouched field changes nothing. */
function keepOrSet(typedIso: string, stored: string | undefined): string {
  return stored && stored.slice(0, 10) === typedIso ? stored : typedIso;
}

export interface WriteContext {
  patientId: string;
  persona: Persona;
  now: Date;
  /** The version being changed; absent for a new problem. */
  base?: Condition | undefined;
}

/**
 * The Condition to write for a valid form. A new problem is an active, confirmed problem-list
 * item recorded now by the signed-in person. A change keeps who set it and when (recorder,
 * recordedDate), and names the person who changed it (EDITED_BY_EXTENSION).
 */
export function conditionFromForm(form: ProblemForm, { patientId, persona, now, base }: WriteContext): Condition {
  if (!form.code) throw new Error('conditionFromForm needs a code (validate first)');
  const onset = parseDateInput(form.onset);
  if (!onset) throw new Error('conditionFromForm needs a valid onset (validate first)');
  const me = personaReference(persona);
  const nowIso = format(now, "yyyy-MM-dd'T'HH:mm:ssXXX");
  const text = form.text.trim() || form.code.text;
  const baseDiagnosis = base ? diagnosisOf(base) : undefined;
  const sameCode = baseDiagnosis?.system === form.code.system && baseDiagnosis.code === form.code.code;
  const code: CodeableConcept =
    sameCode && base?.code
      ? { ...base.code, text }
      : { coding: [{ system: DIAGNOSIS_SYSTEM_URI[form.code.system], code: form.code.code, display: form.code.text }], text };

  const condition: Condition = base
    ? { ...base }
    : {
        resourceType: 'Condition',
        verificationStatus: concept(CONDITION_VERIFICATION, 'confirmed', 'Confirmed'),
        category: [concept(CONDITION_CATEGORY, 'problem-list-item', 'Problem List Item', 'Problemliste')],
        subject: { reference: `Patient/${patientId}` },
        recordedDate: nowIso,
        recorder: me,
      };
  condition.code = code;
  condition.onsetDateTime = keepOrSet(onset, base?.onsetDateTime);
  const statusChanged = !base || clinicalStatusOf(base) !== form.status;
  condition.clinicalStatus = statusChanged || !base?.clinicalStatus ? CLINICAL[form.status] : base.clinicalStatus;
  if (form.status === 'resolved') {
    const abatement = parseDateInput(form.abatement);
    if (!abatement) throw new Error('conditionFromForm needs a valid resolved date (validate first)');
    condition.abatementDateTime = keepOrSet(abatement, base?.abatementDateTime);
  } else {
    delete condition.abatementDateTime;
  }

  const note = form.note.trim();
  const baseNotes = base?.note ?? [];
  if (!note) {
    if (baseNotes.length > 1) condition.note = baseNotes.slice(1);
    else delete condition.note;
  } else if (baseNotes[0]?.text !== note) {
    condition.note = [{ text: note, authorReference: me, time: nowIso }, ...baseNotes.slice(1)];
  }

  if (base) {
    const others: Extension[] = (base.extension ?? []).filter((e) => e.url !== EDITED_BY_EXTENSION);
    condition.extension = [...others, { url: EDITED_BY_EXTENSION, valueReference: me }];
  }
  return condition;
}

/** The fields a version conflict compares, in order. */
export const CONFLICT_FIELDS = ['code', 'text', 'onset', 'status', 'abatement', 'note'] as const;
export type ConflictFieldKey = (typeof CONFLICT_FIELDS)[number];

/** One form's values as the conflict panel shows them (status as its code; the panel translates). */
export function conflictValues(form: ProblemForm, systemLabel: (system: DiagnosisCode['system']) => string): Record<ConflictFieldKey, string> {
  return {
    code: form.code ? `${form.code.code} ${form.code.text} (${systemLabel(form.code.system)})` : '',
    text: form.text.trim(),
    onset: form.onset.trim(),
    status: form.status,
    abatement: form.status === 'resolved' ? form.abatement.trim() : '',
    note: form.note.trim(),
  };
}

/** The diagnosis of a condition in words: its own text, else the code's. */
export function problemText(condition: Condition): string {
  return condition.code?.text ?? diagnosisOf(condition)?.text ?? condition.code?.coding?.[0]?.display ?? '';
}

