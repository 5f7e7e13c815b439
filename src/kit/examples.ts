import type { TaskScript } from './script';
import homeCareVisit from './scripts/home-care-visit.json';
import emergencyTriage from './scripts/emergency-triage.json';
import healthStation from './scripts/health-station-12-months.json';
import { parseScript } from './script';

/** The example scripts shipped with the kit (src/kit/scripts/*.json), checked by the same parser as a loaded one. */
export const EXAMPLE_SCRIPTS: TaskScript[] = [homeCareVisit, emergencyTriage, healthStation].map((raw) => {
  const parsed = parseScript(JSON.stringify(raw));
  if ('error' in parsed) throw new Error(`Example script ${String((raw as { id?: string }).id)}: ${parsed.error}`);
  return parsed.script;
});
