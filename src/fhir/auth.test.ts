// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mockBackendSession } from '../../mocks/testing';
import { FhirClient } from './client';
import { personasFromServer } from './auth';

describe('choosing who you are on a FHIR server without sign-in', () => {
  it("builds people to act as from the server's PractitionerRole, Practitioner and Organization", async () => {
    const session = await mockBackendSession('gp');
    const client = new FhirClient({ baseUrl: 'http://test/fhir', getToken: () => session.token, fetchImpl: session.fetchImpl });
    const people = await personasFromServer(client);
    const gp = people.find((p) => p.practitionerRoleId === session.persona.practitionerRoleId);
    expect(gp).toMatchObject({
      personnelGroup: 'gp',
      practitionerId: session.persona.practitionerId,
      organizationId: session.persona.organizationId,
      unitName: session.persona.unitName,
      unitKind: 'gp-office',
      municipalityName: session.persona.municipalityName,
      municipalityCode: session.persona.municipalityCode,
    });
    expect(gp?.name).toBe(session.persona.name);
    expect(gp?.hprNumber).toMatch(/^\d{7,9}$/);
    expect(new Set(people.map((p) => p.personnelGroup)).size).toBeGreaterThanOrEqual(10);
  });
});
