// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Patient } from 'fhir/r4';
import { rememberPatientResource } from './patients';
import { fhirKeys } from './queryKeys';

const patient = (version: string, lastUpdated: string): Patient => ({ resourceType: 'Patient', id: 'p1', meta: { versionId: version, lastUpdated } });

describe('rememberPatientResource', () => {
  it('puts a picked search result where the chart reads the patient', () => {
    const client = new QueryClient();
    rememberPatientResource(client, patient('1', '2026-11-20T10:00:00Z'));
    expect(client.getQueryData<Patient>(fhirKeys.read('Patient', 'p1'))?.meta?.versionId).toBe('1');
  });

  it('keeps a newer copy already cached', () => {
    const client = new QueryClient();
    client.setQueryData(fhirKeys.read('Patient', 'p1'), patient('2', '2026-11-25T10:00:00Z'));
    rememberPatientResource(client, patient('1', '2026-11-20T10:00:00Z'));
    expect(client.getQueryData<Patient>(fhirKeys.read('Patient', 'p1'))?.meta?.versionId).toBe('2');
    rememberPatientResource(client, patient('3', '2026-11-26T09:00:00Z'));
    expect(client.getQueryData<Patient>(fhirKeys.read('Patient', 'p1'))?.meta?.versionId).toBe('3');
  });
});
