// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DiagnosticReport, Observation, Patient } from 'fhir/r4';
import { DEFAULT_SCENARIO_ID, getScenario, SCENARIOS } from './index';
import { createMockBackend } from '../fhir-server/backend';
import { osloDate } from '../fhir-server/dates';

const NOW = new Date('2026-11-26T10:15:00+01:00');

describe('scenarios', () => {
  it('have unique ids, a version, texts in nb and en, and the default exists', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(getScenario(DEFAULT_SCENARIO_ID)?.title.nb).toBe('Standard kommune');
    for (const s of SCENARIOS) {
      expect(s.version).toBeGreaterThan(0);
      expect(s.title.nb && s.title.en && s.description.nb && s.description.en).toBeTruthy();
      expect(s.tasks.nb.length).toBe(s.tasks.en.length);
    }
    expect(getScenario('nope')).toBeUndefined();
  });

  it('small has 300 seeded patients and starts at the current minute', async () => {
    const backend = createMockBackend({ scenarioId: 'small', now: () => NOW });
    const repo = await backend.repository();
    expect(repo.count('Patient')).toBe(301); // the seed's 300 and the health station's 12-month-old (healthStation.ts)
    const state = await backend.state();
    expect(state.dataNow).toBe('2026-11-26T09:15:00.000Z');
    expect(state.seed.patients).toBe(300);
  });

  it('gp-abnormal-results adds unseen abnormal results from this morning for the Bergen GP’s list patients', async () => {
    const backend = createMockBackend({ scenarioId: 'gp-abnormal-results', seedOptions: { patients: 300, heavyPatients: 0 }, now: () => NOW });
    const repo = await backend.repository();
    const gp = (await backend.personas()).find((p) => p.personnelGroup === 'gp' && p.municipalityName === 'Bergen');
    expect(gp).toBeDefined();
    const reports = repo.search('DiagnosticReport', new URLSearchParams({ _id: 'scn-abn-1,scn-abn-2,scn-abn-3,scn-abn-4,scn-abn-5', _tag: 'urn:akson:codesystem:review-status|unseen' }), '');
    expect(reports.total).toBe(5);
    for (const entry of reports.entry ?? []) {
      const report = entry.resource as DiagnosticReport;
      expect(osloDate(Date.parse(report.issued ?? ''))).toBe('2026-11-26');
      const patient = repo.read<Patient>('Patient', report.subject?.reference?.split('/')[1] ?? '');
      expect(patient.generalPractitioner?.[0]?.reference).toBe(`PractitionerRole/${gp?.practitionerRoleId}`);
      const results = report.result?.map((r) => repo.read<Observation>('Observation', r.reference?.split('/')[1] ?? '')) ?? [];
      expect(results.some((o) => o.interpretation?.[0]?.coding?.some((c) => c.code === 'H' || c.code === 'L'))).toBe(true);
    }
    const highPotassium = repo.search('Observation', new URLSearchParams({ code: 'NPU03230', date: '2026-11-26', 'value-quantity': 'gt6' }), '');
    expect(highPotassium.entry?.map((e) => e.resource?.id)).toContain('scn-abn-1-potassium');
    // Scenario changes are the starting state, not part of the saved delta.
    expect((await backend.state()).changes).toBe(0);
  });

  it('reset to a scenario is quick when its data set is cached', async () => {
    const backend = createMockBackend({ scenarioId: 'small', now: () => NOW });
    await backend.ready();
    const started = performance.now();
    await backend.reset('small');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('patients present at the emergency clinics', () => {
  it('small has six at each clinic, at every stage, valid FHIR with resolvable references; the busy scenario has sixty at Bergen', async () => {
    const { validateResources } = await import('../seed/validate');
    const { addPatientsPresent, clinicsOf } = await import('./emergency');
    const backend = createMockBackend({ scenarioId: 'small', now: () => NOW });
    const repo = await backend.repository();
    const personas = await backend.personas();
    const clinics = clinicsOf(personas);
    expect(clinics.map((c) => c.municipalityName).sort()).toEqual(['Bergen', 'Tromsø', 'Trondheim']);
    for (const clinic of clinics) {
      const present = repo.search('Encounter', new URLSearchParams({ 'service-provider': `Organization/${clinic.organizationId}`, status: 'arrived,triaged,in-progress' }), '');
      expect(present.total).toBe(6);
      const statuses = new Set((present.entry ?? []).map((e) => (e.resource as { status: string }).status));
      expect([...statuses].sort()).toEqual(['arrived', 'in-progress', 'triaged']);
    }
    const written = [...repo.all('Encounter'), ...repo.all('Observation')].filter((r) => r.id?.startsWith('scn-ed-'));
    const problems = validateResources(written as never[], { resolveReferences: false });
    expect(problems).toEqual([]);
    // Sixty more at Bergen (as the busy scenario has), under other ids.
    const bergen = clinics.find((c) => c.municipalityName === 'Bergen')!;
    addPatientsPresent(repo, { now: NOW, core: undefined as never, personas }, { ...bergen, municipalityCode: 'busy' }, 60);
    const sixty = repo.search('Encounter', new URLSearchParams({ 'service-provider': `Organization/${bergen.organizationId}`, status: 'arrived,triaged,in-progress', _count: '100' }), '');
    expect(sixty.total).toBe(66);
  });
});
