import type { CodeableConcept, Coding, HumanName, Identifier, Reference } from 'fhir/r4';
import { IDENTIFIER } from '../domain/codeSystems';

/** "Ola Nordmann" from a FHIR HumanName list: the official (or first) name, given names then family. */
export function formatName(names: HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return '';
  if (name.text) return name.text;
  return [...(name.given ?? []), name.family].filter(Boolean).join(' ');
}

/** "Nordmann, Ola": how lists of patients are sorted and scanned in Norwegian journals. */
export function formatNameFamilyFirst(names: HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return '';
  const given = (name.given ?? []).join(' ');
  return name.family ? (given ? `${name.family}, ${given}` : name.family) : given;
}

export function codingOf(concept: CodeableConcept | undefined, system?: string): Coding | undefined {
  return concept?.coding?.find((c) => !system || c.system === system);
}

/** The text a clinician reads for a coded concept: its text, else the first display, else the code. */
export function conceptText(concept: CodeableConcept | undefined): string {
  if (!concept) return '';
  return concept.text ?? concept.coding?.find((c) => c.display)?.display ?? concept.coding?.[0]?.code ?? '';
}

export function referenceId(reference: Reference | undefined, type?: string): string | undefined {
  const ref = reference?.reference;
  if (!ref) return undefined;
  const [refType, id] = ref.split('/');
  if (type && refType !== type) return undefined;
  return id;
}

/** The national id (fødselsnummer or D-nummer) of a patient, if any. */
export function nationalIdOf(identifiers: Identifier[] | undefined): string | undefined {
  return (identifiers?.find((i) => i.system === IDENTIFIER.fnr) ?? identifiers?.find((i) => i.system === IDENTIFIER.dnr))?.value;
}
