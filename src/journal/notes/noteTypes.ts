import type { PersonnelGroup } from '../../session/personnel';
import { NOTE_TYPE_DISPLAY, type NoteTypeCode } from '../../domain/noteTypes';
import type { ServiceCode } from '../../domain/services';

/**
 * The journal's note types and the structured headings each type has. This is data, not code
 * paths: the editor, the composer and the tests all read this table, and adding a type or a
 * heading is one line here.
 *
 * `display` and heading `title` are the Norwegian words written into the journal (Composition
 * type display, section title), the same words the seed uses, so old and new notes look alike
 * to every reader. The screen shows translated labels (journal.type.*, journal.heading.*).
 */

export type { NoteTypeCode };

export interface HeadingDef {
  /** Stable key (translation journal.heading.<id>). */
  id: string;
  /** The section title written into the Composition. */
  title: string;
  /** Optional headings are offered behind an "add" button rather than shown as an empty field. */
  optional?: boolean;
}

export interface NoteTypeDef {
  code: NoteTypeCode;
  /** Composition.type display (Norwegian, as in the seed). */
  display: string;
  headings: readonly HeadingDef[];
}

const REASON: HeadingDef = { id: 'reason', title: 'Årsak' };
const FINDINGS: HeadingDef = { id: 'findings', title: 'Funn' };
const ASSESSMENT: HeadingDef = { id: 'assessment', title: 'Vurdering' };
const PLAN: HeadingDef = { id: 'plan', title: 'Plan' };
const REPORT: HeadingDef = { id: 'report', title: 'Rapport' };
const NOTE: HeadingDef = { id: 'note', title: 'Notat' };

export const NOTE_TYPES: readonly NoteTypeDef[] = [
  { code: 'consultation', display: NOTE_TYPE_DISPLAY['consultation'], headings: [REASON, FINDINGS, ASSESSMENT, PLAN] },
  {
    code: 'home-visit-report',
    display: NOTE_TYPE_DISPLAY['home-visit-report'],
    headings: [REPORT, { id: 'actions-done', title: 'Tiltak utført', optional: true }, { id: 'deviation', title: 'Avvik', optional: true }],
  },
  {
    code: 'triage-note',
    display: NOTE_TYPE_DISPLAY['triage-note'],
    headings: [
      { id: 'urgency', title: 'Hastegrad' },
      { id: 'problem', title: 'Problemstilling' },
      { id: 'vitals', title: 'Vitale parametere', optional: true },
    ],
  },
  { code: 'emergency-note', display: NOTE_TYPE_DISPLAY['emergency-note'], headings: [REASON, FINDINGS, ASSESSMENT, PLAN] },
  {
    code: 'phone-contact',
    display: NOTE_TYPE_DISPLAY['phone-contact'],
    headings: [
      { id: 'inquiry', title: 'Henvendelse' },
      { id: 'advice', title: 'Råd gitt' },
    ],
  },
  { code: 'health-station-consultation', display: NOTE_TYPE_DISPLAY['health-station-consultation'], headings: [NOTE] },
  { code: 'physio-note', display: NOTE_TYPE_DISPLAY['physio-note'], headings: [NOTE] },
  { code: 'nursing-home-report', display: NOTE_TYPE_DISPLAY['nursing-home-report'], headings: [REPORT] },
];

const BY_CODE: ReadonlyMap<string, NoteTypeDef> = new Map(NOTE_TYPES.map((t) => [t.code, t]));

/** One free section: for a type the table does not know (a note from another system). */
export const FREE_HEADINGS: readonly HeadingDef[] = [NOTE];

export function noteTypeDef(code: string | undefined): NoteTypeDef | undefined {
  return code ? BY_CODE.get(code) : undefined;
}

export function headingsFor(code: string | undefined): readonly HeadingDef[] {
  return noteTypeDef(code)?.headings ?? FREE_HEADINGS;
}

export function isNoteTypeCode(code: string | undefined): code is NoteTypeCode {
  return noteTypeDef(code) !== undefined;
}

/** The type a new note starts with, by who writes it (the user can choose another). */
export const DEFAULT_NOTE_TYPE: Record<PersonnelGroup, NoteTypeCode> = {
  gp: 'consultation',
  'gp-nurse': 'consultation',
  'ed-doctor': 'emergency-note',
  'ed-nurse': 'triage-note',
  'homecare-nurse': 'home-visit-report',
  'homecare-worker': 'home-visit-report',
  'hs-nurse': 'health-station-consultation',
  'nh-nurse': 'nursing-home-report',
  physio: 'physio-note',
  'admin-staff': 'consultation',
  'config-admin': 'consultation',
};

// Services live in src/domain/services.ts (shared by every journal module).
export { SERVICE_CODES, SERVICE_DISPLAY, SERVICE_OF_UNIT_KIND, isServiceCode, type ServiceCode } from '../../domain/services';

/** Last resort for a note whose unit is unknown: the service its type belongs to. */
export const SERVICE_OF_NOTE_TYPE: Record<NoteTypeCode, ServiceCode> = {
  consultation: 'gp',
  'phone-contact': 'gp',
  'home-visit-report': 'home-care',
  'triage-note': 'emergency',
  'emergency-note': 'emergency',
  'health-station-consultation': 'health-station',
  'physio-note': 'physio',
  'nursing-home-report': 'nursing-home',
};
