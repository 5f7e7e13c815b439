// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Appointment, FhirResource, Immunization, Patient, RelatedPerson } from 'fhir/r4';
import { createMockBackend } from '../fhir-server/backend';
import { validateResources } from '../seed/validate';
import { ageInDays, immunisationsAt, programmeAt } from '../../src/domain/childProgramme';
import { HS_CHILD_ID } from './healthStation';

const NOW = new Date('2026-11-26T10:15:00+01:00');

describe('the health station day (standard and small scenarios)', () => {
  it('has a 12-month-old with a booked 12-month consultation today with the Bergen nurse, her programme so far, and a sibling', async () => {
    const backend = createMockBackend({ scenarioId: 'small', now: () => NOW });
    const repo = await backend.repository();
    const nurse = (await backend.personas()).find((p) => p.personnelGroup === 'hs-nurse' && p.municipalityName === 'Bergen');
    expect(nurse).toBeDefined();
    const child = repo.read<Patient>('Patient', HS_CHILD_ID);
    expect(ageInDays(child.birthDate ?? '', '2026-11-26')).toBe(365);

    const today = repo.search('Appointment', new URLSearchParams({ actor: `PractitionerRole/${nurse?.practitionerRoleId}`, date: '2026-11-26' }), '');
    const appts = (today.entry ?? []).map((e) => e.resource as Appointment);
    expect(appts.length).toBeGreaterThanOrEqual(2);
    const hers = appts.find((a) => a.participant.some((p) => p.actor?.reference === `Patient/${HS_CHILD_ID}`));
    expect(hers?.status).toBe('booked');
    expect(hers?.description).toBe('Konsultasjon 12 måneder');

    const imms = (repo.search('Immunization', new URLSearchParams({ patient: `Patient/${HS_CHILD_ID}` }), '').entry ?? []).map((e) => e.resource as Immunization);
    const doses = immunisationsAt(365, imms.map((i) => ({ atc: i.vaccineCode.coding?.[0]?.code ?? '', doseNumber: i.protocolApplied?.[0]?.doseNumberPositiveInt, date: i.occurrenceDateTime ?? '' })));
    const status = (v: string, d: number) => doses.find((x) => x.dose.vaccine === v && x.dose.dose === d)?.status;
    expect([status('rota', 2), status('hexa', 2), status('pcv', 2)]).toEqual(['done', 'done', 'done']);
    expect([status('hexa', 3), status('pcv', 3)]).toEqual(['due', 'due']);

    const encs = repo.search('Encounter', new URLSearchParams({ patient: `Patient/${HS_CHILD_ID}` }), '');
    const states = programmeAt(365, (encs.entry ?? []).map((e) => ({ ageDays: 0, date: '', consultation: (e.resource as { type?: Array<{ coding?: Array<{ code?: string }> }> }).type?.[0]?.coding?.[0]?.code as never })));
    expect(states.find((s) => s.consultation.key === '10m')?.status).toBe('done');
    expect(states.find((s) => s.consultation.key === '12m')?.status).toBe('due');

    // The parents are RelatedPersons with the same identifiers as an older sibling's.
    const parents = (repo.search('RelatedPerson', new URLSearchParams({ patient: `Patient/${HS_CHILD_ID}` }), '').entry ?? []).map((e) => e.resource as RelatedPerson);
    expect(parents).toHaveLength(2);
    const fnr = parents[0]?.identifier?.[0]?.value ?? '';
    const siblings = (repo.search('RelatedPerson', new URLSearchParams({ identifier: fnr }), '').entry ?? []).map((e) => (e.resource as RelatedPerson).patient.reference);
    const others = siblings.filter((r) => r !== `Patient/${HS_CHILD_ID}`);
    expect(others.length).toBeGreaterThanOrEqual(1);
    // A plausible family: no sibling born within 15 months of her.
    for (const ref of others) expect(Math.abs(ageInDays(repo.read<Patient>('Patient', ref?.split('/')[1] ?? '').birthDate ?? '', child.birthDate ?? ''))).toBeGreaterThan(450);

    const mine = [...repo.types()].flatMap((t) => [...repo.all(t)].filter((r) => r.id?.startsWith('scn-hs-'))) as FhirResource[];
    expect(mine.length).toBeGreaterThan(20);
    // Valid R4, with every reference resolving (to the seed's units, staff and patients).
    const context = ['Organization', 'PractitionerRole', 'Practitioner', 'Location', 'Patient'].flatMap((t) => [...repo.all(t)].filter((r) => !r.id?.startsWith('scn-hs-'))) as FhirResource[];
    const problems = validateResources([...mine, ...context], { limit: 10 });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
