import type {
  AllergyIntolerance,
  Appointment,
  Condition,
  Encounter,
  FhirResource,
  Flag,
  MedicationStatement,
  Observation,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
} from 'fhir/r4';
import type { Persona } from '../../src/session/personnel';
import { CODE_SYSTEM, IDENTIFIER, LOINC } from '../../src/domain/codeSystems';
import type { DataSource } from './backend';
import type { Scenario } from '../scenarios/index';

/**
 * Small hand-made data for the mock server's own tests (no seed needed): two organisations,
 * two practitioners, a handful of named patients with Norwegian letters, 120 numbered patients
 * for paging, and a little clinical history.
 */

const meta = { versionId: '1', lastUpdated: '2026-01-01T00:00:00Z' };

export const organizations: Organization[] = [
  {
    resourceType: 'Organization',
    id: 'org-bergen',
    meta,
    name: 'Bergen legesenter',
    identifier: [{ system: IDENTIFIER.orgnr, value: '999999001' }],
    type: [{ coding: [{ system: CODE_SYSTEM.unitKind, code: 'gp-office' }] }],
    address: [{ city: 'Bergen', district: 'Bergen', postalCode: '5003' }],
  },
  {
    resourceType: 'Organization',
    id: 'org-oslo',
    meta,
    name: 'Oslo hjemmetjeneste',
    identifier: [{ system: IDENTIFIER.orgnr, value: '999999002' }],
    type: [{ coding: [{ system: CODE_SYSTEM.unitKind, code: 'home-care-district' }] }],
    partOf: { reference: 'Organization/org-bergen' },
  },
];

export const practitioners: Practitioner[] = [
  { resourceType: 'Practitioner', id: 'pr-gp', meta, name: [{ family: 'Hansen', given: ['Ingrid'] }], identifier: [{ system: IDENTIFIER.hpr, value: '1000001' }] },
  { resourceType: 'Practitioner', id: 'pr-nurse', meta, name: [{ family: 'Bakke', given: ['Lars'] }], identifier: [{ system: IDENTIFIER.hpr, value: '1000002' }] },
];

export const roles: PractitionerRole[] = [
  {
    resourceType: 'PractitionerRole',
    id: 'role-gp',
    meta,
    practitioner: { reference: 'Practitioner/pr-gp' },
    organization: { reference: 'Organization/org-bergen' },
    code: [{ coding: [{ system: CODE_SYSTEM.personnelGroup, code: 'gp' }] }],
  },
  {
    resourceType: 'PractitionerRole',
    id: 'role-nurse',
    meta,
    practitioner: { reference: 'Practitioner/pr-nurse' },
    organization: { reference: 'Organization/org-oslo' },
    code: [{ coding: [{ system: CODE_SYSTEM.personnelGroup, code: 'homecare-nurse' }] }],
  },
];

export const personas: Persona[] = [
  {
    id: 'gp-bergen',
    name: 'Ingrid Hansen',
    personnelGroup: 'gp',
    practitionerId: 'pr-gp',
    practitionerRoleId: 'role-gp',
    organizationId: 'org-bergen',
    unitName: 'Bergen legesenter',
    unitKind: 'gp-office',
    municipalityCode: '4601',
    municipalityName: 'Bergen',
    hprNumber: '1000001',
  },
  {
    id: 'nurse-oslo',
    name: 'Lars Bakke',
    personnelGroup: 'homecare-nurse',
    practitionerId: 'pr-nurse',
    practitionerRoleId: 'role-nurse',
    organizationId: 'org-oslo',
    unitName: 'Oslo hjemmetjeneste',
    unitKind: 'home-care-district',
    municipalityCode: '0301',
    municipalityName: 'Oslo',
  },
];

function patient(id: string, family: string, given: string[], birthDate: string, fnr: string, gender: Patient['gender'], extra: Partial<Patient> = {}): Patient {
  return {
    resourceType: 'Patient',
    id,
    meta,
    identifier: [{ system: IDENTIFIER.fnr, value: fnr }],
    name: [{ use: 'official', family, given }],
    gender,
    birthDate,
    generalPractitioner: [{ reference: 'PractitionerRole/role-gp' }],
    address: [{ city: 'Bergen', postalCode: '5003', district: 'Bergen' }],
    ...extra,
  };
}

export const namedPatients: Patient[] = [
  patient('p-ola', 'Nordmann', ['Ola'], '1980-05-17', '17858012345', 'male', { telecom: [{ system: 'phone', value: '90000001' }] }),
  patient('p-kari', 'Øvrebø', ['Kari'], '1975-12-01', '01927512345', 'female'),
  patient('p-ase', 'Ærlig', ['Åse'], '1950-03-03', '03835012345', 'female', { address: [{ city: 'Oslo', district: 'Oslo' }] }),
  patient('p-per', 'Olsen', ['Per', 'Olav'], '2019-07-30', '30871912345', 'male', { generalPractitioner: [{ reference: 'PractitionerRole/role-nurse' }] }),
  patient('p-anne', 'Berg-Nordmann', ['Anne-Marie'], '1990-01-15', '15909012345', 'female', {
    identifier: [
      { system: IDENTIFIER.fnr, value: '15909012345' },
      { system: IDENTIFIER.temporary, value: 'T-42' },
    ],
  }),
  patient('p-jose', 'Ødegård', ['José'], '1966-06-06', '06866612345', 'male', { deceasedDateTime: '2025-01-01' }),
];

export const numberedPatients: Patient[] = Array.from({ length: 120 }, (_, i) =>
  patient(`p-n${String(i + 1).padStart(3, '0')}`, `Testesen${String(i + 1).padStart(3, '0')}`, ['Nummer'], `2000-01-${String((i % 28) + 1).padStart(2, '0')}`, `0${i}`, i % 2 ? 'male' : 'female'),
);

const ola = { reference: 'Patient/p-ola' };
const kari = { reference: 'Patient/p-kari' };

export const clinical: FhirResource[] = [
  {
    resourceType: 'Condition',
    id: 'c-1',
    meta,
    subject: ola,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: CODE_SYSTEM.icpc2, code: 'T90', display: 'Diabetes type 2' }], text: 'Diabetes type 2' },
    onsetDateTime: '2015-03-10',
    recordedDate: '2015-03-12T10:00:00+01:00',
  } satisfies Condition,
  {
    resourceType: 'Condition',
    id: 'c-2',
    meta,
    subject: ola,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
    code: { coding: [{ system: CODE_SYSTEM.icpc2, code: 'R74', display: 'Akutt øvre luftveisinfeksjon' }] },
    onsetPeriod: { start: '2024-02-01', end: '2024-02-14' },
  } satisfies Condition,
  {
    resourceType: 'Condition',
    id: 'c-3',
    meta,
    subject: kari,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: CODE_SYSTEM.icd10, code: 'I10', display: 'Essensiell hypertensjon' }] },
    onsetDateTime: '2020-06-01',
  } satisfies Condition,
  {
    resourceType: 'Observation',
    id: 'o-1',
    meta: { ...meta, tag: [{ system: 'urn:akson:codesystem:review-status', code: 'unreviewed' }] },
    status: 'final',
    subject: ola,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: CODE_SYSTEM.loinc, code: LOINC.heartRate }] },
    effectiveDateTime: '2026-11-26T00:30:00+01:00',
    valueQuantity: { value: 72, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  } satisfies Observation,
  {
    resourceType: 'Observation',
    id: 'o-2',
    meta,
    status: 'final',
    subject: ola,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: CODE_SYSTEM.nlk, code: 'NPU02187' }] },
    effectiveDateTime: '2026-11-25T23:59:59+01:00',
    valueQuantity: { value: 5.4, unit: 'mmol/L' },
  } satisfies Observation,
  {
    resourceType: 'Observation',
    id: 'o-3',
    meta,
    status: 'final',
    subject: kari,
    code: { coding: [{ system: CODE_SYSTEM.loinc, code: LOINC.heartRate }] },
    effectiveDateTime: '2026-10-15T12:00:00Z',
  } satisfies Observation,
  {
    resourceType: 'Observation',
    id: 'o-4',
    meta,
    status: 'preliminary',
    subject: ola,
    code: { coding: [{ system: CODE_SYSTEM.loinc, code: LOINC.spo2 }] },
    effectivePeriod: { start: '2026-11-20T08:00:00+01:00' },
  } satisfies Observation,
  {
    resourceType: 'AllergyIntolerance',
    id: 'a-1',
    meta,
    patient: ola,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    criticality: 'high',
    category: ['medication'],
    code: { coding: [{ system: CODE_SYSTEM.atc, code: 'J01CE02', display: 'Fenoksymetylpenicillin' }], text: 'Penicillin' },
  } satisfies AllergyIntolerance,
  {
    resourceType: 'Flag',
    id: 'f-1',
    meta,
    status: 'active',
    subject: ola,
    code: { text: 'Smitte: MRSA' },
    category: [{ coding: [{ system: CODE_SYSTEM.criticalInfoCategory, code: 'infection' }] }],
  } satisfies Flag,
  {
    resourceType: 'MedicationStatement',
    id: 'm-1',
    meta,
    status: 'active',
    subject: ola,
    medicationCodeableConcept: { coding: [{ system: CODE_SYSTEM.atc, code: 'A10BA02', display: 'Metformin' }] },
    effectivePeriod: { start: '2015-03-12' },
  } satisfies MedicationStatement,
  {
    resourceType: 'Appointment',
    id: 'ap-1',
    meta,
    status: 'booked',
    start: '2026-11-26T08:00:00+01:00',
    end: '2026-11-26T08:20:00+01:00',
    participant: [
      { actor: ola, status: 'accepted' },
      { actor: { reference: 'PractitionerRole/role-gp' }, status: 'accepted' },
      { actor: { reference: 'Practitioner/pr-gp' }, status: 'accepted' },
    ],
  } satisfies Appointment,
  {
    resourceType: 'Appointment',
    id: 'ap-2',
    meta,
    status: 'booked',
    start: '2026-11-27T09:00:00+01:00',
    participant: [
      { actor: kari, status: 'accepted' },
      { actor: { reference: 'PractitionerRole/role-gp' }, status: 'accepted' },
    ],
  } satisfies Appointment,
  {
    resourceType: 'Encounter',
    id: 'e-1',
    meta,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: ola,
    period: { start: '2026-11-01T09:00:00+01:00', end: '2026-11-01T09:20:00+01:00' },
    serviceProvider: { reference: 'Organization/org-bergen' },
    participant: [{ individual: { reference: 'Practitioner/pr-gp' } }],
  } satisfies Encounter,
];

export const fixtureCore = {
  municipalities: [
    { code: '4601', name: 'Bergen', county: 'Vestland' },
    { code: '0301', name: 'Oslo', county: 'Oslo' },
  ],
  resources: [...organizations, ...practitioners, ...roles] as FhirResource[],
  personas,
};

export function allFixtureResources(): FhirResource[] {
  return [...fixtureCore.resources, ...namedPatients, ...numberedPatients, ...clinical];
}

/** A DataSource for createMockBackend that serves the fixtures, counting generateClinical calls. */
export function fixtureDataSource(): DataSource & { clinicalCalls: number } {
  const source = {
    clinicalCalls: 0,
    defaults: { seed: 1, patients: 126 },
    generateCore: () => fixtureCore,
    generateClinical: () => {
      source.clinicalCalls++;
      return [...namedPatients, ...numberedPatients, ...clinical];
    },
  };
  return source;
}

export const fixtureScenarios: Scenario[] = [
  {
    id: 'fixture',
    version: 1,
    title: { nb: 'Testdata', en: 'Test data' },
    description: { nb: 'Håndlagde testdata.', en: 'Hand-made test data.' },
    tasks: { nb: [], en: [] },
    now: '2026-11-26T09:00:00+01:00',
  },
  {
    id: 'fixture-flag',
    version: 1,
    title: { nb: 'Testdata med flagg', en: 'Test data with a flag' },
    description: { nb: 'Som testdata, pluss et flagg.', en: 'As the test data, plus a flag.' },
    tasks: { nb: ['Finn flagget.'], en: ['Find the flag.'] },
    now: '2026-11-26T09:00:00+01:00',
    apply(repo) {
      repo.create({ resourceType: 'Flag', id: 'scenario-flag', status: 'active', subject: { reference: 'Patient/p-kari' }, code: { text: 'Scenario' } } satisfies Flag);
    },
  },
];
