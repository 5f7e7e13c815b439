import type { FhirResource } from 'fhir/r4';
import type { CoreResult } from './core';
import { writePatient, type HistoryContext } from './history';
import { HEAVY_DEFAULT, Population, patientId } from './population';
import { writeSchedules } from './schedule';
import { Clock, YEAR } from './time';
import { buildWorld } from './world';

export interface ClinicalOptions {
  seed: number;
  patients: number;
  now: string;
  heavyPatients?: number;
}

/** Number of heavy patients for the options (the first patients: pat-00001 …). */
export function heavyCount(options: Pick<ClinicalOptions, 'patients' | 'heavyPatients'>): number {
  return Math.max(0, Math.min(options.heavyPatients ?? HEAVY_DEFAULT, options.patients));
}

export function heavyPatientIds(options: Pick<ClinicalOptions, 'patients' | 'heavyPatients'>): string[] {
  return Array.from({ length: heavyCount(options) }, (_, i) => patientId(i));
}

export function buildClinical(core: Pick<CoreResult, 'resources'>, options: ClinicalOptions): FhirResource[] {
  if (!Number.isInteger(options.patients) || options.patients < 0) throw new RangeError(`SeedOptions.patients must be a whole number ≥ 0: ${options.patients}`);
  const clock = new Clock(options.now);
  const world = buildWorld(core);
  const population = new Population(world, clock, options.seed, heavyCount(options));
  for (let i = 0; i < options.patients; i++) population.add(i);
  const ctx: HistoryContext = { world, clock, seed: options.seed, windowStart: clock.now - 5 * YEAR };
  const out: FhirResource[] = [];
  for (const person of population.persons) writePatient(ctx, person, out);
  writeSchedules(ctx, population.persons, out);
  return out;
}

/**
 * The same data as `buildClinical`, built in slices with `pause()` between them, so that a worker
 * building ten thousand patients still answers other requests (personas, sign-in) meanwhile.
 * Deterministic: the same steps in the same order; only the pauses are added.
 */
export async function buildClinicalInSlices(core: Pick<CoreResult, 'resources'>, options: ClinicalOptions, pause: () => Promise<void>, slice = 200): Promise<FhirResource[]> {
  if (!Number.isInteger(options.patients) || options.patients < 0) throw new RangeError(`SeedOptions.patients must be a whole number ≥ 0: ${options.patients}`);
  const clock = new Clock(options.now);
  const world = buildWorld(core);
  const population = new Population(world, clock, options.seed, heavyCount(options));
  for (let i = 0; i < options.patients; i++) {
    population.add(i);
    if (i % slice === slice - 1) await pause();
  }
  const ctx: HistoryContext = { world, clock, seed: options.seed, windowStart: clock.now - 5 * YEAR };
  const out: FhirResource[] = [];
  let n = 0;
  for (const person of population.persons) {
    writePatient(ctx, person, out);
    if (++n % slice === 0) await pause();
  }
  writeSchedules(ctx, population.persons, out);
  return out;
}
