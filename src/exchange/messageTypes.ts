import type { CodeableConcept, Coding } from 'fhir/r4';
import { CODE_SYSTEM } from '../domain/codeSystems';

/**
 * The messages exchanged between services (../shared/DOMAIN.md, "Messages between services"),
 * with their Norwegian names. The code is the product's own (CODE_SYSTEM.messageType): no
 * national FHIR code system names them; the display is the name clinicians know.
 */
export const MESSAGE_TYPES = {
  // Dialogmelding and PLO messages between home care and the GP.
  'helseopplysninger-lege': { display: 'Helseopplysninger til lege', family: 'dialog', question: true },
  foresporsel: { display: 'Forespørsel', family: 'dialog', question: true },
  svar: { display: 'Svar', family: 'dialog', question: false },
  'medisinske-opplysninger': { display: 'Medisinske opplysninger', family: 'dialog', question: false },
  avviksmelding: { display: 'Avviksmelding', family: 'dialog', question: false },
  notat: { display: 'Notat', family: 'dialog', question: false },
  // Logistics and reports with hospitals.
  innleggelsesrapport: { display: 'Innleggelsesrapport', family: 'hospital', question: false },
  'innlagt-pasient': { display: 'Melding om innlagt pasient', family: 'hospital', question: false },
  utskrivningsklar: { display: 'Utskrivningsklar pasient', family: 'hospital', question: false },
  utskrivningsrapport: { display: 'Utskrivningsrapport', family: 'hospital', question: false },
  epikrise: { display: 'Epikrise', family: 'hospital', question: false },
  henvisning: { display: 'Henvisning', family: 'hospital', question: false },
  // Nav.
  sykmelding: { display: 'Sykmelding', family: 'nav', question: false },
  legeerklaering: { display: 'Legeerklæring', family: 'nav', question: false },
  // Barnevern.
  bekymringsmelding: { display: 'Bekymringsmelding', family: 'barnevern', question: false },
  // The emergency clinic to the GP after a departure.
  'legevakt-melding': { display: 'Melding fra legevakt', family: 'dialog', question: false },
  // A partner's acknowledgement (applikasjonskvittering) of a message.
  kvittering: { display: 'Kvittering', family: 'receipt', question: false },
} as const satisfies Record<string, { display: string; family: string; question: boolean }>;

export type MessageType = keyof typeof MESSAGE_TYPES;

export function isMessageType(code: string | undefined): code is MessageType {
  return code !== undefined && Object.hasOwn(MESSAGE_TYPES, code);
}

export function messageTypeCoding(type: MessageType): Coding {
  return { system: CODE_SYSTEM.messageType, code: type, display: MESSAGE_TYPES[type].display };
}

export function messageTypeConcept(type: MessageType): CodeableConcept {
  return { coding: [messageTypeCoding(type)] };
}

/** The message type of a resource's category/code concepts, if it is one of ours. */
export function messageTypeOf(concepts: readonly CodeableConcept[] | undefined): MessageType | undefined {
  for (const concept of concepts ?? []) {
    for (const coding of concept.coding ?? []) if (coding.system === CODE_SYSTEM.messageType && isMessageType(coding.code)) return coding.code;
  }
  return undefined;
}

/** Does a message of this type ask for an answer (dialogmelding forespørsel, helseopplysninger til lege)? */
export function expectsAnswer(type: MessageType): boolean {
  return MESSAGE_TYPES[type].question;
}

/** The types a clinician can write from the compose page, per personnel group family. */
export const COMPOSABLE_TYPES: readonly MessageType[] = ['helseopplysninger-lege', 'foresporsel', 'medisinske-opplysninger', 'avviksmelding', 'notat', 'bekymringsmelding'];

/** Legal basis of a notice of concern to child welfare. */
export const LEGAL_BASIS_HPL33: Coding = { system: CODE_SYSTEM.legalBasis, code: 'hpl-33', display: 'Helsepersonelloven § 33 (opplysningsplikt til barnevernet)' };
