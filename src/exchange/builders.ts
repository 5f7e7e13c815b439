import type { Bundle, BundleEntry, Communication, CommunicationPayload, Composition, DocumentReference, FhirResource, Reference, ServiceRequest, Task } from 'fhir/r4';
import { CODE_SYSTEM, EXTENSION } from '../domain/codeSystems';
import { textToXhtml } from '../fhir/narrative';
import { LEGAL_BASIS_HPL33, messageTypeConcept, expectsAnswer, type MessageType } from './messageTypes';
import { eventExtension, transition, UNREAD_TAG } from './status';

/**
 * Builders of the exchange's FHIR resources. Every message is a Communication (category = the
 * message type): it is what the inboxes list and what carries the status. What a message
 * carries that has a FHIR resource of its own travels beside it in the same transaction and is
 * referenced from the payload: a henvisning's ServiceRequest, an epikrise's DocumentReference,
 * a sykmelding's Composition. A partner's receipt is a Task (code kvittering, focus = the
 * message). Pure functions: the caller passes the time.
 */

export interface Party {
  /** PractitionerRole or Organization reference, with a display. */
  reference: Reference;
}

/** Who sends: a person (PractitionerRole) at a unit (Organization), or a partner organisation alone. */
export interface Sender {
  person?: Reference;
  unit: Reference;
}

export type Priority = 'routine' | 'urgent';

/** A part of the journal the sender chose to include (current medications, vital signs, diagnoses). */
export interface IncludedPart {
  title: string;
  text: string;
}

export interface MessageInput {
  type: MessageType;
  patient: Reference;
  sender: Sender;
  recipients: Reference[];
  text: string;
  /** When the message is sent (ISO date-time). */
  sent: string;
  priority?: Priority;
  /** When an answer is expected (questions). */
  due?: string;
  included?: IncludedPart[];
  /** Payload references (a DocumentReference, ServiceRequest, Composition sent with it). */
  attachments?: Reference[];
  basedOn?: Reference[];
  inResponseTo?: Reference;
}

function senderReference(sender: Sender): Reference {
  return sender.person ?? sender.unit;
}

function payloadOf(input: MessageInput): CommunicationPayload[] {
  const payload: CommunicationPayload[] = [{ contentString: input.text.trim() }];
  for (const part of input.included ?? []) payload.push({ contentString: `${part.title}:\n${part.text}` });
  for (const reference of input.attachments ?? []) payload.push({ contentReference: reference });
  return payload;
}

/** A message (dialogmelding, PLO message, notice): a Communication in progress, its 'sent' event recorded. */
export function buildMessage(input: MessageInput): Communication {
  const by = senderReference(input.sender);
  const message: Communication = {
    resourceType: 'Communication',
    meta: { tag: [{ ...UNREAD_TAG }] },
    status: 'in-progress',
    category: [messageTypeConcept(input.type)],
    priority: input.priority ?? 'routine',
    subject: input.patient,
    sender: by,
    recipient: input.recipients,
    sent: input.sent,
    payload: payloadOf(input),
    extension: [eventExtension({ code: 'sent', time: input.sent, by })],
  };
  // The unit the sender writes for: the unit's inbox shows what its people sent, too.
  if (input.sender.person) message.about = [input.sender.unit];
  if (input.due && expectsAnswer(input.type)) message.extension?.push({ url: EXTENSION.messageDue, valueDateTime: input.due });
  if (input.inResponseTo) message.inResponseTo = [input.inResponseTo];
  if (input.basedOn) message.basedOn = input.basedOn;
  if (input.type === 'bekymringsmelding') message.reasonCode = [{ coding: [LEGAL_BASIS_HPL33], text: LEGAL_BASIS_HPL33.display ?? '' }];
  return message;
}

export interface TransactionEntry {
  resource: FhirResource;
  /** urn:uuid for a new resource that other entries refer to. */
  fullUrl?: string;
  /** For an update: the version the user saw. */
  ifMatch?: string;
}

/** A transaction Bundle: new resources are POSTed, those with an id PUT with If-Match. */
export function transactionBundle(items: TransactionEntry[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: items.map(({ resource, fullUrl, ifMatch }): BundleEntry => {
      const entry: BundleEntry = resource.id
        ? { resource, request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}`, ...(ifMatch ? { ifMatch: `W/"${ifMatch}"` } : {}) } }
        : { resource, request: { method: 'POST', url: resource.resourceType } };
      if (fullUrl) entry.fullUrl = fullUrl;
      return entry;
    }),
  };
}

/**
 * An answer to a question: a Communication of type svar to the question's sender, about the
 * same patient, inResponseTo the question; and the question marked answered. One transaction,
 * guarded by the version of the question the user answered.
 */
export function buildAnswer(question: Communication, input: { sender: Sender; text: string; sent: string }): { answer: Communication; question: Communication; bundle: Bundle } {
  if (!question.id) throw new Error('buildAnswer needs a saved question (with an id)');
  const answer = buildMessage({
    type: 'svar',
    patient: question.subject ?? {},
    sender: input.sender,
    recipients: question.sender ? [question.sender] : [],
    text: input.text,
    sent: input.sent,
    priority: question.priority === 'urgent' ? 'urgent' : 'routine',
    inResponseTo: { reference: `Communication/${question.id}` },
  });
  if (!question.subject) delete answer.subject;
  const result = transition(question, { code: 'answered', time: input.sent, by: senderReference(input.sender) }, { isQuestion: true });
  const answered = result.ok ? result.message : question;
  return { answer, question: answered, bundle: transactionBundle([{ resource: answer }, { resource: answered, ...(question.meta?.versionId ? { ifMatch: question.meta.versionId } : {}) }]) };
}

/** henvisning (GP → hospital): a ServiceRequest (category referral) and the Communication that sends it. */
export function buildReferral(input: Omit<MessageInput, 'type' | 'attachments'> & { reasonText: string; performer: Reference }): { serviceRequest: ServiceRequest; message: Communication; bundle: Bundle } {
  const fullUrl = newUuid();
  const serviceRequest: ServiceRequest = {
    resourceType: 'ServiceRequest',
    status: 'active',
    intent: 'order',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Henvisning' }] }, messageTypeConcept('henvisning')],
    priority: input.priority ?? 'routine',
    subject: input.patient,
    requester: senderReference(input.sender),
    performer: [input.performer],
    authoredOn: input.sent,
    reasonCode: [{ text: input.reasonText }],
  };
  const message = buildMessage({ ...input, type: 'henvisning', recipients: [input.performer], attachments: [{ reference: fullUrl, display: 'Henvisning' }], basedOn: [{ reference: fullUrl }] });
  return { serviceRequest, message, bundle: transactionBundle([{ resource: serviceRequest, fullUrl }, { resource: message }]) };
}

/**
 * Melding fra legevakt: after every departure the emergency clinic tells the patient's GP what
 * happened (the note's headings as text) and points to the signed note in the shared journal.
 * `note` may be a transaction's urn:uuid.
 */
export function buildEmergencyNotice(input: { patient: Reference; sender: Sender; gp: Reference; sent: string; lines: readonly (readonly [string, string])[]; note: Reference; urgent?: boolean }): Communication {
  return buildMessage({
    type: 'legevakt-melding',
    patient: input.patient,
    sender: input.sender,
    recipients: [input.gp],
    text: input.lines.map(([title, text]) => `${title}: ${text}`).join('\n'),
    sent: input.sent,
    priority: input.urgent ? 'urgent' : 'routine',
    attachments: [input.note],
  });
}

/** A medication change an epikrise proposes (for reconciliation by a prescriber). */
export interface MedicationChange {
  action: 'start' | 'stop' | 'change';
  atc: string;
  name: string;
  dosage?: string;
}

/**
 * epikrise (hospital → GP / home care): a DocumentReference (type epikrise, as the documents
 * module reads it) with the text, and the Communication that delivers it. Medication changes
 * travel in the Communication as a structured payload part (one line per change), so that a
 * prescriber can accept or reject each.
 */
export function buildEpikrise(input: Omit<MessageInput, 'type' | 'attachments'> & { title: string; hospital: Reference; medicationChanges?: MedicationChange[] }): {
  document: DocumentReference;
  message: Communication;
  bundle: Bundle;
} {
  const fullUrl = newUuid();
  const document: DocumentReference = {
    resourceType: 'DocumentReference',
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: CODE_SYSTEM.documentType, code: 'epikrise', display: 'Epikrise' }] },
    category: [{ coding: [{ system: CODE_SYSTEM.service, code: 'hospital', display: 'Spesialisthelsetjenesten' }] }],
    subject: input.patient,
    date: input.sent,
    author: [senderReference(input.sender)],
    custodian: input.hospital,
    description: input.title,
    content: [{ attachment: { contentType: 'text/plain; charset=utf-8', title: input.title, data: base64Utf8(input.text), creation: input.sent } }],
  };
  const changes = input.medicationChanges ?? [];
  const message = buildMessage({ ...input, type: 'epikrise', attachments: [{ reference: fullUrl, display: input.title }] });
  if (changes.length > 0) message.payload?.push(...changes.map((c) => ({ contentAttachment: { contentType: MEDICATION_CHANGE_TYPE, title: c.name, data: base64Utf8(JSON.stringify(c)) } })));
  return { document, message, bundle: transactionBundle([{ resource: document, fullUrl }, { resource: message }]) };
}

export const MEDICATION_CHANGE_TYPE = 'application/vnd.akson.medication-change+json';

export interface SickNoteInput extends Omit<MessageInput, 'type' | 'attachments' | 'text'> {
  /** First and last day (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Degree of sick leave in per cent (20–100). */
  degree: number;
  diagnosis: { code: string; display: string };
  workRelated: boolean;
  assessment: string;
}

/** sykmelding (GP → Nav): a Composition (type sykmelding; period, degree, ICPC-2 diagnosis, work-related assessment) and the Communication to Nav. */
export function buildSickNote(input: SickNoteInput): { composition: Composition; message: Communication; bundle: Bundle } {
  const fullUrl = newUuid();
  const author = senderReference(input.sender);
  const lines = [
    `Periode: ${input.from} – ${input.to}`,
    `Sykmeldingsgrad: ${input.degree} %`,
    `Diagnose (ICPC-2): ${input.diagnosis.code} ${input.diagnosis.display}`,
    `Arbeidsrelatert: ${input.workRelated ? 'Ja' : 'Nei'}`,
    input.assessment.trim(),
  ].filter(Boolean);
  const composition: Composition = {
    resourceType: 'Composition',
    status: 'final',
    type: messageTypeConcept('sykmelding'),
    subject: input.patient,
    date: input.sent,
    author: [author],
    title: 'Sykmelding',
    event: [{ code: [{ coding: [{ system: CODE_SYSTEM.icpc2, code: input.diagnosis.code, display: input.diagnosis.display }] }], period: { start: input.from, end: input.to } }],
    section: [
      { title: 'Sykmeldingsgrad', code: { coding: [{ system: CODE_SYSTEM.messageType, code: 'sykmelding-grad' }] }, text: { status: 'generated', div: textToXhtml(`${input.degree} %`) } },
      { title: 'Arbeidsrelatert vurdering', code: { coding: [{ system: CODE_SYSTEM.messageType, code: 'sykmelding-arbeid' }] }, text: { status: 'generated', div: textToXhtml(`${input.workRelated ? 'Arbeidsrelatert' : 'Ikke arbeidsrelatert'}. ${input.assessment.trim()}`) } },
    ],
  };
  const message = buildMessage({ ...input, type: 'sykmelding', text: lines.join('\n'), attachments: [{ reference: fullUrl, display: 'Sykmelding' }] });
  return { composition, message, bundle: transactionBundle([{ resource: composition, fullUrl }, { resource: message }]) };
}

/**
 * A partner's receipt (applikasjonskvittering) and status for a message: a Task (code
 * kvittering) whose focus is the message, owned by the partner; businessStatus says where the
 * partner is with it ("Mottatt", "Under behandling").
 */
export function buildReceipt(input: { message: Reference; patient?: Reference; partner: Reference; time: string; businessStatus: string; done?: boolean }): Task {
  const task: Task = {
    resourceType: 'Task',
    status: input.done ? 'completed' : 'received',
    intent: 'order',
    code: messageTypeConcept('kvittering'),
    focus: input.message,
    owner: input.partner,
    authoredOn: input.time,
    lastModified: input.time,
    businessStatus: { text: input.businessStatus },
  };
  if (input.patient) task.for = input.patient;
  return task;
}

/** A temporary fullUrl for a resource created in a transaction (the server replaces it with the new id). */
export function newUuid(): string {
  return `urn:uuid:${globalThis.crypto.randomUUID()}`;
}

/** UTF-8 text as base64 (an Attachment's data), in the browser and in Node. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64Utf8(data: string): string {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
