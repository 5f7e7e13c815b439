// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Bundle, Composition, Encounter, Observation, Patient } from 'fhir/r4';
import { fhirAs, mockBackendSession } from '../../mocks/testing';
import { toQuery } from './client';
import {
  arrivalEncounter,
  boardSearch,
  boardStatusOf,
  departureBundle,
  filterVisits,
  initialsOf,
  sortVisits,
  temporaryPatient,
  toVisit,
  triageBundle,
  triageHistorySearch,
  triageRecord,
  visitsOf,
  waitOf,
  withBoardStatus,
  type EdVisit,
} from './emergency';

const NOW = Date.parse('2026-11-26T10:00:00+01:00');
const visit = (o: Partial<EdVisit> & { id: string }): EdVisit => ({
  encounter: { resourceType: 'Encounter', status: 'arrived', class: { code: 'EMER' } },
  patientId: undefined,
  patientName: 'X',
  initials: 'X.',
  temporaryIdentity: false,
  arrivalMs: NOW,
  reason: '',
  level: undefined,
  status: 'waiting-triage',
  ...o,
});

describe('the board model', () => {
  it('initials, never the full name', () => {
    expect(initialsOf('Sana Butt')).toBe('S.B.');
    expect(initialsOf('Hansen, Ola Johan')).toBe('H.O.J.');
    expect(initialsOf('Åse Ødegård-Li')).toBe('Å.Ø.L.');
  });

  it('time waited turns to a warning near the target and an alarm past it, only while waiting', () => {
    const orange = { level: 2 as const, status: 'waiting-doctor' as const, arrivalMs: NOW };
    expect(waitOf(orange, NOW + 5 * 60_000)).toEqual({ minutes: 5, state: 'ok' });
    expect(waitOf(orange, NOW + 8 * 60_000)).toEqual({ minutes: 8, state: 'warning' });
    expect(waitOf(orange, NOW + 10 * 60_000 + 59_000)).toEqual({ minutes: 10, state: 'warning' });
    expect(waitOf(orange, NOW + 11 * 60_000)).toEqual({ minutes: 11, state: 'alarm' });
    expect(waitOf({ ...orange, status: 'treatment' }, NOW + 60 * 60_000).state).toBe('none');
    expect(waitOf({ ...orange, level: undefined, status: 'waiting-triage' }, NOW + 60 * 60_000).state).toBe('none');
  });

  it('sorts by time left to the target (untriaged first), the treated after the waiting', () => {
    const rows = [
      visit({ id: 'green-early', level: 4, status: 'waiting-doctor', arrivalMs: NOW - 100 * 60_000 }),
      visit({ id: 'orange-now', level: 2, status: 'waiting-doctor', arrivalMs: NOW }),
      visit({ id: 'untriaged', status: 'waiting-triage', arrivalMs: NOW - 60_000 }),
      visit({ id: 'red-treated', level: 1, status: 'treatment', arrivalMs: NOW - 30 * 60_000 }),
    ];
    expect(sortVisits(rows, 'priority').map((r) => r.id)).toEqual(['untriaged', 'orange-now', 'green-early', 'red-treated']);
    expect(sortVisits(rows, 'level').map((r) => r.id)).toEqual(['untriaged', 'red-treated', 'orange-now', 'green-early']);
    expect(sortVisits(rows, 'arrival').map((r) => r.id)).toEqual(['green-early', 'red-treated', 'untriaged', 'orange-now']);
  });

  it('filters by level, status and responsible person', () => {
    const rows = [
      visit({ id: 'a', level: 2, status: 'waiting-doctor', nurse: { reference: 'PractitionerRole/n1', name: 'N' } }),
      visit({ id: 'b', level: 3, status: 'treatment', doctor: { reference: 'PractitionerRole/d1', name: 'D' } }),
      visit({ id: 'c', status: 'waiting-triage' }),
    ];
    expect(filterVisits(rows, { levels: [2], statuses: [] }).map((r) => r.id)).toEqual(['a']);
    expect(filterVisits(rows, { levels: ['none'], statuses: [] }).map((r) => r.id)).toEqual(['c']);
    expect(filterVisits(rows, { levels: [], statuses: ['treatment'] }).map((r) => r.id)).toEqual(['b']);
    expect(filterVisits(rows, { levels: [], statuses: [], responsible: 'PractitionerRole/d1' }).map((r) => r.id)).toEqual(['b']);
  });

  it('the sub-status lives in an extension; status history is kept', () => {
    const start: Encounter = { resourceType: 'Encounter', status: 'arrived', class: { code: 'EMER' }, period: { start: '2026-11-26T09:00:00+01:00' } };
    const treated = withBoardStatus(withBoardStatus(start, 'waiting-doctor', NOW - 30 * 60_000), 'treatment', NOW - 10 * 60_000);
    const observed = withBoardStatus(treated, 'observation', NOW);
    expect(boardStatusOf(observed)).toBe('observation');
    expect(observed.status).toBe('in-progress');
    expect(observed.statusHistory?.map((h) => h.status)).toEqual(['arrived', 'triaged']);
    expect(boardStatusOf(withBoardStatus(observed, 'treatment', NOW))).toBe('treatment');
    expect(withBoardStatus(observed, 'treatment', NOW).extension).toBeUndefined();
  });
});

describe('the emergency clinic against the mock journal', () => {
  it('registers, triages (history kept), changes the level, and a departure writes the note the GP sees', async () => {
    const nurse = await mockBackendSession('ed-nurse', { municipality: 'Bergen', fresh: true });
    const doctorPersona = (await nurse.backend.personas()).find((p) => p.id === 'bergen-ed-doctor')!;
    const { body: board } = await fhirAs<Bundle>(nurse, 'GET', `Encounter${toQuery(boardSearch(nurse.persona.organizationId))}`);
    const present = visitsOf(board);
    expect(present.length).toBeGreaterThanOrEqual(5);
    expect(new Set(present.map((v) => v.status)).size).toBeGreaterThanOrEqual(3);

    const { body: found } = await fhirAs<Bundle<Patient>>(nurse, 'GET', 'Patient?address-district=Bergen&_count=1');
    const patient = found.entry![0]!.resource!;
    const created = await fhirAs<Encounter>(nurse, 'POST', 'Encounter', arrivalEncounter({ patient, reason: 'Brystsmerter', persona: nurse.persona, nowMs: NOW }));
    expect(created.status).toBe(201);
    let encounter = created.body;

    for (const level of [2, 1] as const) {
      const tx = await fhirAs<Bundle>(nurse, 'POST', '', triageBundle(encounter, { level, reason: 'Trykk i brystet', vitals: { respiratoryRate: 22, spo2: 94, systolicBp: 105, pulse: 112, temperature: 37.2, consciousness: 'A', onOxygen: false } }, nurse.persona, NOW + 5 * 60_000));
      expect(tx.status).toBe(200);
      encounter = (await fhirAs<Encounter>(nurse, 'GET', `Encounter/${encounter.id!}`)).body;
    }
    expect(encounter.status).toBe('triaged');
    expect(toVisit(encounter, new Map()).level).toBe(1);
    const { body: history } = await fhirAs<Bundle<Observation>>(nurse, 'GET', `Observation${toQuery(triageHistorySearch(encounter.id!))}`);
    const records = (history.entry ?? []).map((e) => triageRecord(e.resource!));
    expect(records.map((r) => r.level).sort()).toEqual([1, 2]);
    expect(records[0]!.news2).toBe(6); // RR 22 → 2, SpO2 94 → 1, BP 105 → 1, pulse 112 → 2

    const doctorToken = await nurse.backend.handle(new Request('http://test/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: doctorPersona.id }) }));
    const doctor = { ...nurse, persona: doctorPersona, token: ((await doctorToken!.json()) as { access_token: string }).access_token };
    const v = toVisit(encounter, new Map());
    const tx = await fhirAs<Bundle>(doctor, 'POST', '', departureBundle(v, { findings: 'Normal EKG.', assessment: 'Muskulære smerter.', measures: 'Paracet.', diagnosis: { system: 'icpc2', code: 'L04', text: 'Brystsymptomer/plager' }, departure: 'gp', followUp: 'Kontroll hos fastlege om en uke' }, doctorPersona, NOW + 60 * 60_000));
    expect(tx.status).toBe(200);
    const done = (await fhirAs<Encounter>(doctor, 'GET', `Encounter/${encounter.id!}`)).body;
    expect(done.status).toBe('finished');
    expect(done.hospitalization?.dischargeDisposition?.coding?.[0]?.code).toBe('gp');
    expect(done.diagnosis?.[0]?.condition.reference).toMatch(/^Condition\//);
    const { body: notes } = await fhirAs<Bundle<Composition>>(doctor, 'GET', `Composition?patient=${patient.id!}&status=final,amended&_sort=-date&_count=1`);
    const note = notes.entry![0]!.resource!;
    expect(note.type.coding?.[0]?.code).toBe('emergency-note');
    expect(note.section?.map((s) => s.title)).toEqual(['Årsak', 'Hastegrad', 'Funn', 'Vurdering', 'Tiltak', 'Videre oppfølging']);
  });

  it('a patient of unknown identity gets a temporary identity in the same transaction as the arrival', async () => {
    const nurse = await mockBackendSession('ed-nurse', { municipality: 'Bergen' });
    const patient = temporaryPatient({ gender: 'male', approxAge: 40, description: 'Rød jakke', nowMs: NOW, random: 0.5, persona: nurse.persona });
    const encounter = arrivalEncounter({ patient: { ...patient, id: 'x' }, reason: 'Funnet bevisstløs', persona: nurse.persona, nowMs: NOW });
    encounter.subject = { reference: 'urn:uuid:p' };
    const tx = await fhirAs<Bundle>(nurse, 'POST', '', {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:p', resource: patient, request: { method: 'POST', url: 'Patient' } },
        { resource: encounter, request: { method: 'POST', url: 'Encounter' } },
      ],
    });
    expect(tx.status).toBe(200);
    const { body: board } = await fhirAs<Bundle>(nurse, 'GET', `Encounter${toQuery(boardSearch(nurse.persona.organizationId))}`);
    const row = visitsOf(board).find((v) => v.reason === 'Funnet bevisstløs')!;
    expect(row.temporaryIdentity).toBe(true);
    expect(row.patientName).toContain('Ukjent');
  });
});
