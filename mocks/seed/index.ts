/**
 * Deterministic synthetic Norwegian data for the mock FHIR server: three real municipalities
 * (Bergen 4601, Trondheim 5001, Tromsø 5501) with their units and personnel, and patients with
 * five years of history. Same options → byte-identical output; nothing reads the clock or an
 * unseeded random source. Each patient's data comes from its own stream (seed, patient index),
 * so changing the number of patients does not change the patients before (the only exception
 * is today's GP lists, see schedule.ts, which are drawn among whoever is on each list).
 *
 * Modelling notes (for the app and the mock server):
 * - Dates: every dateTime is Europe/Oslo wall-clock time with its offset (+01:00 / +02:00).
 * - Municipality code: Address.district holds the municipality name and `_district.extension`
 *   the no-basis-municipalitycode extension (context Address.district in HL7 Norway no-basis).
 * - Critical information (Kjernejournal): allergies and other hypersensitivity as plain
 *   AllergyIntolerance; the other five categories as Flag with `category` coded in
 *   CODE_SYSTEM.criticalInfoCategory and `code.text` in Norwegian.
 * - Certainty: FHIR R4 has no "presumed"; "Sannsynlig" is verificationStatus `unconfirmed` with
 *   text "Sannsynlig" ("Mistenkt" is `unconfirmed` with text "Mistenkt").
 * - Care relations: EpisodeOfCare (status active) for home care (weekly hours in type[].text),
 *   nursing home, physiotherapy series in progress and the health station (every child 0–5);
 *   the GP relation is Patient.generalPractitioner → PractitionerRole.
 * - Review status: lab results issued in the last 14 days that the GP has not seen carry
 *   meta.tag { system 'urn:akson:codesystem:review-status', code 'unseen' } on both the
 *   DiagnosticReport and its Observations.
 * - Heavy patients (pat-00001 … pat-00005, Bergen, aged 75–92): five years of dense home care
 *   and GP follow-up (> 300 notes, > 3,000 observations each), for performance benchmarks.
 */
import type { FhirResource } from 'fhir/r4';
import type { Persona } from '../../src/session/personnel';
import { buildClinical, buildClinicalInSlices, heavyPatientIds as heavyIds } from './clinical';
import { buildCore, type Municipality } from './core';
import { HEAVY_DEFAULT, patientId } from './population';

export interface SeedOptions {
  seed: number;
  patients: number;
  /** ISO date-time: the scenario's "now"; all dates are relative to it. */
  now: string;
  /**
   * How many of the first patients are "heavy" (dense five-year history for benchmarks).
   * Default 5 (capped at `patients`). Set 0 for small, fast unit-test data sets.
   */
  heavyPatients?: number;
}

export const DEFAULT_SEED_OPTIONS: Omit<SeedOptions, 'now'> = Object.freeze({ seed: 20261126, patients: 10000 });

export type { Municipality };

export interface SeedCore {
  municipalities: Municipality[];
  /** Organization, Location, Practitioner, PractitionerRole. */
  resources: FhirResource[];
  /** One per personnel group per municipality, ordered by municipality then PERSONNEL_GROUPS. */
  personas: Persona[];
}

/** Units and personnel only (fast). Depends on `seed` and `now`, not on `patients`. */
export function generateCore(options: SeedOptions): SeedCore {
  return buildCore({ seed: options.seed, now: options.now });
}

/** Patients and their histories, referring to the units and personnel of `core`. */
export function generateClinical(core: SeedCore, options: SeedOptions): FhirResource[] {
  return buildClinical(core, options);
}

/** `generateClinical` in slices, pausing between them (see buildClinicalInSlices): same output. */
export function generateClinicalInSlices(core: SeedCore, options: SeedOptions, pause: () => Promise<void>): Promise<FhirResource[]> {
  return buildClinicalInSlices(core, options, pause);
}

/** Ids of the heavy patients with the default options (the first five patients). */
export const HEAVY_PATIENT_IDS: readonly string[] = Object.freeze(Array.from({ length: HEAVY_DEFAULT }, (_, i) => patientId(i)));

/** Ids of the heavy patients for given options (fewer when `patients` or `heavyPatients` is smaller). */
export function heavyPatientIds(options: Pick<SeedOptions, 'patients' | 'heavyPatients'>): string[] {
  return heavyIds(options);
}
