import type { Composition, CompositionSection, Reference } from 'fhir/r4';
import { formatISO } from 'date-fns';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { codingOf, referenceId } from '../../fhir/format';
import { narrativeText, textToXhtml } from '../../fhir/narrative';
import type { Persona } from '../../session/personnel';
import { SERVICE_DISPLAY, SERVICE_OF_UNIT_KIND, headingsFor, noteTypeDef } from './noteTypes';

/**
 * The editor's form and the Composition it is written as. Pure: the hook that saves and the
 * tests use the same functions.
 *
 * FHIR modelling of a note written here:
 * - type: CODE_SYSTEM.noteType coding (as the seed); category: the writer's service
 *   (CODE_SYSTEM.service), so the service filter needs no lookup for new notes;
 * - author: the persona's PractitionerRole (display = name; the personnel group is the role's
 *   code); custodian: the persona's unit (Organization, display = unit name);
 * - a draft is status `preliminary` (the server lets drafts be deleted), date = last edit;
 * - signing sets status `final`, date = signing time and attester {mode legal, time, party =
 *   the PractitionerRole}; a signed note is never written again;
 * - a correction is a new Composition with relatesTo {code replaces, targetReference: the old
 *   note}; while a draft it is `preliminary`, signed it is `amended` (a changed version of a
 *   signed note). The old note stays as it was and is shown as history.
 * - each heading with text is one section {title, text (XHTML, a <p> per line)}; empty headings
 *   are left out (a section must have content).
 */

/** The signed note a correction replaces (its Composition id). */
export function replacedId(c: Composition): string | undefined {
  for (const r of c.relatesTo ?? []) {
    if (r.code === 'replaces') {
      const id = referenceId(r.targetReference, 'Composition');
      if (id) return id;
    }
  }
  return undefined;
}

export interface EditorSection {
  /** Heading id from the type table, or `extra-<n>` for a section the table does not have. */
  key: string;
  title: string;
  text: string;
  optional: boolean;
}

export interface NoteForm {
  type: string;
  title: string;
  sections: EditorSection[];
  /** The signed note this one corrects (Composition id). */
  replaces?: string;
  encounter?: Reference;
}

function templateSections(type: string): EditorSection[] {
  return headingsFor(type).map((h) => ({ key: h.id, title: h.title, text: '', optional: h.optional === true }));
}

/** A new, empty note of a type. Never prefilled from an earlier note (note bloat, copy-paste). */
export function emptyForm(type: string): NoteForm {
  return { type, title: '', sections: templateSections(type) };
}

/** The type's headings first (with the text of sections of the same title), then any other sections kept as they were. */
function mergeSections(type: string, existing: readonly { title: string; text: string }[]): EditorSection[] {
  const template = templateSections(type);
  const used = new Set<number>();
  const sections = template.map((h) => {
    const index = existing.findIndex((s, i) => !used.has(i) && s.title.trim().toLocaleLowerCase('nb') === h.title.toLocaleLowerCase('nb'));
    if (index < 0) return h;
    used.add(index);
    return { ...h, text: existing[index]!.text };
  });
  existing.forEach((s, i) => {
    if (!used.has(i) && s.text.trim() !== '') sections.push({ key: `extra-${i}`, title: s.title, text: s.text, optional: false });
  });
  return sections;
}

export function formFromComposition(c: Composition, textOf: (div: string | undefined) => string = narrativeText): NoteForm {
  const type = codingOf(c.type, CODE_SYSTEM.noteType)?.code ?? '';
  const typeDisplay = noteTypeDef(type)?.display;
  const form: NoteForm = {
    type,
    title: c.title && c.title !== typeDisplay ? c.title : '',
    sections: mergeSections(
      type,
      (c.section ?? []).map((s) => ({ title: s.title ?? '', text: textOf(s.text?.div) })),
    ),
  };
  const replaces = replacedId(c);
  if (replaces) form.replaces = replaces;
  if (c.encounter) form.encounter = c.encounter;
  return form;
}

/** The editor for correcting a signed note: its content, type and encounter, pointing at it. */
export function correctionForm(original: Composition): NoteForm {
  const form = formFromComposition(original);
  delete form.replaces;
  return { ...form, replaces: original.id };
}

/** Changes the type, keeping every text the user wrote (under the new headings where they match). */
export function retypeForm(form: NoteForm, type: string): NoteForm {
  return { ...form, type, sections: mergeSections(type, form.sections) };
}

export function setSectionText(form: NoteForm, key: string, text: string): NoteForm {
  return { ...form, sections: form.sections.map((s) => (s.key === key ? { ...s, text } : s)) };
}

export function hasContent(form: NoteForm): boolean {
  return form.title.trim() !== '' || form.sections.some((s) => s.text.trim() !== '');
}

export function hasSectionText(form: NoteForm): boolean {
  return form.sections.some((s) => s.text.trim() !== '');
}

/** The form as plain text, to compare two versions. */
export function formText(form: NoteForm): string {
  return [form.type, form.title.trim(), ...form.sections.filter((s) => s.text.trim()).map((s) => `${s.title}\n${s.text.trim()}`)].join('\n\n');
}

export { textToXhtml };

export type WriteStatus = 'preliminary' | 'signed';

export interface ComposeContext {
  persona: Persona;
  patientId: string;
  now: Date;
  /** The stored draft this write replaces (its id), if any. */
  base?: Composition;
}

/** The Composition for a form: a draft (`preliminary`) or the signed note (`final`, or `amended` for a correction). */
export function compositionFromForm(form: NoteForm, write: WriteStatus, { persona, patientId, now, base }: ComposeContext): Composition {
  const def = noteTypeDef(form.type);
  const typeDisplay = def?.display ?? form.type;
  const when = formatISO(now);
  const author: Reference = { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name };
  const service = SERVICE_OF_UNIT_KIND[persona.unitKind];
  const sections: CompositionSection[] = form.sections
    .filter((s) => s.text.trim() !== '')
    .map((s) => ({ title: s.title, text: { status: 'additional', div: textToXhtml(s.text) } }));
  const c: Composition = {
    resourceType: 'Composition',
    status: write === 'preliminary' ? 'preliminary' : form.replaces ? 'amended' : 'final',
    type: { coding: [{ system: CODE_SYSTEM.noteType, code: form.type, display: typeDisplay }], text: typeDisplay },
    subject: { reference: `Patient/${patientId}` },
    date: when,
    author: [author],
    title: form.title.trim() || typeDisplay,
    custodian: { reference: `Organization/${persona.organizationId}`, display: persona.unitName },
  };
  if (base?.id) c.id = base.id;
  if (base?.meta) c.meta = base.meta;
  if (service) c.category = [{ coding: [{ system: CODE_SYSTEM.service, code: service, display: SERVICE_DISPLAY[service] }], text: SERVICE_DISPLAY[service] }];
  if (form.encounter) c.encounter = form.encounter;
  if (form.replaces) c.relatesTo = [{ code: 'replaces', targetReference: { reference: `Composition/${form.replaces}` } }];
  if (write === 'signed') c.attester = [{ mode: 'legal', time: when, party: author }];
  if (sections.length > 0) c.section = sections;
  return c;
}
