/**
 * The child health station's programme (../shared/DOMAIN.md, "Child health station"): the 14
 * consultations, the childhood immunisation programme and the growth measurements, as data, and
 * the rules that say what is done, due or overdue at a child's age. Pure: no imports from
 * outside src/domain.
 *
 * Ages are whole days since birth (the day of birth is day 0). The window in which a consultation
 * or dose counts as *due* starts at its age in DOMAIN.md; it is *overdue* from the day after
 * `overdueAfterDays`. The windows (two weeks for the infant consultations, four weeks from 12
 * months and for the vaccines, two months for the 2- and 4-year consultations) are a product
 * default (DOMAIN.md gives the ages only): a municipality may change them.
 */
import { CODE_SYSTEM } from './codeSystems';

/** The product's code system for the programme's consultations (Encounter.type), codes = `key`. */
export const PROGRAMME_SYSTEM = 'urn:akson:codesystem:health-station-consultation';

export type GrowthMeasure = 'weight' | 'length' | 'head';

/** Headings of the consultation note (translated by key: `hsNote.headings.<key>`). */
export type NoteHeading =
  | 'parents'
  | 'birth'
  | 'feeding'
  | 'nutrition'
  | 'mother'
  | 'growth'
  | 'development'
  | 'doctor'
  | 'vaccines'
  | 'sleep'
  | 'interaction'
  | 'language'
  | 'teeth'
  | 'safety'
  | 'senses'
  | 'plan';

export type VaccineKey = 'rota' | 'hexa' | 'pcv' | 'mmr' | 'dtap-ipv' | 'hpv';

export interface Vaccine {
  key: VaccineKey;
  /** ATC code (DOMAIN.md code systems): the Immunization's vaccineCode. */
  atc: string;
  route: 'oral' | 'im';
  /** Where the dose is usually given (v3-ActSite code); none for oral vaccines. */
  defaultSite?: VaccineSite;
}

export type VaccineSite = 'LT' | 'RT' | 'LA' | 'RA';
export const VACCINE_SITES: readonly VaccineSite[] = ['LT', 'RT', 'LA', 'RA'];
export const ACT_SITE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActSite';
export const ROUTE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration';
export const ATC_SYSTEM = CODE_SYSTEM.atc;
export const IMMUNISATION_SERIES = 'Barnevaksinasjonsprogrammet';

export const VACCINES: Readonly<Record<VaccineKey, Vaccine>> = {
  rota: { key: 'rota', atc: 'J07BH01', route: 'oral' },
  hexa: { key: 'hexa', atc: 'J07CA09', route: 'im', defaultSite: 'LT' },
  pcv: { key: 'pcv', atc: 'J07AL02', route: 'im', defaultSite: 'RT' },
  mmr: { key: 'mmr', atc: 'J07BD52', route: 'im', defaultSite: 'LA' },
  'dtap-ipv': { key: 'dtap-ipv', atc: 'J07CA02', route: 'im', defaultSite: 'LA' },
  hpv: { key: 'hpv', atc: 'J07BM03', route: 'im', defaultSite: 'LA' },
};

export interface ProgrammeDose {
  vaccine: VaccineKey;
  dose: number;
  dueFromDays: number;
  overdueAfterDays: number;
  /** The consultation the dose belongs to, when it is given at the health station. */
  consultation?: ConsultationKey;
  /** Given by the school health service (shown, not the health station's to give). */
  school?: boolean;
}

export type ConsultationKey = '7-10d' | '4w' | '6w' | '3m' | '4m' | '5m' | '6m' | '8m' | '10m' | '12m' | '15m' | '17-18m' | '2y' | '4y';

export interface ProgrammeConsultation {
  key: ConsultationKey;
  dueFromDays: number;
  overdueAfterDays: number;
  kind: 'home' | 'group' | 'individual' | 'group-or-individual';
  doctor: boolean;
  measures: readonly GrowthMeasure[];
  headings: readonly NoteHeading[];
}

const W_L_HC: readonly GrowthMeasure[] = ['weight', 'length', 'head'];
const W_L: readonly GrowthMeasure[] = ['weight', 'length'];
const NONE: readonly GrowthMeasure[] = [];

/** DOMAIN.md: the 14 consultations. */
export const CONSULTATIONS: readonly ProgrammeConsultation[] = [
  { key: '7-10d', dueFromDays: 7, overdueAfterDays: 14, kind: 'home', doctor: false, measures: W_L, headings: ['parents', 'birth', 'feeding', 'mother', 'growth', 'sleep', 'plan'] },
  { key: '4w', dueFromDays: 28, overdueAfterDays: 41, kind: 'group', doctor: false, measures: NONE, headings: ['parents', 'feeding', 'mother', 'interaction', 'plan'] },
  { key: '6w', dueFromDays: 42, overdueAfterDays: 56, kind: 'individual', doctor: true, measures: W_L, headings: ['parents', 'feeding', 'growth', 'development', 'doctor', 'mother', 'vaccines', 'plan'] },
  { key: '3m', dueFromDays: 91, overdueAfterDays: 105, kind: 'individual', doctor: false, measures: W_L_HC, headings: ['parents', 'nutrition', 'growth', 'development', 'interaction', 'vaccines', 'plan'] },
  { key: '4m', dueFromDays: 122, overdueAfterDays: 136, kind: 'group-or-individual', doctor: false, measures: NONE, headings: ['parents', 'nutrition', 'sleep', 'safety', 'plan'] },
  { key: '5m', dueFromDays: 152, overdueAfterDays: 166, kind: 'individual', doctor: false, measures: W_L_HC, headings: ['parents', 'nutrition', 'growth', 'development', 'vaccines', 'plan'] },
  { key: '6m', dueFromDays: 183, overdueAfterDays: 197, kind: 'individual', doctor: true, measures: W_L_HC, headings: ['parents', 'nutrition', 'growth', 'development', 'doctor', 'teeth', 'plan'] },
  { key: '8m', dueFromDays: 243, overdueAfterDays: 257, kind: 'individual', doctor: false, measures: NONE, headings: ['parents', 'nutrition', 'development', 'language', 'safety', 'plan'] },
  { key: '10m', dueFromDays: 304, overdueAfterDays: 318, kind: 'individual', doctor: false, measures: W_L_HC, headings: ['parents', 'nutrition', 'growth', 'development', 'sleep', 'plan'] },
  { key: '12m', dueFromDays: 365, overdueAfterDays: 393, kind: 'individual', doctor: true, measures: W_L_HC, headings: ['parents', 'nutrition', 'growth', 'development', 'language', 'doctor', 'teeth', 'vaccines', 'plan'] },
  { key: '15m', dueFromDays: 456, overdueAfterDays: 484, kind: 'individual', doctor: false, measures: NONE, headings: ['parents', 'development', 'language', 'vaccines', 'plan'] },
  { key: '17-18m', dueFromDays: 517, overdueAfterDays: 578, kind: 'group', doctor: false, measures: W_L, headings: ['parents', 'growth', 'development', 'language', 'teeth', 'plan'] },
  { key: '2y', dueFromDays: 730, overdueAfterDays: 790, kind: 'individual', doctor: true, measures: W_L, headings: ['parents', 'growth', 'development', 'language', 'doctor', 'teeth', 'senses', 'plan'] },
  { key: '4y', dueFromDays: 1461, overdueAfterDays: 1521, kind: 'individual', doctor: false, measures: W_L, headings: ['parents', 'growth', 'development', 'language', 'senses', 'teeth', 'plan'] },
];

const YEAR = 365.25;
const inYears = (years: number): number => Math.round(years * YEAR);

/** DOMAIN.md: the childhood immunisation programme, one row per vaccine and dose. */
export const IMMUNISATION_PROGRAMME: readonly ProgrammeDose[] = [
  { vaccine: 'rota', dose: 1, dueFromDays: 42, overdueAfterDays: 70, consultation: '6w' },
  { vaccine: 'hexa', dose: 1, dueFromDays: 91, overdueAfterDays: 119, consultation: '3m' },
  { vaccine: 'pcv', dose: 1, dueFromDays: 91, overdueAfterDays: 119, consultation: '3m' },
  { vaccine: 'rota', dose: 2, dueFromDays: 91, overdueAfterDays: 119, consultation: '3m' },
  { vaccine: 'hexa', dose: 2, dueFromDays: 152, overdueAfterDays: 180, consultation: '5m' },
  { vaccine: 'pcv', dose: 2, dueFromDays: 152, overdueAfterDays: 180, consultation: '5m' },
  { vaccine: 'hexa', dose: 3, dueFromDays: 365, overdueAfterDays: 393, consultation: '12m' },
  { vaccine: 'pcv', dose: 3, dueFromDays: 365, overdueAfterDays: 393, consultation: '12m' },
  { vaccine: 'mmr', dose: 1, dueFromDays: 456, overdueAfterDays: 484, consultation: '15m' },
  { vaccine: 'dtap-ipv', dose: 1, dueFromDays: inYears(7), overdueAfterDays: inYears(8), school: true },
  { vaccine: 'mmr', dose: 2, dueFromDays: inYears(11), overdueAfterDays: inYears(12), school: true },
  { vaccine: 'hpv', dose: 1, dueFromDays: inYears(12), overdueAfterDays: inYears(13), school: true },
  { vaccine: 'hpv', dose: 2, dueFromDays: inYears(12) + 183, overdueAfterDays: inYears(13) + 183, school: true },
  { vaccine: 'dtap-ipv', dose: 2, dueFromDays: inYears(15), overdueAfterDays: inYears(16), school: true },
];

export function dosesOf(consultation: ConsultationKey): ProgrammeDose[] {
  return IMMUNISATION_PROGRAMME.filter((d) => d.consultation === consultation);
}

/** Whole days from a date of birth to a day (both `YYYY-MM-DD`, calendar dates). */
export function ageInDays(birthDate: string, on: string): number {
  const utc = (d: string): number => {
    const [y, m, day] = d.slice(0, 10).split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(on) - utc(birthDate)) / 86_400_000);
}

export type DueStatus = 'done' | 'upcoming' | 'due' | 'overdue';

/** Done when done; otherwise upcoming before its age, due from its age to `overdueAfterDays` (inclusive), overdue after. */
export function dueStatus(item: { dueFromDays: number; overdueAfterDays: number }, ageDays: number, done: boolean): DueStatus {
  if (done) return 'done';
  if (ageDays < item.dueFromDays) return 'upcoming';
  if (ageDays <= item.overdueAfterDays) return 'due';
  return 'overdue';
}

/** A health station contact of the child: when (age in days) and, if the app wrote it, which consultation. */
export interface ContactSeen {
  ageDays: number;
  consultation?: ConsultationKey;
  date: string;
}

/**
 * Which consultation each contact was: its coded consultation if it has one; otherwise the
 * consultation whose age is nearest before it (from a week early), not already taken by
 * another contact. Contacts earlier than a week before the first consultation count as none.
 */
export function assignContacts(contacts: readonly ContactSeen[]): Map<ConsultationKey, ContactSeen> {
  const done = new Map<ConsultationKey, ContactSeen>();
  const sorted = [...contacts].sort((a, b) => a.ageDays - b.ageDays);
  for (const c of sorted) if (c.consultation && !done.has(c.consultation)) done.set(c.consultation, c);
  for (const c of sorted) {
    if (c.consultation) continue;
    let best: ProgrammeConsultation | undefined;
    for (const p of CONSULTATIONS) if (p.dueFromDays - 7 <= c.ageDays && !done.has(p.key)) best = p;
    if (best) done.set(best.key, c);
  }
  return done;
}

export interface ConsultationState {
  consultation: ProgrammeConsultation;
  status: DueStatus | 'missed';
  contact?: ContactSeen;
}

/**
 * The programme laid out at an age. A consultation not done whose next consultation has become
 * due is `missed` (the programme has gone past it); one not done and past its window but before
 * the next is `overdue`.
 */
export function programmeAt(ageDays: number, contacts: readonly ContactSeen[]): ConsultationState[] {
  const done = assignContacts(contacts);
  return CONSULTATIONS.map((consultation, i) => {
    const contact = done.get(consultation.key);
    const status = dueStatus(consultation, ageDays, contact !== undefined);
    const next = CONSULTATIONS[i + 1];
    if (status === 'overdue' && next && ageDays >= next.dueFromDays) return { consultation, status: 'missed', contact };
    return contact ? { consultation, status, contact } : { consultation, status };
  });
}

/** The consultation to work on at an age: the first due or overdue one, else the next upcoming. */
export function currentConsultation(states: readonly ConsultationState[]): ConsultationState | undefined {
  return states.find((s) => s.status === 'due' || s.status === 'overdue') ?? states.find((s) => s.status === 'upcoming');
}

/** A dose the child has had: vaccine by ATC, the dose number if recorded, when. */
export interface DoseGiven {
  atc: string;
  doseNumber?: number;
  date: string;
  id?: string;
}

export interface DoseState {
  dose: ProgrammeDose;
  status: DueStatus;
  given?: DoseGiven;
}

/**
 * The immunisation programme at an age. A dose counts as given by its recorded dose number;
 * doses recorded without a number fill the vaccine's earliest open doses in date order.
 */
export function immunisationsAt(ageDays: number, given: readonly DoseGiven[]): DoseState[] {
  const byKey = new Map<string, DoseGiven>();
  const key = (v: VaccineKey, dose: number): string => `${v}#${dose}`;
  const keyOfAtc = (atc: string): VaccineKey | undefined => (Object.values(VACCINES).find((v) => v.atc === atc) ?? undefined)?.key;
  const sorted = [...given].sort((a, b) => a.date.localeCompare(b.date));
  for (const g of sorted) {
    const v = keyOfAtc(g.atc);
    if (v && g.doseNumber !== undefined && !byKey.has(key(v, g.doseNumber))) byKey.set(key(v, g.doseNumber), g);
  }
  for (const g of sorted) {
    const v = keyOfAtc(g.atc);
    if (!v || g.doseNumber !== undefined) continue;
    const open = IMMUNISATION_PROGRAMME.find((d) => d.vaccine === v && !byKey.has(key(v, d.dose)));
    if (open) byKey.set(key(v, open.dose), g);
  }
  return IMMUNISATION_PROGRAMME.map((dose) => {
    const g = byKey.get(key(dose.vaccine, dose.dose));
    return g ? { dose, status: 'done', given: g } : { dose, status: dueStatus(dose, ageDays, false) };
  });
}
