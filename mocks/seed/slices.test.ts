// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateClinical, generateClinicalInSlices, generateCore, type SeedOptions } from './index';

describe('generateClinicalInSlices', () => {
  it('builds exactly what generateClinical builds, pausing between slices', async () => {
    const options: SeedOptions = { seed: 7, patients: 450, heavyPatients: 1, now: '2026-11-26T10:30:00+01:00' };
    const core = generateCore(options);
    let pauses = 0;
    const sliced = await generateClinicalInSlices(core, options, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(generateClinical(core, options)));
  });
});
