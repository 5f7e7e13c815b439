import { describe, expect, it } from 'vitest';
import type { Appointment, Bundle, CarePlan, Composition, Encounter, FhirResource, MedicationAdministration, MedicationStatement, Patient, Procedure } from 'fhir/r4';
import { validateResources } from '../../mocks/seed/validate';
import type { Persona } from '../session/personnel';
import {
  checkInBundle,
  checkOutBundle,
  decisionCarePlan,
  decisionOf,
  dosesDue,
  editedDecision,
  handoverReportOf,
  iplosObservation,
  iplosOf,
  orderHandover,
  reassigned,
  tasksForSlot,
  visitsOf,
} from './homeCare';
import { IPLOS_VARIABLES, type IplosVariable } from '../domain/homeCare';

const persona: Persona = {
  id: 'bergen-homecare-nurse',
  name: 'Marius Pedersen',
  personnelGroup: 'homecare-nurse',
  practitionerId: 'prac-1',
  practitionerRoleId: 'role-1',
  organizationId: 'org-hc',
  unitName: 'Hjemmetjenesten Årstad',
  unitKind: 'home-care-district',
  municipalityCode: '4601',
  municipalityName: 'Bergen',
};

const patient: Patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Aud'], family: 'Aas' }], address: [{ use: 'home', line: ['Fjøsangerveien 12'], postalCode: '5054', city: 'Bergen' }] };
const plan = decisionCarePlan({
  id: 'cp1',
  patient: { reference: 'Patient/p1', display: 'Aud Aas' },
  service: 'home-nursing',
  hours: 7,
  start: '2026-01-01T10:00:00+01:00',
  tasks: [
    { code: 'medication', when: ['MORN', 'EVE'] },
    { code: 'personal-hygiene', when: ['MORN'] },
    { code: 'meals', when: ['NOON'] },
  ],
  author: { reference: 'PractitionerRole/role-1', display: 'Marius Pedersen' },
  district: { reference: 'Organization/org-hc', display: 'Hjemmetjenesten Årstad' },
});

function appointment(id: string, start: string, end: string, who = 'role-1'): Appointment {
  return {
    resourceType: 'Appointment',
    id,
    meta: { versionId: '1' },
    status: 'booked',
    start,
    end,
    comment: 'Nøkkelboks, kode 1234.',
    supportingInformation: [{ reference: 'CarePlan/cp1' }],
    participant: [
      { actor: { reference: 'Patient/p1', display: 'Aud Aas' }, status: 'accepted' },
      { actor: { reference: `PractitionerRole/${who}`, display: 'Marius Pedersen' }, status: 'accepted' },
    ],
  };
}

const statement = (id: string, text: string, when: string[] | undefined, asNeeded = false): MedicationStatement => ({
  resourceType: 'MedicationStatement',
  id,
  status: 'active',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text },
  dosage: [{ text: `${text} dosering`, ...(when ? { timing: { repeat: { when: when as ('MORN' | 'EVE')[] } } } : {}), ...(asNeeded ? { asNeededBoolean: true } : {}) }],
});

/** A resource as the server would store it (id and meta), for the structural validator. */
function stored(r: FhirResource, i: number): FhirResource {
  return { ...r, id: r.id ?? `x${i}`, meta: { versionId: '1', lastUpdated: '2026-11-26T08:00:00+01:00' } } as FhirResource;
}

describe('a route', () => {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      { resource: appointment('a2', '2026-11-26T11:30:00+01:00', '2026-11-26T12:00:00+01:00') },
      { resource: appointment('a1', '2026-11-26T07:30:00+01:00', '2026-11-26T08:00:00+01:00') },
      { resource: patient, search: { mode: 'include' } },
      { resource: plan, search: { mode: 'include' } },
      { resource: { resourceType: 'Encounter', id: 'e1', status: 'in-progress', class: { code: 'HH' }, appointment: [{ reference: 'Appointment/a1' }], period: { start: '2026-11-26T07:35:00+01:00' } } as Encounter, search: { mode: 'include' } },
    ],
  };

  it('reads visits in order, each with its patient, address, access notes, the tasks of its time of day and its state', () => {
    const visits = visitsOf(bundle);
    expect(visits.map((v) => v.id)).toEqual(['a1', 'a2']);
    expect(visits[0]).toMatchObject({ patientName: 'Aud Aas', address: 'Fjøsangerveien 12, 5054 Bergen', access: 'Nøkkelboks, kode 1234.', slot: 'MORN', state: 'in-progress', worker: { roleId: 'role-1' } });
    expect(visits[0]!.tasks.map((t) => t.code)).toEqual(['medication', 'personal-hygiene']);
    expect(visits[1]).toMatchObject({ slot: 'NOON', state: 'planned' });
    expect(visits[1]!.tasks.map((t) => t.code)).toEqual(['meals']);
  });

  it('leaves out the tasks of decisions no longer active', () => {
    expect(tasksForSlot([{ ...plan, status: 'revoked' }], 'MORN')).toEqual([]);
  });

  it('gives the doses due at the visit from the medication list, not those as needed or at other times', () => {
    const doses = dosesDue([statement('m1', 'Ramipril', ['MORN']), statement('m2', 'Insulin', ['EVE']), statement('m3', 'Paracetamol', undefined, true), statement('m4', 'Alendronsyre', ['MORN']), { ...statement('m5', 'Seponert', ['MORN']), status: 'stopped' }], 'MORN');
    expect(doses.map((d) => d.name)).toEqual(['Alendronsyre', 'Ramipril']);
  });

  it('moves a visit to a colleague by changing the worker only', () => {
    const moved = reassigned(appointment('a1', '2026-11-26T07:30:00+01:00', '2026-11-26T08:00:00+01:00'), { roleId: 'role-2', name: 'Kari Nilsen' });
    expect(moved.participant.map((p) => p.actor?.reference)).toEqual(['Patient/p1', 'PractitionerRole/role-2']);
  });
});

describe('a visit written to the journal', () => {
  const visit = visitsOf({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: appointment('a1', '2026-11-26T07:30:00+01:00', '2026-11-26T08:00:00+01:00') }, { resource: patient }, { resource: plan }] })[0]!;
  const doses = dosesDue([statement('m1', 'Ramipril', ['MORN']), statement('m4', 'Alendronsyre', ['MORN'])], 'MORN');

  it('checks in with an Encounter begun at the time of check-in and the Appointment arrived (If-Match the version seen)', () => {
    const bundle = checkInBundle(visit, persona, Date.parse('2026-11-26T07:34:00+01:00'));
    const encounter = bundle.entry![0]!.resource as Encounter;
    expect(encounter).toMatchObject({ status: 'in-progress', class: { code: 'HH' }, appointment: [{ reference: 'Appointment/a1' }] });
    expect(Date.parse(encounter.period!.start!)).toBe(Date.parse('2026-11-26T07:34:00+01:00'));
    expect(bundle.entry![1]!.request).toMatchObject({ method: 'PUT', url: 'Appointment/a1', ifMatch: 'W/"1"' });
    expect((bundle.entry![1]!.resource as Appointment).status).toBe('arrived');
  });

  it('checks out with the tasks, the doses, the vital signs and the report with its deviations, all valid FHIR', () => {
    const { bundle, deviations } = checkOutBundle(
      visit,
      {
        checkedInAtMs: Date.parse('2026-11-26T07:34:00+01:00'),
        tasks: { medication: { done: true }, 'personal-hygiene': { done: false, reason: 'Ville ikke i dag' } },
        doses: { m4: { status: 'given' }, m1: { status: 'refused', reason: 'Kvalm' } },
        vitals: [],
        news2: 6,
        vitalsText: 'Målt NEWS2 6.',
        report: 'Rolig.\nSatt i stolen.',
      },
      doses,
      persona,
      Date.parse('2026-11-26T08:02:00+01:00'),
    );
    const resources = bundle.entry!.map((e) => e.resource!);
    expect(validateResources(resources.map(stored), { resolveReferences: false })).toEqual([]);
    const encounter = resources.find((r): r is Encounter => r.resourceType === 'Encounter')!;
    // The check-in had not reached the journal: the Encounter is created here, begun at check-in.
    expect(bundle.entry![0]!.request!.method).toBe('POST');
    expect(encounter.status).toBe('finished');
    expect(Date.parse(encounter.period!.start!)).toBe(Date.parse('2026-11-26T07:34:00+01:00'));
    const procedures = resources.filter((r): r is Procedure => r.resourceType === 'Procedure');
    expect(procedures.map((p) => [p.code?.coding?.[0]?.code, p.status, p.statusReason?.text])).toEqual([
      ['medication', 'completed', undefined],
      ['personal-hygiene', 'not-done', 'Ville ikke i dag'],
    ]);
    expect(procedures[0]!.basedOn).toEqual([{ reference: 'CarePlan/cp1' }]);
    const admins = resources.filter((r): r is MedicationAdministration => r.resourceType === 'MedicationAdministration');
    expect(admins.map((a) => [a.medicationCodeableConcept?.text, a.status, a.statusReason?.[0]?.coding?.[0]?.code, a.statusReason?.[0]?.text])).toEqual([
      ['Alendronsyre', 'completed', undefined, undefined],
      ['Ramipril', 'not-done', 'refused', 'Kvalm'],
    ]);
    const note = resources.find((r): r is Composition => r.resourceType === 'Composition')!;
    expect(note).toMatchObject({ status: 'final', type: { coding: [{ code: 'home-visit-report' }] }, custodian: { reference: 'Organization/org-hc' } });
    expect(note.section!.map((s) => s.title)).toEqual(['Rapport', 'Avvik', 'Målinger', 'Tiltak', 'Legemidler']);
    expect(deviations.map((d) => d.kind)).toEqual(['news2', 'dose-not-given', 'task-not-done']);
    expect((bundle.entry!.at(-1)!.resource as Appointment).status).toBe('fulfilled');

    // The handover reads it back: the deviations first, in words.
    const report = handoverReportOf({ ...note, id: 'n1' });
    expect(report.deviations).toEqual(['NEWS2 6 (middels)', 'Ramipril: ikke tatt, pasienten ville ikke – Kvalm', 'Personlig hygiene: ikke utført – Ville ikke i dag']);
    expect(report.report).toBe('Rolig.\nSatt i stolen.');
    const plain = { ...report, id: 'n2', deviations: [], at: '2026-11-26T09:00:00+01:00' };
    expect(orderHandover([plain, report]).map((r) => r.id)).toEqual(['n1', 'n2']);
  });

  it('reads the seed’s reports (one Rapport section) for the handover', () => {
    const seeded: Composition = {
      resourceType: 'Composition',
      id: 's1',
      status: 'final',
      type: { text: 'Rapport fra hjemmebesøk' },
      date: '2026-11-26T08:00:00+01:00',
      author: [{ display: 'Kari' }],
      title: 'Rapport fra hjemmebesøk',
      subject: { reference: 'Patient/p1', display: 'Aud Aas' },
      section: [{ title: 'Rapport', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Fin dag.</p></div>' } }],
    };
    expect(handoverReportOf(seeded)).toMatchObject({ patientId: 'p1', report: 'Fin dag.', deviations: [] });
  });
});

describe('service decisions and IPLOS', () => {
  it('reads a decision back: service, weekly hours, tasks by time of day', () => {
    expect(decisionOf(plan)).toMatchObject({ service: 'home-nursing', hours: 7, tasks: [{ code: 'medication', when: ['MORN', 'EVE'] }, { code: 'personal-hygiene', when: ['MORN'] }, { code: 'meals', when: ['NOON'] }] });
    const edited = editedDecision({ ...plan, meta: { versionId: '3' } } as CarePlan, 10.5, decisionOf(plan).tasks, persona);
    expect(decisionOf(edited).hours).toBe(10.5);
    expect(edited.meta?.versionId).toBe('3');
    expect(validateResources([stored(plan, 0)], { resolveReferences: false })).toEqual([]);
  });

  it('writes IPLOS as one Observation with twenty components and reads it back', () => {
    const scores = Object.fromEntries(IPLOS_VARIABLES.map((v, i) => [v, i % 6 === 5 ? 9 : (i % 5) + 1])) as Record<IplosVariable, number>;
    const obs = iplosObservation({ patient: { reference: 'Patient/p1' }, date: '2026-10-01', scores, performer: { reference: 'PractitionerRole/role-1', display: 'Marius Pedersen' } });
    expect(obs.component).toHaveLength(20);
    expect(validateResources([stored(obs, 0)], { resolveReferences: false })).toEqual([]);
    expect(iplosOf({ ...obs, id: 'o1' })).toEqual({ id: 'o1', date: '2026-10-01', by: 'Marius Pedersen', scores });
  });
});
