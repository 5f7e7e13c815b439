import type { ModuleManifest } from '../layout/types';
import { manifest as criticalInfo } from './critical-info/manifest';
import { manifest as problems } from './problems/manifest';
import { manifest as medications } from './medications/manifest';
import { manifest as latestNotes } from './latest-notes/manifest';
import { manifest as journalNotes } from './journal-notes/manifest';
import { manifest as recentPatients } from './recent-patients/manifest';
import { manifest as myUnit } from './my-unit/manifest';
import { manifest as todaysAppointments } from './todays-appointments/manifest';
import { manifest as unitPatients } from './unit-patients/manifest';
import { manifest as listedPatients } from './listed-patients/manifest';
import { manifest as vitalSigns } from './vital-signs/manifest';
import { manifest as overview } from './overview/manifest';
import { manifest as labResults } from './lab-results/manifest';
import { manifest as documents } from './documents/manifest';
import { manifest as encounters } from './encounters/manifest';
import { manifest as resultsToReview } from './results-to-review/manifest';
import { manifest as triageBoard } from './triage-board/manifest';
import { manifest as healthStationDay } from './health-station-day/manifest';
import { manifest as homeCareVisits } from './home-care-visits/manifest';
import { manifest as inbox } from './inbox/manifest';
import { manifest as patientMessages } from './patient-messages/manifest';

/**
 * Every layout module the product has. Adding a module: a folder under src/modules with a
 * manifest and a component, and one line here. Manifests are tiny; components load lazily.
 */
export const MODULES: readonly ModuleManifest[] = [
  criticalInfo,
  problems,
  medications,
  latestNotes,
  journalNotes,
  recentPatients,
  myUnit,
  todaysAppointments,
  unitPatients,
  listedPatients,
  vitalSigns,
  overview,
  labResults,
  documents,
  encounters,
  resultsToReview,
  triageBoard,
  healthStationDay,
  homeCareVisits,
  inbox,
  patientMessages,
];

export const MODULE_REGISTRY: ReadonlyMap<string, ModuleManifest> = new Map(MODULES.map((m) => [m.id, m]));
