/**
 * Identifier and code systems from ../shared/DOMAIN.md (HL7 Norway no-basis profiles).
 * The one place these URIs are spelled; the seed, the mock server and the app all import them.
 */
export const IDENTIFIER = {
  fnr: 'urn:oid:2.16.578.1.12.4.1.4.1',
  dnr: 'urn:oid:2.16.578.1.12.4.1.4.2',
  fhn: 'urn:oid:2.16.578.1.12.4.1.4.3',
  hpr: 'urn:oid:2.16.578.1.12.4.1.4.4',
  orgnr: 'urn:oid:2.16.578.1.12.4.1.4.101',
  resh: 'urn:oid:2.16.578.1.12.4.1.4.102',
  herId: 'urn:oid:2.16.578.1.12.4.1.2',
  /** Temporary identity given at the emergency clinic when the patient's identity is unknown. */
  temporary: 'urn:akson:identifier:temporary',
} as const;

export const CODE_SYSTEM = {
  icpc2: 'http://hl7.org/fhir/sid/icpc-2',
  icd10: 'http://hl7.org/fhir/sid/icd-10-no',
  atc: 'http://www.whocc.no/atc',
  nlk: 'urn:oid:2.16.578.1.12.4.1.1.7280',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  /** Health personnel category (LE, SP, HF, JO, FT, VP, PS). */
  personnelCategory: 'urn:oid:2.16.578.1.12.4.1.1.9060',
  /** Specialty (1 = Allmennmedisin). */
  specialty: 'urn:oid:2.16.578.1.12.4.1.1.7426',
  /** Document restriction (sperring). */
  restriction: 'urn:oid:2.16.578.1.12.4.1.1.9603',
  municipality: 'urn:oid:2.16.578.1.12.4.1.1.3402',
  /** The product's own vocabularies (no national code system exists for these). */
  personnelGroup: 'urn:akson:codesystem:personnel-group',
  unitKind: 'urn:akson:codesystem:unit-kind',
  criticalInfoCategory: 'urn:akson:codesystem:critical-info-category',
  noteType: 'urn:akson:codesystem:note-type',
  service: 'urn:akson:codesystem:service',
  documentType: 'urn:akson:codesystem:document-type',
  /** Emergency clinic triage level (Encounter.priority, the triage Observation's value): code = colour (red … blue), display the Norwegian word. */
  triageLevel: 'urn:akson:codesystem:triage-level',
  /** What the emergency clinic records that no national code system names: the triage Observation's code, and "on oxygen". */
  emergency: 'urn:akson:codesystem:emergency',
  /** Who is responsible for a patient at the emergency clinic (Encounter.participant.type): nurse, doctor. */
  edResponsible: 'urn:akson:codesystem:ed-responsible',
  /** How a patient leaves the emergency clinic (Encounter.hospitalization.dischargeDisposition): home, hospital, gp, home-care. */
  edDeparture: 'urn:akson:codesystem:ed-departure',
  /** The emergency board's sub-status of an in-progress visit (extension EXTENSION.edBoardStatus): observation, ready-to-leave. */
  edBoardStatus: 'urn:akson:codesystem:ed-board-status',
  /** Home care: a service decision's tasks (tiltak; CarePlan.activity.detail.code, Procedure.code): medication, wound-care … */
  homeCareTask: 'urn:akson:codesystem:home-care-task',
  /** Home care: the service a decision grants (CarePlan.category): home-nursing, practical-assistance. */
  homeCareService: 'urn:akson:codesystem:home-care-service',
  /** Home care: roles beyond the personnel group (PractitionerRole.code): coordinator. */
  homeCareRole: 'urn:akson:codesystem:home-care-role',
  /** Home care: why a dose was not given (MedicationAdministration.statusReason): refused, not-given. */
  doseOutcome: 'urn:akson:codesystem:dose-outcome',
  /** Home care: the visit report's sections (Composition.section.code): report, measurements, deviations. */
  homeCareSection: 'urn:akson:codesystem:home-care-section',
  /** IPLOS function scores: the panel (code iplos) and its 20 variables (component codes). */
  iplos: 'urn:akson:codesystem:iplos',
  /** Exchange between services (src/exchange): the message type (Communication.category, Task.code …): foresporsel, svar, epikrise, sykmelding … */
  messageType: 'urn:akson:codesystem:message-type',
  /** Exchange: what happened to a message (sent, received, read, answered, forwarded, handled), in EXTENSION.messageEvent. */
  messageEvent: 'urn:akson:codesystem:message-event',
  /** Exchange: the legal basis a message is sent on (e.g. hpl-33, helsepersonelloven § 33), in Communication.reasonCode. */
  legalBasis: 'urn:akson:codesystem:legal-basis',
} as const;

export const EXTENSION = {
  municipalityCode: 'http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode',
  /** Encounter: the emergency board's sub-status of an in-progress visit (valueCoding from CODE_SYSTEM.edBoardStatus). */
  edBoardStatus: 'urn:akson:extension:ed-board-status',
  /** CarePlan (a home care service decision): the weekly hours granted (valueQuantity, h/wk). */
  weeklyHours: 'urn:akson:extension:weekly-hours',
  /** Communication: one event in a message's life (sub-extensions code, time, by); repeated, oldest first. */
  messageEvent: 'urn:akson:extension:message-event',
  /** Communication: when the sender expects an answer to a question (valueDateTime). */
  messageDue: 'urn:akson:extension:message-due',
} as const;

/** LOINC codes for vital signs (DOMAIN.md). */
export const LOINC = {
  heartRate: '8867-4',
  bpPanel: '85354-9',
  systolic: '8480-6',
  diastolic: '8462-4',
  spo2: '2708-6',
  temperature: '8310-5',
  weight: '29563-7',
  respiratoryRate: '9279-1',
  bodyHeight: '8302-2',
  headCircumference: '9843-4',
} as const;

export const SNOMED = {
  news2Total: '1104051000000101',
  acvpu: '1104441000000107',
} as const;
