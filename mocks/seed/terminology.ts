import type { CodeableConcept, Coding, Dosage, Quantity } from 'fhir/r4';
import { CODE_SYSTEM, LOINC, SNOMED } from '../../src/domain/codeSystems';
import { NOTE_TYPE_DISPLAY, type NoteTypeCode } from '../../src/domain/noteTypes';
import type { PersonnelGroup, UnitKind } from '../../src/session/personnel';
import {
  ALLERGY_CLINICAL,
  ALLERGY_VERIFICATION,
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  OBSERVATION_CATEGORY,
  REVIEW_STATUS_SYSTEM,
  UCUM,
  V2_0074,
  V3_ACT_CODE,
  V3_INTERPRETATION,
  concept,
  deepFreeze,
} from './fhir';

/**
 * Vocabulary of the seed: every code with its Norwegian text, as frozen CodeableConcepts shared
 * by all resources. Code systems come from src/domain/codeSystems.ts.
 *
 * ICD-10 codes are written without the dot, as in the Norwegian code system (Volven 7110) and the
 * national messages ("J189", not "J18.9").
 */

// ---------------------------------------------------------------------------------------------
// Personnel, units, services, note types

export const PERSONNEL_GROUP_DISPLAY: Record<PersonnelGroup, string> = {
  gp: 'Fastlege',
  'gp-nurse': 'Sykepleier ved legekontor',
  'ed-doctor': 'Legevaktlege',
  'ed-nurse': 'Sykepleier ved legevakt',
  'homecare-nurse': 'Sykepleier i hjemmetjenesten',
  'homecare-worker': 'Helsefagarbeider i hjemmetjenesten',
  'hs-nurse': 'Helsesykepleier',
  'nh-nurse': 'Sykepleier ved sykehjem',
  physio: 'Fysioterapeut',
  'admin-staff': 'Kontormedarbeider',
  'config-admin': 'Konfigurasjonsansvarlig',
};

export type Category = 'LE' | 'SP' | 'HF' | 'FT';

export const CATEGORY_DISPLAY: Record<Category, string> = {
  LE: 'Lege',
  SP: 'Sykepleier',
  HF: 'Helsefagarbeider',
  FT: 'Fysioterapeut',
};

export const UNIT_KIND_DISPLAY: Record<UnitKind, string> = {
  'gp-office': 'Legekontor',
  'emergency-clinic': 'Legevakt',
  'home-care-district': 'Hjemmetjenestesone',
  'health-station': 'Helsestasjon',
  'nursing-home': 'Sykehjem',
  'physio-clinic': 'Fysioterapi',
  'municipal-admin': 'Kommunal administrasjon',
};

export type ServiceCode = 'gp' | 'emergency' | 'home-care' | 'health-station' | 'nursing-home' | 'physio' | 'hospital';

const SERVICE_DISPLAY: Record<ServiceCode, string> = {
  gp: 'Fastlege',
  emergency: 'Legevakt',
  'home-care': 'Hjemmetjenester',
  'health-station': 'Helsestasjon',
  'nursing-home': 'Sykehjem',
  physio: 'Fysioterapi',
  hospital: 'Spesialisthelsetjenesten',
};

export const SERVICE: Record<ServiceCode, CodeableConcept> = Object.fromEntries(
  (Object.keys(SERVICE_DISPLAY) as ServiceCode[]).map((k) => [k, concept(CODE_SYSTEM.service, k, SERVICE_DISPLAY[k])]),
) as Record<ServiceCode, CodeableConcept>;

export const SERVICE_CODING: Record<ServiceCode, Coding> = Object.fromEntries(
  (Object.keys(SERVICE_DISPLAY) as ServiceCode[]).map((k) => [k, deepFreeze({ system: CODE_SYSTEM.service, code: k, display: SERVICE_DISPLAY[k] })]),
) as Record<ServiceCode, Coding>;

export type NoteType = NoteTypeCode;

export const NOTE_TYPE: Record<NoteType, CodeableConcept> = Object.fromEntries(
  (Object.keys(NOTE_TYPE_DISPLAY) as NoteType[]).map((k) => [k, concept(CODE_SYSTEM.noteType, k, NOTE_TYPE_DISPLAY[k])]),
) as Record<NoteType, CodeableConcept>;

export type EncounterClass = 'AMB' | 'HH' | 'EMER' | 'VR' | 'IMP';
const CLASS_DISPLAY: Record<EncounterClass, string> = {
  AMB: 'ambulatory',
  HH: 'home health',
  EMER: 'emergency',
  VR: 'virtual',
  IMP: 'inpatient encounter',
};
export const ENCOUNTER_CLASS: Record<EncounterClass, Coding> = Object.fromEntries(
  (Object.keys(CLASS_DISPLAY) as EncounterClass[]).map((k) => [k, deepFreeze({ system: V3_ACT_CODE, code: k, display: CLASS_DISPLAY[k] })]),
) as Record<EncounterClass, Coding>;

/**
 * Documents from and to other services (DocumentReference.type): the product's own code
 * (CODE_SYSTEM.documentType) first, then the nearest LOINC document code for other systems.
 */
export type DocumentTypeCode = 'epikrise' | 'henvisning' | 'brev';
const DOCUMENT_TYPE_DISPLAY: Record<DocumentTypeCode, readonly [string, string, string]> = {
  epikrise: ['Epikrise', '18842-5', 'Discharge summary'],
  henvisning: ['Henvisning', '57133-1', 'Referral note'],
  brev: ['Brev', '51852-2', 'Letter'],
};
export const DOCUMENT_TYPE: Record<DocumentTypeCode, CodeableConcept> = Object.fromEntries(
  (Object.keys(DOCUMENT_TYPE_DISPLAY) as DocumentTypeCode[]).map((k) => {
    const [text, loinc, loincDisplay] = DOCUMENT_TYPE_DISPLAY[k];
    return [k, deepFreeze({ coding: [{ system: CODE_SYSTEM.documentType, code: k, display: text }, { system: CODE_SYSTEM.loinc, code: loinc, display: loincDisplay }], text })];
  }),
) as Record<DocumentTypeCode, CodeableConcept>;

// ---------------------------------------------------------------------------------------------
// Status and category concepts

export const CONDITION_ACTIVE = concept(CONDITION_CLINICAL, 'active', 'Active', 'Aktiv');
export const CONDITION_RESOLVED = concept(CONDITION_CLINICAL, 'resolved', 'Resolved', 'Avsluttet');
export const CONDITION_CONFIRMED = concept(CONDITION_VERIFICATION, 'confirmed', 'Confirmed', 'Bekreftet');
export const CATEGORY_PROBLEM_LIST = concept(CONDITION_CATEGORY, 'problem-list-item', 'Problem List Item', 'Problemliste');
export const CATEGORY_ENCOUNTER_DX = concept(CONDITION_CATEGORY, 'encounter-diagnosis', 'Encounter Diagnosis', 'Kontaktdiagnose');

export const ALLERGY_ACTIVE = concept(ALLERGY_CLINICAL, 'active', 'Active', 'Aktiv');
export const ALLERGY_INACTIVE = concept(ALLERGY_CLINICAL, 'inactive', 'Inactive', 'Inaktiv');

/**
 * Kjernejournal certainty → FHIR R4 AllergyIntolerance.verificationStatus. R4 has no "presumed",
 * so "Sannsynlig" is written as code `unconfirmed` with text "Sannsynlig"; "Mistenkt" is
 * `unconfirmed` with text "Mistenkt". The app tells the two apart by the text.
 */
export type Certainty = 'Mistenkt' | 'Sannsynlig' | 'Bekreftet' | 'Avkreftet';
export const ALLERGY_CERTAINTY: Record<Certainty, CodeableConcept> = {
  Mistenkt: concept(ALLERGY_VERIFICATION, 'unconfirmed', 'Unconfirmed', 'Mistenkt'),
  Sannsynlig: concept(ALLERGY_VERIFICATION, 'unconfirmed', 'Unconfirmed', 'Sannsynlig'),
  Bekreftet: concept(ALLERGY_VERIFICATION, 'confirmed', 'Confirmed', 'Bekreftet'),
  Avkreftet: concept(ALLERGY_VERIFICATION, 'refuted', 'Refuted', 'Avkreftet'),
};

export const OBS_CATEGORY_VITAL = deepFreeze([concept(OBSERVATION_CATEGORY, 'vital-signs', 'Vital Signs', 'Vitale tegn')]);
export const OBS_CATEGORY_LAB = deepFreeze([concept(OBSERVATION_CATEGORY, 'laboratory', 'Laboratory', 'Laboratorium')]);
export const OBS_CATEGORY_SURVEY = deepFreeze([concept(OBSERVATION_CATEGORY, 'survey', 'Survey', 'Skår')]);
export const OBS_CATEGORY_EXAM = deepFreeze([concept(OBSERVATION_CATEGORY, 'exam', 'Exam', 'Undersøkelse')]);
export const REPORT_CATEGORY_LAB = deepFreeze([concept(V2_0074, 'LAB', 'Laboratory', 'Laboratorium')]);
export const REPORT_CATEGORY_RAD = deepFreeze([concept(V2_0074, 'RAD', 'Radiology', 'Radiologi')]);
export const REPORT_CODE_LAB = concept(CODE_SYSTEM.loinc, '11502-2', 'Laboratory report', 'Laboratoriesvar');

export const INTERPRETATION = {
  H: deepFreeze([concept(V3_INTERPRETATION, 'H', 'High', 'Høy')]),
  L: deepFreeze([concept(V3_INTERPRETATION, 'L', 'Low', 'Lav')]),
  N: deepFreeze([concept(V3_INTERPRETATION, 'N', 'Normal', 'Normal')]),
} as const;

export const UNSEEN_TAG: Coding = deepFreeze({ system: REVIEW_STATUS_SYSTEM, code: 'unseen', display: 'Ikke sett' });

// ---------------------------------------------------------------------------------------------
// Critical information (Kjernejournal "kritisk informasjon")

export type CriticalCategory = 'anaesthesia-complication' | 'critical-condition' | 'ongoing-treatment-implant' | 'treatment-routine-change' | 'infection-risk';
const CRITICAL_DISPLAY: Record<CriticalCategory, string> = {
  'anaesthesia-complication': 'Komplikasjoner ved anestesi',
  'critical-condition': 'Kritiske medisinske tilstander',
  'ongoing-treatment-implant': 'Pågående behandlinger og implantater',
  'treatment-routine-change': 'Endringer i behandlingsrutiner',
  'infection-risk': 'Smitte',
};
export const CRITICAL_CATEGORY: Record<CriticalCategory, CodeableConcept[]> = Object.fromEntries(
  (Object.keys(CRITICAL_DISPLAY) as CriticalCategory[]).map((k) => [k, deepFreeze([concept(CODE_SYSTEM.criticalInfoCategory, k, CRITICAL_DISPLAY[k])])]),
) as Record<CriticalCategory, CodeableConcept[]>;

export interface FlagDef {
  category: CriticalCategory;
  code: CodeableConcept;
  /** Relative weight among flags the patient qualifies for. */
  weight: number;
  minAge: number;
  /** Chronic condition keys that make the flag likely (any of). */
  requires?: readonly string[];
}

export const FLAGS: readonly FlagDef[] = [
  { category: 'anaesthesia-complication', code: deepFreeze({ text: 'Malign hypertermi' }), weight: 2, minAge: 0 },
  { category: 'anaesthesia-complication', code: deepFreeze({ text: 'Vanskelig intubasjon' }), weight: 2, minAge: 18 },
  { category: 'anaesthesia-complication', code: deepFreeze({ text: 'Butyrylkolinesterasemangel – forlenget effekt av suksametonium' }), weight: 1, minAge: 0 },
  { category: 'critical-condition', code: deepFreeze({ text: 'Binyrebarksvikt (Addisons sykdom)' }), weight: 1, minAge: 10 },
  { category: 'critical-condition', code: deepFreeze({ text: 'Hemofili A' }), weight: 1, minAge: 0 },
  { category: 'critical-condition', code: deepFreeze({ text: 'Myasthenia gravis' }), weight: 1, minAge: 20 },
  { category: 'critical-condition', code: deepFreeze({ text: 'Diabetes type 1 med alvorlige hypoglykemier' }), weight: 4, minAge: 0, requires: ['T89'] },
  { category: 'ongoing-treatment-implant', code: deepFreeze({ text: 'Pacemaker' }), weight: 6, minAge: 60, requires: ['K78', 'K77'] },
  { category: 'ongoing-treatment-implant', code: deepFreeze({ text: 'Implantert defibrillator (ICD)' }), weight: 3, minAge: 50, requires: ['K77', 'K74'] },
  { category: 'ongoing-treatment-implant', code: deepFreeze({ text: 'Mekanisk hjerteklaff – antikoagulasjonsbehandling' }), weight: 2, minAge: 40 },
  { category: 'ongoing-treatment-implant', code: deepFreeze({ text: 'Cochleaimplantat' }), weight: 1, minAge: 1 },
  { category: 'ongoing-treatment-implant', code: deepFreeze({ text: 'Dialysebehandling' }), weight: 1, minAge: 40, requires: ['T90', 'K86'] },
  { category: 'treatment-routine-change', code: deepFreeze({ text: 'Ikke HLR' }), weight: 6, minAge: 80 },
  { category: 'treatment-routine-change', code: deepFreeze({ text: 'Ikke aktuelt med respiratorbehandling' }), weight: 2, minAge: 75 },
  { category: 'treatment-routine-change', code: deepFreeze({ text: 'Palliativ behandling – ikke sykehusinnleggelse' }), weight: 1, minAge: 80 },
  { category: 'infection-risk', code: deepFreeze({ text: 'MRSA-bærer' }), weight: 4, minAge: 0 },
  { category: 'infection-risk', code: deepFreeze({ text: 'ESBL-bærer' }), weight: 2, minAge: 0 },
  { category: 'infection-risk', code: deepFreeze({ text: 'VRE-bærer' }), weight: 1, minAge: 0 },
  { category: 'infection-risk', code: deepFreeze({ text: 'Hepatitt B-bærer' }), weight: 1, minAge: 16 },
];

// ---------------------------------------------------------------------------------------------
// Allergies and intolerances

const SCT = CODE_SYSTEM.snomed;
const ATC = CODE_SYSTEM.atc;

export const MANIFESTATION = {
  anaphylaxis: deepFreeze([concept(SCT, '39579001', 'Anaphylaxis', 'Anafylaksi')]),
  urticaria: deepFreeze([concept(SCT, '126485001', 'Urticaria', 'Elveblest (urtikaria)')]),
  rash: deepFreeze([concept(SCT, '271807003', 'Eruption of skin', 'Utslett')]),
  angioedema: deepFreeze([concept(SCT, '41291007', 'Angioedema', 'Angioødem')]),
  dyspnoea: deepFreeze([concept(SCT, '267036007', 'Dyspnea', 'Pustevansker')]),
  nausea: deepFreeze([concept(SCT, '422587007', 'Nausea', 'Kvalme')]),
  myalgia: deepFreeze([concept(SCT, '68962001', 'Muscle pain', 'Muskelsmerter')]),
  itching: deepFreeze([concept(SCT, '418290006', 'Itching', 'Kløe')]),
} as const;
export type ManifestationKey = keyof typeof MANIFESTATION;

export interface AllergyDef {
  key: string;
  code: CodeableConcept;
  category: 'medication' | 'food' | 'environment';
  type: 'allergy' | 'intolerance';
  /** Usual reactions (mild first, severe last). */
  mild: ManifestationKey;
  severe: ManifestationKey;
  weight: number;
  /** Share of reactions that are severe (→ criticality high). */
  severeShare: number;
}

export const ALLERGIES: readonly AllergyDef[] = [
  { key: 'penicillin', code: concept(ATC, 'J01CE', 'Betalaktamasefølsomme penicilliner', 'Penicillin'), category: 'medication', type: 'allergy', mild: 'rash', severe: 'anaphylaxis', weight: 10, severeShare: 0.2 },
  { key: 'sulfa', code: concept(ATC, 'J01EE01', 'Sulfametoksazol og trimetoprim', 'Trimetoprim-sulfa'), category: 'medication', type: 'allergy', mild: 'rash', severe: 'angioedema', weight: 3, severeShare: 0.15 },
  { key: 'nsaid', code: concept(ATC, 'M01A', 'Antiinflammatoriske og antirevmatiske midler, ekskl. steroider', 'NSAID'), category: 'medication', type: 'allergy', mild: 'urticaria', severe: 'dyspnoea', weight: 3, severeShare: 0.25 },
  { key: 'codeine', code: concept(ATC, 'R05DA04', 'Kodein', 'Kodein'), category: 'medication', type: 'intolerance', mild: 'nausea', severe: 'dyspnoea', weight: 2, severeShare: 0.05 },
  { key: 'contrast', code: concept(ATC, 'V08AB', 'Vannløselige, nefrotrope, lavosmolare røntgenkontrastmidler', 'Jodholdig kontrastmiddel'), category: 'medication', type: 'allergy', mild: 'urticaria', severe: 'anaphylaxis', weight: 2, severeShare: 0.3 },
  { key: 'ace', code: concept(ATC, 'C09AA', 'ACE-hemmere, usammensatte', 'ACE-hemmere'), category: 'medication', type: 'allergy', mild: 'angioedema', severe: 'angioedema', weight: 1, severeShare: 0.6 },
  { key: 'statin', code: concept(ATC, 'C10AA', 'HMG-CoA-reduktasehemmere', 'Statiner'), category: 'medication', type: 'intolerance', mild: 'myalgia', severe: 'myalgia', weight: 2, severeShare: 0 },
  { key: 'peanut', code: concept(SCT, '256349002', 'Peanut - dietary', 'Peanøtter'), category: 'food', type: 'allergy', mild: 'urticaria', severe: 'anaphylaxis', weight: 4, severeShare: 0.4 },
  { key: 'cashew', code: concept(SCT, '227493005', 'Cashew nut', 'Cashewnøtter'), category: 'food', type: 'allergy', mild: 'itching', severe: 'anaphylaxis', weight: 1, severeShare: 0.3 },
  { key: 'egg', code: concept(SCT, '102263004', 'Eggs (edible)', 'Egg'), category: 'food', type: 'allergy', mild: 'urticaria', severe: 'anaphylaxis', weight: 2, severeShare: 0.1 },
  { key: 'milk', code: concept(SCT, '3718001', "Cow's milk", 'Kumelk'), category: 'food', type: 'allergy', mild: 'rash', severe: 'anaphylaxis', weight: 2, severeShare: 0.05 },
  { key: 'bee', code: concept(SCT, '288328004', 'Bee venom', 'Bigift'), category: 'environment', type: 'allergy', mild: 'urticaria', severe: 'anaphylaxis', weight: 2, severeShare: 0.5 },
  { key: 'latex', code: concept(SCT, '111088007', 'Latex', 'Lateks'), category: 'environment', type: 'allergy', mild: 'itching', severe: 'anaphylaxis', weight: 2, severeShare: 0.2 },
  { key: 'pollen', code: concept(SCT, '256259004', 'Pollen', 'Pollen'), category: 'environment', type: 'allergy', mild: 'itching', severe: 'dyspnoea', weight: 1, severeShare: 0.05 },
  { key: 'cat', code: concept(SCT, '260152009', 'Cat dander', 'Katt'), category: 'environment', type: 'allergy', mild: 'itching', severe: 'dyspnoea', weight: 1, severeShare: 0.05 },
];

// ---------------------------------------------------------------------------------------------
// Medicines (ATC)

export type RouteKey = 'oral' | 'inhalation' | 'subcutaneous' | 'topical' | 'ocular';
const ROUTE: Record<RouteKey, CodeableConcept> = {
  oral: concept(SCT, '26643006', 'Oral route', 'Via munnen'),
  inhalation: concept(SCT, '447694001', 'Respiratory tract route', 'Til inhalasjon'),
  subcutaneous: concept(SCT, '34206005', 'Subcutaneous route', 'Subkutant'),
  topical: concept(SCT, '6064005', 'Topical route', 'Til utvortes bruk'),
  ocular: concept(SCT, '54485002', 'Ophthalmic route', 'I øyet'),
};

type When = 'MORN' | 'EVE' | 'HS' | 'NOON';

interface MedSpec {
  key: string;
  atc: string;
  /** Substance name (Norwegian). */
  name: string;
  /** Strength and form: "5 mg tablett". */
  product: string;
  dosageText: string;
  route: RouteKey;
  /** Times per period. */
  frequency: number;
  period?: number;
  periodUnit?: 'd' | 'wk';
  when?: readonly When[];
  dose: number;
  doseHigh?: number;
  doseUnit: string;
  doseCode: string;
  asNeeded?: boolean;
  /** Course length for time-limited treatment. */
  courseDays?: number;
}

export interface MedDef {
  key: string;
  name: string;
  concept: CodeableConcept;
  /** Frozen; typed mutable so it can be placed in a resource. */
  dosage: Dosage[];
  courseDays?: number;
}

const MED_SPECS: readonly MedSpec[] = [
  { key: 'ramipril', atc: 'C09AA05', name: 'Ramipril', product: '5 mg tablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'losartan', atc: 'C09CA01', name: 'Losartan', product: '50 mg tablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'amlodipin', atc: 'C08CA01', name: 'Amlodipin', product: '5 mg tablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'metoprolol', atc: 'C07AB02', name: 'Metoprolol', product: '50 mg depottablett', dosageText: '1 depottablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'furosemid', atc: 'C03CA01', name: 'Furosemid', product: '40 mg tablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'metformin', atc: 'A10BA02', name: 'Metformin', product: '500 mg tablett', dosageText: '1 tablett morgen og kveld', route: 'oral', frequency: 2, when: ['MORN', 'EVE'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'dapagliflozin', atc: 'A10BK01', name: 'Dapagliflozin', product: '10 mg tablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'insulin', atc: 'A10AE04', name: 'Insulin glargin', product: '100 E/ml injeksjonsvæske i ferdigfylt penn', dosageText: '20 E subkutant kveld', route: 'subcutaneous', frequency: 1, when: ['EVE'], dose: 20, doseUnit: 'E', doseCode: '[iU]' },
  { key: 'rivaroksaban', atc: 'B01AF01', name: 'Rivaroksaban', product: '20 mg tablett', dosageText: '1 tablett kveld, tas med mat', route: 'oral', frequency: 1, when: ['EVE'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'apixaban', atc: 'B01AF02', name: 'Apixaban', product: '5 mg tablett', dosageText: '1 tablett morgen og kveld', route: 'oral', frequency: 2, when: ['MORN', 'EVE'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'asa', atc: 'B01AC06', name: 'Acetylsalisylsyre', product: '75 mg enterotablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'klopidogrel', atc: 'B01AC04', name: 'Klopidogrel', product: '75 mg tablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'atorvastatin', atc: 'C10AA05', name: 'Atorvastatin', product: '20 mg tablett', dosageText: '1 tablett kveld', route: 'oral', frequency: 1, when: ['EVE'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'simvastatin', atc: 'C10AA01', name: 'Simvastatin', product: '20 mg tablett', dosageText: '1 tablett kveld', route: 'oral', frequency: 1, when: ['EVE'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'salmeterolFlutikason', atc: 'R03AK06', name: 'Salmeterol/flutikason', product: '50/250 mikrog/dose inhalasjonspulver', dosageText: '1 inhalasjon morgen og kveld', route: 'inhalation', frequency: 2, when: ['MORN', 'EVE'], dose: 1, doseUnit: 'inhalasjon', doseCode: '{inhalation}' },
  { key: 'salbutamol', atc: 'R03AC02', name: 'Salbutamol', product: '0,1 mg/dose inhalasjonsaerosol', dosageText: '1–2 inhalasjoner ved behov, inntil 4 ganger daglig', route: 'inhalation', frequency: 4, dose: 1, doseHigh: 2, doseUnit: 'inhalasjon', doseCode: '{inhalation}', asNeeded: true },
  { key: 'tiotropium', atc: 'R03BB04', name: 'Tiotropium', product: '18 mikrog inhalasjonspulver', dosageText: '1 inhalasjon morgen', route: 'inhalation', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'inhalasjon', doseCode: '{inhalation}' },
  { key: 'sertralin', atc: 'N06AB06', name: 'Sertralin', product: '50 mg tablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'escitalopram', atc: 'N06AB10', name: 'Escitalopram', product: '10 mg tablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'zopiklon', atc: 'N05CF01', name: 'Zopiklon', product: '5 mg tablett', dosageText: '1 tablett ved sengetid ved behov', route: 'oral', frequency: 1, when: ['HS'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', asNeeded: true },
  { key: 'donepezil', atc: 'N06DA02', name: 'Donepezil', product: '5 mg tablett', dosageText: '1 tablett kveld', route: 'oral', frequency: 1, when: ['EVE'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'paracetamol', atc: 'N02BE01', name: 'Paracetamol', product: '500 mg tablett', dosageText: '2 tabletter inntil 3 ganger daglig ved behov', route: 'oral', frequency: 3, dose: 2, doseUnit: 'tablett', doseCode: '{tbl}', asNeeded: true },
  { key: 'ibuprofen', atc: 'M01AE01', name: 'Ibuprofen', product: '400 mg tablett', dosageText: '1 tablett inntil 3 ganger daglig ved behov, tas med mat', route: 'oral', frequency: 3, dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', asNeeded: true, courseDays: 14 },
  { key: 'levotyroksin', atc: 'H03AA01', name: 'Levotyroksin', product: '50 mikrog tablett', dosageText: '1 tablett morgen, fastende', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'omeprazol', atc: 'A02BC01', name: 'Omeprazol', product: '20 mg enterokapsel', dosageText: '1 kapsel morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'kapsel', doseCode: '{cap}' },
  { key: 'alendronat', atc: 'M05BA04', name: 'Alendronsyre', product: '70 mg tablett', dosageText: '1 tablett én gang i uken, fastende', route: 'oral', frequency: 1, period: 1, periodUnit: 'wk', when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'kalsiumD', atc: 'A12AX', name: 'Kalsium/vitamin D', product: '500 mg/800 IE tyggetablett', dosageText: '1 tablett morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'tamsulosin', atc: 'G04CA02', name: 'Tamsulosin', product: '0,4 mg depotkapsel', dosageText: '1 kapsel morgen', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'kapsel', doseCode: '{cap}' },
  { key: 'metotreksat', atc: 'L04AX03', name: 'Metotreksat', product: '2,5 mg tablett', dosageText: '4 tabletter én gang i uken (mandag)', route: 'oral', frequency: 1, period: 1, periodUnit: 'wk', dose: 4, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'sumatriptan', atc: 'N02CC01', name: 'Sumatriptan', product: '50 mg tablett', dosageText: '1 tablett ved migreneanfall, kan gjentas etter 2 timer', route: 'oral', frequency: 2, dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', asNeeded: true },
  { key: 'lamotrigin', atc: 'N03AX09', name: 'Lamotrigin', product: '100 mg tablett', dosageText: '1 tablett morgen og kveld', route: 'oral', frequency: 2, when: ['MORN', 'EVE'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}' },
  { key: 'hydrokortison', atc: 'D07AA02', name: 'Hydrokortison', product: '1 % krem', dosageText: 'Smøres tynt på eksemområdene 1–2 ganger daglig', route: 'topical', frequency: 2, dose: 1, doseUnit: 'påsmøring', doseCode: '{application}' },
  { key: 'jern', atc: 'B03AA07', name: 'Jern(II)sulfat', product: '100 mg Fe2+ depottablett', dosageText: '1 tablett daglig', route: 'oral', frequency: 1, when: ['MORN'], dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', courseDays: 90 },
  { key: 'penicillin660', atc: 'J01CE02', name: 'Fenoksymetylpenicillin', product: '660 mg tablett', dosageText: '1 tablett 4 ganger daglig i 5 dager', route: 'oral', frequency: 4, dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', courseDays: 5 },
  { key: 'penicillin1g', atc: 'J01CE02', name: 'Fenoksymetylpenicillin', product: '1 g tablett', dosageText: '1 tablett 4 ganger daglig i 7 dager', route: 'oral', frequency: 4, dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', courseDays: 7 },
  { key: 'penicillinMikstur', atc: 'J01CE02', name: 'Fenoksymetylpenicillin', product: '50 mg/ml mikstur', dosageText: '5 ml 4 ganger daglig i 5 dager', route: 'oral', frequency: 4, dose: 5, doseUnit: 'ml', doseCode: 'mL', courseDays: 5 },
  { key: 'nitrofurantoin', atc: 'J01XE01', name: 'Nitrofurantoin', product: '50 mg tablett', dosageText: '1 tablett 3 ganger daglig i 5 dager', route: 'oral', frequency: 3, dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', courseDays: 5 },
  { key: 'pivmecillinam', atc: 'J01CA08', name: 'Pivmecillinam', product: '200 mg tablett', dosageText: '1 tablett 3 ganger daglig i 3 dager', route: 'oral', frequency: 3, dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', courseDays: 3 },
  { key: 'doksysyklin', atc: 'J01AA02', name: 'Doksysyklin', product: '100 mg tablett', dosageText: '2 tabletter første dag, deretter 1 tablett daglig, i alt 7 dager', route: 'oral', frequency: 1, dose: 1, doseUnit: 'tablett', doseCode: '{tbl}', courseDays: 7 },
  { key: 'terbinafin', atc: 'D01AE15', name: 'Terbinafin', product: '10 mg/g krem', dosageText: 'Smøres på 1 gang daglig i 2 uker', route: 'topical', frequency: 1, dose: 1, doseUnit: 'påsmøring', doseCode: '{application}', courseDays: 14 },
  { key: 'kloramfenikol', atc: 'S01AA01', name: 'Kloramfenikol', product: '5 mg/ml øyedråper', dosageText: '1 dråpe i hvert øye 4 ganger daglig i 5 dager', route: 'ocular', frequency: 4, dose: 1, doseUnit: 'dråpe', doseCode: '{drop}', courseDays: 5 },
  { key: 'prednisolon', atc: 'H02AB06', name: 'Prednisolon', product: '5 mg tablett', dosageText: '8 tabletter morgen i 5 dager', route: 'oral', frequency: 1, when: ['MORN'], dose: 8, doseUnit: 'tablett', doseCode: '{tbl}', courseDays: 5 },
];

function buildMed(s: MedSpec): MedDef {
  const doseQuantity = (value: number): Quantity => ({ value, unit: s.doseUnit, system: UCUM, code: s.doseCode });
  const repeat: NonNullable<NonNullable<Dosage['timing']>['repeat']> = {
    frequency: s.asNeeded ? 1 : s.frequency,
    period: s.period ?? 1,
    periodUnit: s.periodUnit ?? 'd',
  };
  if (s.asNeeded && s.frequency > 1) repeat.frequencyMax = s.frequency;
  if (s.when) repeat.when = [...s.when];
  if (s.courseDays) repeat.boundsDuration = { value: s.courseDays, unit: 'dager', system: UCUM, code: 'd' };
  const dosage: Dosage = {
    sequence: 1,
    text: s.dosageText,
    timing: { repeat },
    route: ROUTE[s.route],
    doseAndRate: [s.doseHigh !== undefined ? { doseRange: { low: doseQuantity(s.dose), high: doseQuantity(s.doseHigh) } } : { doseQuantity: doseQuantity(s.dose) }],
  };
  if (s.asNeeded) dosage.asNeededBoolean = true;
  const med: MedDef = {
    key: s.key,
    name: s.name,
    concept: deepFreeze({ coding: [{ system: ATC, code: s.atc, display: s.name }], text: `${s.name} ${s.product}` }),
    dosage: deepFreeze([dosage]),
  };
  if (s.courseDays !== undefined) med.courseDays = s.courseDays;
  return med;
}

export const MEDS: Record<string, MedDef> = Object.fromEntries(MED_SPECS.map((s) => [s.key, buildMed(s)]));

export function med(key: string): MedDef {
  const m = MEDS[key];
  if (!m) throw new Error(`Unknown medicine ${key}`);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Laboratory (NLK)

export interface LabDef {
  key: string;
  code: CodeableConcept;
  unit: string;
  ucum: string;
  decimals: number;
  /** Reference interval by sex: [low, high]; null when one side is open. */
  ref: { male: readonly [number | null, number | null]; female: readonly [number | null, number | null] };
  /** Typical value for a healthy person: mean and sd (by sex). */
  normal: { male: readonly [number, number]; female: readonly [number, number] };
  /** Point-of-care test at the GP office's own laboratory. */
  office: boolean;
}

function lab(key: string, code: string, display: string, unit: string, ucum: string, decimals: number, ref: LabDef['ref'], normal: LabDef['normal'], office = false): LabDef {
  return { key, code: concept(CODE_SYSTEM.nlk, code, display), unit, ucum, decimals, ref, normal, office };
}

const same = <T>(v: T): { male: T; female: T } => ({ male: v, female: v });

export const LABS: Record<string, LabDef> = {
  glucose: lab('glucose', 'NPU02187', 'B-Glukose', 'mmol/L', 'mmol/L', 1, same([4.0, 6.0] as const), same([5.2, 0.5] as const), true),
  hba1c: lab('hba1c', 'NPU27300', 'B-HbA1c', 'mmol/mol', 'mmol/mol', 0, same([20, 42] as const), same([36, 3] as const), true),
  hb: lab('hb', 'NPU28309', 'B-Hemoglobin', 'g/L', 'g/L', 0, { male: [134, 170], female: [117, 153] }, { male: [150, 9], female: [134, 8] }, true),
  crp: lab('crp', 'NPU19748', 'P-CRP', 'mg/L', 'mg/L', 0, same([null, 5] as const), same([2, 1.2] as const), true),
  creatinine: lab('creatinine', 'NPU18016', 'P-Kreatinin', 'µmol/L', 'umol/L', 0, { male: [60, 105], female: [45, 90] }, { male: [82, 10], female: [66, 9] }),
  potassium: lab('potassium', 'NPU03230', 'P-Kalium', 'mmol/L', 'mmol/L', 1, same([3.5, 4.4] as const), same([4.0, 0.2] as const)),
  sodium: lab('sodium', 'NPU03429', 'P-Natrium', 'mmol/L', 'mmol/L', 0, same([137, 145] as const), same([141, 1.5] as const)),
  tsh: lab('tsh', 'NPU03577', 'P-TSH', 'mIU/L', 'm[IU]/L', 2, same([0.4, 4.0] as const), same([1.8, 0.7] as const)),
  ft4: lab('ft4', 'NPU03579', 'P-Fritt T4', 'pmol/L', 'pmol/L', 0, same([12, 22] as const), same([16, 2] as const)),
  cholesterol: lab('cholesterol', 'NPU01566', 'P-Kolesterol', 'mmol/L', 'mmol/L', 1, same([3.3, 6.9] as const), same([5.2, 0.7] as const)),
  ldl: lab('ldl', 'NPU01568', 'P-LDL-kolesterol', 'mmol/L', 'mmol/L', 1, same([1.2, 4.3] as const), same([3.1, 0.6] as const)),
  hdl: lab('hdl', 'NPU01567', 'P-HDL-kolesterol', 'mmol/L', 'mmol/L', 1, { male: [0.8, 2.1], female: [1.0, 2.7] }, { male: [1.3, 0.25], female: [1.6, 0.3] }),
  triglycerides: lab('triglycerides', 'NPU04094', 'P-Triglyserid', 'mmol/L', 'mmol/L', 1, same([0.45, 2.6] as const), same([1.3, 0.4] as const)),
  alat: lab('alat', 'NPU19651', 'P-ALAT', 'U/L', 'U/L', 0, { male: [10, 70], female: [10, 45] }, { male: [30, 9], female: [22, 7] }),
  ferritin: lab('ferritin', 'NPU19763', 'P-Ferritin', 'µg/L', 'ug/L', 0, { male: [30, 400], female: [15, 200] }, { male: [150, 60], female: [70, 35] }),
  leukocytes: lab('leukocytes', 'NPU02593', 'B-Leukocytter', '10^9/L', '10*9/L', 1, same([3.5, 10.0] as const), same([6.2, 1.3] as const), true),
  platelets: lab('platelets', 'NPU03568', 'B-Trombocytter', '10^9/L', '10*9/L', 0, { male: [145, 348], female: [165, 387] }, { male: [245, 45], female: [270, 50] }),
};

export type PanelKey = 'diabetes' | 'renal' | 'lipids' | 'thyroid' | 'anaemia' | 'infection' | 'general' | 'ra' | 'doac';

export const PANELS: Record<PanelKey, { labs: readonly string[]; office: boolean; title: string }> = {
  diabetes: { labs: ['hba1c', 'glucose', 'creatinine', 'potassium'], office: false, title: 'Diabeteskontroll' },
  renal: { labs: ['creatinine', 'potassium', 'sodium'], office: false, title: 'Nyrefunksjon og elektrolytter' },
  lipids: { labs: ['cholesterol', 'ldl', 'hdl', 'triglycerides'], office: false, title: 'Lipider' },
  thyroid: { labs: ['tsh', 'ft4'], office: false, title: 'Stoffskifte' },
  anaemia: { labs: ['hb', 'ferritin'], office: false, title: 'Anemiutredning' },
  infection: { labs: ['crp'], office: true, title: 'CRP (hurtigtest)' },
  general: { labs: ['hb', 'leukocytes', 'platelets', 'crp', 'creatinine', 'alat', 'tsh', 'glucose'], office: false, title: 'Generell blodprøvestatus' },
  ra: { labs: ['crp', 'hb', 'leukocytes', 'platelets', 'alat', 'creatinine'], office: false, title: 'Metotreksatkontroll' },
  doac: { labs: ['hb', 'creatinine'], office: false, title: 'Kontroll ved antikoagulasjon' },
};

// ---------------------------------------------------------------------------------------------
// Vital signs (LOINC, UCUM)

function vital(code: string, display: string, text: string): CodeableConcept {
  return concept(CODE_SYSTEM.loinc, code, display, text);
}

export const VITAL = {
  heartRate: { code: vital(LOINC.heartRate, 'Heart rate', 'Puls'), unit: '/min', ucum: '/min' },
  bpPanel: { code: vital(LOINC.bpPanel, 'Blood pressure panel with all children optional', 'Blodtrykk'), unit: 'mmHg', ucum: 'mm[Hg]' },
  systolic: { code: vital(LOINC.systolic, 'Systolic blood pressure', 'Systolisk blodtrykk'), unit: 'mmHg', ucum: 'mm[Hg]' },
  diastolic: { code: vital(LOINC.diastolic, 'Diastolic blood pressure', 'Diastolisk blodtrykk'), unit: 'mmHg', ucum: 'mm[Hg]' },
  spo2: { code: vital(LOINC.spo2, 'Oxygen saturation in Arterial blood', 'Oksygenmetning (SpO2)'), unit: '%', ucum: '%' },
  temperature: { code: vital(LOINC.temperature, 'Body temperature', 'Temperatur'), unit: '°C', ucum: 'Cel' },
  weight: { code: vital(LOINC.weight, 'Body weight', 'Vekt'), unit: 'kg', ucum: 'kg' },
  respiratoryRate: { code: vital(LOINC.respiratoryRate, 'Respiratory rate', 'Respirasjonsfrekvens'), unit: '/min', ucum: '/min' },
  height: { code: vital(LOINC.bodyHeight, 'Body height', 'Høyde/lengde'), unit: 'cm', ucum: 'cm' },
  headCircumference: { code: vital(LOINC.headCircumference, 'Head Occipital-frontal circumference by Tape measure', 'Hodeomkrets'), unit: 'cm', ucum: 'cm' },
} as const;

export const NEWS2_CODE = concept(CODE_SYSTEM.snomed, SNOMED.news2Total, 'Royal College of Physicians NEWS2 (National Early Warning Score 2) total score', 'NEWS2 totalskår');
export const ACVPU_CODE = concept(CODE_SYSTEM.snomed, SNOMED.acvpu, 'ACVPU (Alert Confusion Voice Pain Unresponsive) scale score', 'Bevissthet (ACVPU)');
export const ACVPU_ALERT = concept(CODE_SYSTEM.snomed, '248234008', 'Mentally alert', 'Våken (A)');

// ---------------------------------------------------------------------------------------------
// Immunisation (ATC J07) and the child health programme

export const VACCINE = {
  rota: concept(ATC, 'J07BH01', 'Rotavirus, levende svekket', 'Rotavirusvaksine (Rotarix)'),
  hexa: concept(ATC, 'J07CA09', 'Difteri-Haemophilus influenzae B-pertussis-poliomyelitt-tetanus-hepatitt B', 'Difteri, stivkrampe, kikhoste, polio, Hib og hepatitt B (Infanrix hexa)'),
  pcv: concept(ATC, 'J07AL02', 'Pneumokokk, renset polysakkaridantigen konjugert', 'Pneumokokkvaksine, konjugert (Prevenar 13)'),
  mmr: concept(ATC, 'J07BD52', 'Meslinger, kombinasjoner med kusma og røde hunder, levende svekket', 'Meslinger, kusma og røde hunder (Priorix)'),
} as const;
export type VaccineKey = keyof typeof VACCINE;

export const VACCINE_LOT_PREFIX: Record<VaccineKey, string> = { rota: 'AROLB', hexa: 'A21CE', pcv: 'HX', mmr: 'A69CG' };

export const SITE = {
  leftThigh: concept('http://terminology.hl7.org/CodeSystem/v3-ActSite', 'LT', 'left thigh', 'Venstre lår'),
  rightThigh: concept('http://terminology.hl7.org/CodeSystem/v3-ActSite', 'RT', 'right thigh', 'Høyre lår'),
  leftArm: concept('http://terminology.hl7.org/CodeSystem/v3-ActSite', 'LA', 'left arm', 'Venstre overarm'),
} as const;
export const VACCINE_ROUTE = {
  oral: concept('http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration', 'PO', 'Swallow, oral', 'Via munnen'),
  im: concept('http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration', 'IM', 'Injection, intramuscular', 'Intramuskulært'),
  sc: concept('http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration', 'SC', 'Injection, subcutaneous', 'Subkutant'),
} as const;
export const PERFORMER_FUNCTION_AP = concept('http://terminology.hl7.org/CodeSystem/v2-0443', 'AP', 'Administering Provider', 'Vaksinatør');

export type GrowthKind = 'none' | 'WL' | 'WLH' | 'WH';

export interface ProgrammeVisit {
  /** Age in days at which the consultation is due. */
  ageDays: number;
  title: string;
  home?: boolean;
  group?: boolean;
  doctor?: boolean;
  growth: GrowthKind;
  vaccines: ReadonlyArray<readonly [VaccineKey, number]>;
}

/** DOMAIN.md: the 14 consultations, the vaccines and the growth measurements. */
export const HEALTH_STATION_PROGRAMME: readonly ProgrammeVisit[] = [
  { ageDays: 8, title: 'Hjemmebesøk nyfødt (7–10 dager)', home: true, growth: 'WL', vaccines: [] },
  { ageDays: 28, title: 'Gruppekonsultasjon 4 uker', group: true, growth: 'none', vaccines: [] },
  { ageDays: 42, title: 'Konsultasjon 6 uker', doctor: true, growth: 'WL', vaccines: [['rota', 1]] },
  { ageDays: 91, title: 'Konsultasjon 3 måneder', growth: 'WLH', vaccines: [['hexa', 1], ['pcv', 1], ['rota', 2]] },
  { ageDays: 122, title: 'Konsultasjon 4 måneder', group: true, growth: 'none', vaccines: [] },
  { ageDays: 152, title: 'Konsultasjon 5 måneder', growth: 'WLH', vaccines: [['hexa', 2], ['pcv', 2]] },
  { ageDays: 183, title: 'Konsultasjon 6 måneder', doctor: true, growth: 'WLH', vaccines: [] },
  { ageDays: 243, title: 'Konsultasjon 8 måneder', growth: 'none', vaccines: [] },
  { ageDays: 304, title: 'Konsultasjon 10 måneder', growth: 'WLH', vaccines: [] },
  { ageDays: 365, title: 'Konsultasjon 12 måneder', doctor: true, growth: 'WLH', vaccines: [['hexa', 3], ['pcv', 3]] },
  { ageDays: 456, title: 'Konsultasjon 15 måneder', growth: 'none', vaccines: [['mmr', 1]] },
  { ageDays: 532, title: 'Gruppekonsultasjon 17–18 måneder', group: true, growth: 'WL', vaccines: [] },
  { ageDays: 730, title: 'Konsultasjon 2 år', doctor: true, growth: 'WH', vaccines: [] },
  { ageDays: 1461, title: 'Konsultasjon 4 år', growth: 'WH', vaccines: [] },
];

/** The childhood immunisation programme 0–5 years: vaccine, dose, age in days when due. */
export const IMMUNISATION_PROGRAMME: ReadonlyArray<{ vaccine: VaccineKey; dose: number; ageDays: number }> = HEALTH_STATION_PROGRAMME.flatMap((v) =>
  v.vaccines.map(([vaccine, dose]) => ({ vaccine, dose, ageDays: v.ageDays })),
);

// ---------------------------------------------------------------------------------------------
// Radiology

export interface RadiologyDef {
  key: string;
  code: CodeableConcept;
  conclusions: readonly string[];
}

function rad(key: string, text: string, conclusions: readonly string[]): RadiologyDef {
  return { key, code: deepFreeze({ coding: [{ system: CODE_SYSTEM.loinc, code: '18748-4', display: 'Diagnostic imaging study' }], text }), conclusions };
}

export const RADIOLOGY: Record<string, RadiologyDef> = {
  thorax: rad('thorax', 'Røntgen thorax', [
    'Fortetning i høyre underlapp forenlig med pneumoni. Ingen pleuravæske.',
    'Ingen sikre infiltrater. Normal hjertestørrelse. Frie sinus.',
    'Lett forstørret hjerteskygge og lett stase. Små mengder pleuravæske bilateralt.',
  ]),
  knee: rad('knee', 'Røntgen kne, belastet', [
    'Moderat artrose i mediale kompartiment med avsmalnet leddspalte og osteofytter.',
    'Lette degenerative forandringer. Ingen fraktur.',
  ]),
  hip: rad('hip', 'Røntgen bekken og hofte', [
    'Dislosert lårhalsfraktur på høyre side.',
    'Uttalt artrose i venstre hofteledd. Ingen fraktur.',
  ]),
  wrist: rad('wrist', 'Røntgen håndledd', ['Distal radiusfraktur med lett dorsal feilstilling.', 'Ingen sikker fraktur påvist.']),
  headCt: rad('headCt', 'CT caput uten kontrast', [
    'Ingen intrakraniell blødning. Ingen sikre tegn til ferskt infarkt.',
    'Hypodenst område i venstre a. cerebri media-område forenlig med ferskt infarkt.',
  ]),
  lumbarMr: rad('lumbarMr', 'MR columna lumbalis', [
    'Skiveprolaps L4/L5 med affeksjon av L5-rot venstre side.',
    'Degenerative forandringer uten tegn til rotaffeksjon.',
  ]),
  abdomenUs: rad('abdomenUs', 'Ultralyd abdomen', ['Gallestein uten tegn til kolecystitt. Normal lever.', 'Normale forhold. Ingen gallestein.']),
  shoulderUs: rad('shoulderUs', 'Ultralyd skulder', ['Tendinose i supraspinatussenen. Ingen ruptur.', 'Subakromial bursitt.']),
};
