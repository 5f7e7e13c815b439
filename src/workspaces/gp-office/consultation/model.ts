import type { Appointment, Bundle, BundleEntry, Condition, Encounter, FhirResource, MedicationStatement, Reference, ServiceRequest } from 'fhir/r4';
import { addMonths, addWeeks, formatISO, startOfDay } from 'date-fns';
import { CODE_SYSTEM } from '../../../domain/codeSystems';
import { DIAGNOSIS_SYSTEM_URI, type DiagnosisCode } from '../../../domain/diagnosisCodes';
import { analysisByKey } from '../../../domain/labCatalogue';
import { SERVICE_DISPLAY } from '../../../domain/services';
import { conceptText, referenceId } from '../../../fhir/format';
import { compositionFromForm, type EditorSection } from '../../../journal/notes/compose';
import { headingsFor } from '../../../journal/notes/noteTypes';
import type { Persona } from '../../../session/personnel';

/**
 * The GP consultation's pure logic: the form, what it checks before signing, the shortcuts, the
 * encounter it starts, and the one FHIR transaction that signs it. No React, no fetching.
 *
 * FHIR modelling:
 * - Opening the appointment starts the consultation: its Encounter (the one the office made at
 *   arrival, or a new one) becomes `in-progress` with the GP as participant and `period.start`
 *   now; a booked appointment is marked arrived. The day list reads "in consultation" from the
 *   encounter.
 * - Signing is one transaction, all or nothing: the signed note (Composition `final`, type
 *   consultation, attester = the GP), the diagnosis (Condition, category encounter-diagnosis,
 *   ICPC-2), each ordered analysis (ServiceRequest `active`/`order` to the office's laboratory,
 *   one requisition identifier for them all), a proposed follow-up Appointment, the Encounter
 *   `finished` with the diagnosis, and the Appointment `fulfilled` (both with If-Match).
 * - Medication changes are made on the shared list itself while the consultation is open (the
 *   medication module, beside the note); the signed note lists them.
 */

export const NOTE_SECTION_KEYS = ['reason', 'findings', 'assessment', 'plan'] as const;
export type NoteSectionKey = (typeof NOTE_SECTION_KEYS)[number];

export const FOLLOW_UPS = ['none', '1w', '2w', '4w', '3m', '6m'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export interface ConsultationForm {
  text: Record<NoteSectionKey, string>;
  diagnosis: DiagnosisCode | null;
  /** Analysis keys (domain/labCatalogue). */
  labs: string[];
  followUp: FollowUp;
}

/** A new consultation: the reason is the appointment's, everything else empty. */
export function emptyConsultation(appointment: Appointment | undefined): ConsultationForm {
  return { text: { reason: appointment?.description ?? '', findings: '', assessment: '', plan: '' }, diagnosis: null, labs: [], followUp: 'none' };
}

export type FormErrors = Partial<Record<'reason' | 'diagnosis' | 'content', 'required'>>;

/** What must be there before the note can be signed: the reason, a diagnosis, and something the GP found, assessed or planned. */
export function validateConsultation(form: ConsultationForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.text.reason.trim()) errors.reason = 'required';
  if (!form.diagnosis) errors.diagnosis = 'required';
  if (!form.text.findings.trim() && !form.text.assessment.trim() && !form.text.plan.trim()) errors.content = 'required';
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Keyboard

export type ShortcutId = 'note' | 'diagnosis' | 'medications' | 'labs' | 'followUp' | 'sign' | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** KeyboardEvent.code, so the shortcut is the same key on every keyboard layout (Alt+letter types ø on a Mac). */
  code: string;
  alt?: boolean;
  ctrl?: boolean;
  /** What the help dialog shows. */
  label: string;
}

/**
 * Alt+letter for the steps (letters Chrome leaves to the page: not D, E or F), Ctrl+Enter to sign.
 * Ctrl+Alt is avoided: on a Norwegian keyboard it is AltGr, which types @, € and braces.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'note', code: 'KeyN', alt: true, label: 'Alt+N' },
  { id: 'diagnosis', code: 'KeyK', alt: true, label: 'Alt+K' },
  { id: 'medications', code: 'KeyM', alt: true, label: 'Alt+M' },
  { id: 'labs', code: 'KeyL', alt: true, label: 'Alt+L' },
  { id: 'followUp', code: 'KeyO', alt: true, label: 'Alt+O' },
  { id: 'sign', code: 'Enter', ctrl: true, label: 'Ctrl+Enter' },
  { id: 'help', code: 'KeyH', alt: true, label: 'Alt+H' },
];

export function shortcutOf(event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): ShortcutId | undefined {
  if (event.shiftKey) return undefined;
  const ctrl = event.ctrlKey || event.metaKey;
  return SHORTCUTS.find((s) => s.code === event.code && Boolean(s.alt) === event.altKey && Boolean(s.ctrl) === ctrl)?.id;
}

// ---------------------------------------------------------------------------------------------
// Reading the appointment

export function patientOf(appointment: Appointment | undefined): Reference | undefined {
  return appointment?.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))?.actor;
}

export function practitionerOf(appointment: Appointment | undefined): Reference | undefined {
  return appointment?.participant.find((p) => p.actor?.reference?.startsWith('PractitionerRole/'))?.actor;
}

/** The consultation's encounter among those that point at the appointment: the open one, else the latest. */
export function encounterOf(encounters: readonly Encounter[]): Encounter | undefined {
  return encounters.find((e) => e.status === 'in-progress') ?? encounters.find((e) => e.status !== 'cancelled' && e.status !== 'entered-in-error');
}

const roleRef = (persona: Persona): Reference => ({ reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name });

/** The encounter the consultation runs in: the existing one made `in-progress`, or a new one. */
export function startedEncounter(appointment: Appointment, existing: Encounter | undefined, persona: Persona, now: Date): Encounter {
  const when = formatISO(now);
  if (existing) {
    const start = existing.period?.start ?? when;
    return {
      ...existing,
      status: 'in-progress',
      statusHistory: [...(existing.statusHistory ?? []), { status: existing.status, period: { start, end: when } }],
      period: { ...existing.period, start },
    };
  }
  const patient = patientOf(appointment);
  const encounter: Encounter = {
    resourceType: 'Encounter',
    status: 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    serviceType: { coding: [{ system: CODE_SYSTEM.service, code: 'gp', display: SERVICE_DISPLAY.gp }], text: SERVICE_DISPLAY.gp },
    subject: patient ? { reference: patient.reference, display: patient.display } : undefined,
    participant: [{ individual: roleRef(persona) }],
    appointment: [{ reference: `Appointment/${appointment.id ?? ''}` }],
    period: { start: when },
    serviceProvider: { reference: `Organization/${persona.organizationId}`, display: persona.unitName },
  };
  if (appointment.description) encounter.reasonCode = [{ text: appointment.description }];
  return encounter;
}

/** A booked appointment becomes arrived when the GP opens it (the patient is in the room). */
export function arrivedAppointment(appointment: Appointment): Appointment | undefined {
  if (appointment.status !== 'booked' && appointment.status !== 'pending') return undefined;
  return { ...appointment, status: 'arrived', participant: appointment.participant.map((p) => (p.actor?.reference?.startsWith('Patient/') ? { ...p, status: 'accepted' } : p)) };
}

// ---------------------------------------------------------------------------------------------
// Medication changes made during the consultation

export interface MedicationChange {
  kind: 'started' | 'changed' | 'stopped';
  name: string;
  /** The dosage (started, changed) or the reason for stopping. */
  detail: string;
}

/**
 * The changes the GP made to the shared list during the consultation: statements the GP
 * (informationSource) wrote at or after the consultation's start.
 */
export function medicationChanges(statements: readonly MedicationStatement[], persona: Persona, since: string | undefined): MedicationChange[] {
  if (!since) return [];
  const from = Date.parse(since);
  const out: MedicationChange[] = [];
  for (const ms of statements) {
    const written = Date.parse(ms.dateAsserted ?? ms.meta?.lastUpdated ?? '');
    if (!(written >= from) || referenceId(ms.informationSource, 'PractitionerRole') !== persona.practitionerRoleId) continue;
    const name = conceptText(ms.medicationCodeableConcept) || ms.medicationReference?.display || '';
    if (ms.status === 'stopped' || ms.status === 'completed') {
      out.push({ kind: 'stopped', name, detail: (ms.statusReason ?? []).map((c) => conceptText(c)).filter(Boolean).join(', ') });
    } else {
      out.push({ kind: ms.meta?.versionId === '1' ? 'started' : 'changed', name, detail: ms.dosage?.[0]?.text ?? '' });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

// ---------------------------------------------------------------------------------------------
// The signed note

/** Section titles the consultation adds after the four headings (the journal's words, bokmål, as the seed writes them). */
export const JOURNAL_WORDS = {
  diagnosis: 'Diagnose',
  medications: 'Legemidler',
  labs: 'Rekvisisjon',
  followUp: 'Oppfølging',
  started: 'Startet',
  changed: 'Endret',
  stopped: 'Seponert',
  followUpIn: { '1w': 'Ny time om 1 uke', '2w': 'Ny time om 2 uker', '4w': 'Ny time om 4 uker', '3m': 'Ny time om 3 måneder', '6m': 'Ny time om 6 måneder' },
} as const;

export function diagnosisText(code: DiagnosisCode): string {
  return `${code.code} ${code.text}`;
}

/** The note's sections: reason, findings, assessment, plan as written, then what the consultation did. */
export function noteSections(form: ConsultationForm, changes: readonly MedicationChange[]): EditorSection[] {
  const sections: EditorSection[] = headingsFor('consultation').map((h) => ({ key: h.id, title: h.title, text: form.text[h.id as NoteSectionKey] ?? '', optional: false }));
  const extra = (key: string, title: string, text: string) => text.trim() && sections.push({ key, title, text, optional: false });
  if (form.diagnosis) extra('diagnosis', JOURNAL_WORDS.diagnosis, `${diagnosisText(form.diagnosis)} (ICPC-2)`);
  extra('medications', JOURNAL_WORDS.medications, changes.map((c) => `${JOURNAL_WORDS[c.kind]}: ${c.name}${c.detail ? ` – ${c.detail}` : ''}`).join('\n'));
  extra('labs', JOURNAL_WORDS.labs, form.labs.map((k) => analysisByKey(k)?.display ?? k).join(', '));
  if (form.followUp !== 'none') extra('followUp', JOURNAL_WORDS.followUp, JOURNAL_WORDS.followUpIn[form.followUp]);
  return sections;
}

/** When the follow-up should be: the week (or month) it is due, from the start of that day. */
export function followUpPeriod(choice: Exclude<FollowUp, 'none'>, now: Date): { start: string; end: string } {
  const day = startOfDay(now);
  const due = choice.endsWith('w') ? addWeeks(day, Number(choice.slice(0, -1))) : addMonths(day, Number(choice.slice(0, -1)));
  const end = choice.endsWith('w') ? addWeeks(due, 1) : addWeeks(due, 2);
  return { start: formatISO(due), end: formatISO(end) };
}

export const REQUISITION_SYSTEM = 'urn:akson:identifier:requisition';
const LAB_CATEGORY = { coding: [{ system: CODE_SYSTEM.snomed, code: '108252007', display: 'Laboratory procedure' }], text: 'Laboratorieundersøkelse' };

export interface SigningContext {
  form: ConsultationForm;
  persona: Persona;
  appointment: Appointment;
  encounter: Encounter;
  changes: readonly MedicationChange[];
  now: Date;
  /** Temporary ids for the new resources (urn:uuid:…), so the entries can refer to each other. */
  newId: () => string;
}

const versionOf = (r: FhirResource): string | undefined => (r.meta?.versionId ? `W/"${r.meta.versionId}"` : undefined);

/** The transaction that signs the consultation (see the module comment). Throws if the form does not validate. */
export function signingBundle({ form, persona, appointment, encounter, changes, now, newId }: SigningContext): Bundle {
  if (!form.diagnosis || Object.keys(validateConsultation(form)).length > 0) throw new Error('The consultation is not ready to sign');
  const when = formatISO(now);
  const patient = patientOf(appointment);
  const patientId = referenceId(patient, 'Patient');
  if (!patientId || !encounter.id || !appointment.id) throw new Error('The consultation has no patient, encounter or appointment');
  const subject: Reference = { reference: `Patient/${patientId}`, display: patient?.display };
  const encounterRef: Reference = { reference: `Encounter/${encounter.id}` };
  const author = roleRef(persona);
  const entries: BundleEntry[] = [];

  const conditionUrl = newId();
  const condition: Condition = {
    resourceType: 'Condition',
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }], text: 'Kontaktdiagnose' }],
    code: { coding: [{ system: DIAGNOSIS_SYSTEM_URI[form.diagnosis.system], code: form.diagnosis.code, display: form.diagnosis.text }], text: form.diagnosis.text },
    subject,
    encounter: encounterRef,
    onsetDateTime: when,
    recordedDate: when,
    recorder: author,
  };
  entries.push({ fullUrl: conditionUrl, resource: condition, request: { method: 'POST', url: 'Condition' } });

  const composition = compositionFromForm(
    { type: 'consultation', title: form.text.reason.trim(), sections: noteSections(form, changes), encounter: encounterRef },
    'signed',
    { persona, patientId, now },
  );
  entries.push({ fullUrl: newId(), resource: composition, request: { method: 'POST', url: 'Composition' } });

  if (form.labs.length > 0) {
    const requisition = { system: REQUISITION_SYSTEM, value: newId().replace(/^urn:uuid:/, '') };
    for (const key of form.labs) {
      const analysis = analysisByKey(key);
      if (!analysis) continue;
      const request: ServiceRequest = {
        resourceType: 'ServiceRequest',
        requisition,
        status: 'active',
        intent: 'order',
        category: [LAB_CATEGORY],
        code: { coding: [{ system: CODE_SYSTEM.nlk, code: analysis.code, display: analysis.display }], text: analysis.display },
        subject,
        encounter: encounterRef,
        authoredOn: when,
        requester: author,
        performer: [{ reference: `Organization/${persona.organizationId}-lab`, display: `Laboratoriet, ${persona.unitName}` }],
        reasonReference: [{ reference: conditionUrl, display: form.diagnosis.text }],
      };
      entries.push({ fullUrl: newId(), resource: request, request: { method: 'POST', url: 'ServiceRequest' } });
    }
  }

  if (form.followUp !== 'none') {
    const followUp: Appointment = {
      resourceType: 'Appointment',
      status: 'proposed',
      description: `Kontroll: ${form.text.reason.trim()}`,
      serviceType: [{ coding: [{ system: CODE_SYSTEM.service, code: 'gp', display: SERVICE_DISPLAY.gp }], text: SERVICE_DISPLAY.gp }],
      requestedPeriod: [followUpPeriod(form.followUp, now)],
      created: when,
      comment: JOURNAL_WORDS.followUpIn[form.followUp],
      participant: [
        { actor: subject, status: 'needs-action' },
        { actor: author, status: 'accepted' },
      ],
    };
    entries.push({ fullUrl: newId(), resource: followUp, request: { method: 'POST', url: 'Appointment' } });
  }

  const finished: Encounter = {
    ...encounter,
    status: 'finished',
    statusHistory: [...(encounter.statusHistory ?? []), { status: 'in-progress', period: { start: encounter.period?.start ?? when, end: when } }],
    period: { ...encounter.period, end: when },
    diagnosis: [...(encounter.diagnosis ?? []), { condition: { reference: conditionUrl, display: form.diagnosis.text }, rank: 1 }],
  };
  entries.push({ resource: finished, request: { method: 'PUT', url: `Encounter/${encounter.id}`, ifMatch: versionOf(encounter) } });
  const fulfilled: Appointment = { ...appointment, status: 'fulfilled' };
  entries.push({ resource: fulfilled, request: { method: 'PUT', url: `Appointment/${appointment.id}`, ifMatch: versionOf(appointment) } });

  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}
