// @vitest-environment node
import type { FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_OPTIONS, HEAVY_PATIENT_IDS, generateClinical, generateCore, type SeedOptions } from './index';

/**
 * The default data set (10,000 patients). Prints counts and timings; asserts counts only
 * (timing is measured by the benchmark, not by tests).
 */
describe('the default data set', () => {
  it('has ≈ 25–40 resources per patient, and the heavy patients', () => {
    const options: SeedOptions = { ...DEFAULT_SEED_OPTIONS, now: '2026-11-26T10:30:00+01:00' };
    const t0 = performance.now();
    const core = generateCore(options);
    const t1 = performance.now();
    const clinical = generateClinical(core, options);
    const t2 = performance.now();
    const counts: Record<string, number> = {};
    const bySubject = new Map<string, number>();
    for (const r of clinical as FhirResource[]) {
      counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
    }
    for (const r of clinical) {
      const s = (r as { subject?: { reference?: string } }).subject?.reference;
      if (s && HEAVY_PATIENT_IDS.includes(s.slice(8)) && r.resourceType === 'Observation') bySubject.set(s, (bySubject.get(s) ?? 0) + 1);
    }
    console.info(
      `generateCore ${(t1 - t0).toFixed(0)} ms (${core.resources.length} resources); generateClinical ${(t2 - t1).toFixed(0)} ms (${clinical.length} resources, ${(clinical.length / options.patients).toFixed(1)} per patient)\n` +
        Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `  ${k.padEnd(22)} ${v}`)
          .join('\n'),
    );
    expect(counts.Patient).toBe(10_000);
    expect(clinical.length / options.patients).toBeGreaterThan(25);
    expect(clinical.length / options.patients).toBeLessThan(40);
    for (const id of HEAVY_PATIENT_IDS) expect(bySubject.get(`Patient/${id}`) ?? 0).toBeGreaterThanOrEqual(3000);
  }, 120_000);
});
