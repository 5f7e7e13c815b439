// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Appointment, CarePlan, MedicationStatement, Observation, Patient, PractitionerRole } from 'fhir/r4';
import { createMockBackend } from '../fhir-server/backend';
import { validateResources } from '../seed/validate';
import { dueInSlot } from '../../src/domain/homeCare';
import { decisionOf, iplosOf, isCoordinator } from '../../src/fhir/homeCare';
import { apportion } from './homeCare';

const NOW = new Date('2026-11-26T10:15:00+01:00');

describe('home care’s day', () => {
  it('gives every district a coordinator, decisions with tasks and IPLOS, and routes of 8–12 visits per worker; valid FHIR', async () => {
    const backend = createMockBackend({ scenarioId: 'standard', seedOptions: { patients: 3000, heavyPatients: 0 }, now: () => NOW });
    const repo = await backend.repository();
    const personas = await backend.personas();
    const written = ['Appointment', 'CarePlan', 'Observation', 'EpisodeOfCare'].flatMap((type) => [...repo.all(type)].filter((r) => r.id?.startsWith('scn-hc-')));
    expect(validateResources(written as never[], { resolveReferences: false })).toEqual([]);

    const roles = [...repo.all('PractitionerRole')] as PractitionerRole[];
    const coordinators = roles.filter(isCoordinator);
    expect(coordinators).toHaveLength(6);
    const nurse = personas.find((p) => p.id === 'bergen-homecare-nurse')!;
    expect(coordinators.map((r) => r.id)).toContain(nurse.practitionerRoleId);
    expect(isCoordinator(roles.find((r) => r.id === personas.find((p) => p.id === 'bergen-homecare-worker')!.practitionerRoleId))).toBe(false);

    const visits = [...repo.all('Appointment')].filter((a) => a.id?.startsWith('scn-hc-')) as Appointment[];
    const perWorker = new Map<string, number>();
    for (const a of visits) {
      const worker = a.participant.find((p) => p.actor?.reference?.startsWith('PractitionerRole/'))!.actor!.reference!;
      perWorker.set(worker, (perWorker.get(worker) ?? 0) + 1);
      // Day shift, today, with access notes and the decisions behind it.
      expect(a.start!.slice(0, 10)).toBe('2026-11-26');
      expect(Number(a.start!.slice(11, 13))).toBeGreaterThanOrEqual(7);
      expect(Date.parse(a.end!)).toBeLessThanOrEqual(Date.parse('2026-11-26T16:00:00+01:00'));
      expect(a.comment).toBeTruthy();
      expect(repo.get('CarePlan', a.supportingInformation![0]!.reference!.split('/')[1]!)).toBeDefined();
    }
    expect(perWorker.size).toBe(48);
    for (const n of perWorker.values()) {
      expect(n).toBeGreaterThanOrEqual(8);
      expect(n).toBeLessThanOrEqual(12);
    }

    const plans = [...repo.all('CarePlan')].filter((c) => c.id?.startsWith('scn-hc-vedtak-')) as CarePlan[];
    expect(plans.length).toBeGreaterThanOrEqual(6 * 40);
    for (const p of plans.slice(0, 50)) {
      const d = decisionOf(p);
      expect(d.hours).toBeGreaterThan(0);
      expect(d.tasks.length).toBeGreaterThan(0);
      const iplos = repo.get('Observation', `scn-hc-iplos-${p.subject.reference!.split('/')[1]}`) as Observation;
      expect(Object.keys(iplosOf(iplos).scores)).toHaveLength(20);
    }

    // The persona nurse's first visit: a patient of a GP persona with two morning doses.
    const mine = visits.filter((a) => a.participant.some((p) => p.actor?.reference === `PractitionerRole/${nurse.practitionerRoleId}`)).sort((a, b) => a.start!.localeCompare(b.start!));
    const patientId = mine[0]!.participant[0]!.actor!.reference!.split('/')[1]!;
    const patient = repo.get('Patient', patientId) as Patient;
    const gpRoles = personas.filter((p) => p.personnelGroup === 'gp').map((p) => `PractitionerRole/${p.practitionerRoleId}`);
    expect(gpRoles).toContain(patient.generalPractitioner?.[0]?.reference);
    const morning = ([...(repo.byPatient('MedicationStatement', patientId) ?? [])] as MedicationStatement[]).filter((m) => m.status === 'active' && dueInSlot(m.dosage?.[0]?.timing?.repeat?.when ?? [], 'MORN'));
    expect(morning.length).toBeGreaterThanOrEqual(2);
    // Scenario changes are the starting state, not part of the saved delta.
    expect((await backend.state()).changes).toBe(0);
  });

  it('gives the bench persona a long route of 25 visits', async () => {
    const backend = createMockBackend({ scenarioId: 'small', now: () => NOW });
    const repo = await backend.repository();
    const personas = await backend.personas();
    const nurse = personas.find((p) => p.id === 'bergen-homecare-nurse')!;
    // The long route: its own scenario (3,000 patients here, as the journeys use).
    const long = createMockBackend({ scenarioId: 'home-care-long-route', seedOptions: { patients: 3000, heavyPatients: 0 }, now: () => NOW });
    const longRepo = await long.repository();
    const count = (r: typeof repo) => [...r.all('Appointment')].filter((a) => (a as Appointment).participant.some((p) => p.actor?.reference === `PractitionerRole/${nurse.practitionerRoleId}`) && a.id?.startsWith('scn-hc-')).length;
    expect(count(longRepo)).toBe(25);
    // The small scenario (300 patients) still gives the persona a route.
    expect(count(repo)).toBeGreaterThan(0);
  });

  it('shares visits in proportion to the workers’ quotas, in whole numbers', () => {
    expect(apportion(80, [10, 10, 10, 10, 10, 10, 10, 10])).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
    expect(apportion(10, [25, 10, 10])).toEqual([6, 2, 2]);
    expect(apportion(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(apportion(0, [1, 1])).toEqual([0, 0]);
  });
});
