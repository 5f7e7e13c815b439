import { CLINICAL_GROUPS, type PersonnelGroup } from '../session/personnel';
import type { LayoutItem } from './schema';
import type { DeviceClass, PageKind } from './types';

/**
 * The product's default layouts: each group's home page answers that group's first question of
 * the day; the patient page puts critical information first. Module ids are data here: a
 * default naming a module that does not exist is skipped with a notice like any layout.
 */
type Defaults = Record<DeviceClass, Record<PageKind, LayoutItem[]>>;

/**
 * The patient page: critical information first, then the overview (the newest of everything,
 * documents and contacts included), then the modules a clinician works in. Documents and the
 * contacts timeline are in every clinical group's palette ("Tilpass siden"), not on the default
 * page, which keeps a chart quick to open.
 */
const PATIENT_DESKTOP: LayoutItem[] = [
  { module: 'critical-info', w: 4, h: 4 },
  { module: 'overview', w: 8, h: 6 },
  { module: 'vital-signs', w: 12, h: 6 },
  { module: 'journal-notes', w: 12, h: 7 },
  { module: 'problems', w: 6, h: 4 },
  { module: 'medications', w: 6, h: 4 },
  { module: 'lab-results', w: 12, h: 7 },
];
const PATIENT_TABLET: LayoutItem[] = [
  { module: 'critical-info', w: 12, h: 3 },
  { module: 'overview', w: 12, h: 6 },
  { module: 'vital-signs', w: 12, h: 6 },
  { module: 'journal-notes', w: 12, h: 8 },
  { module: 'medications', w: 12, h: 4 },
  { module: 'problems', w: 12, h: 4 },
  { module: 'lab-results', w: 12, h: 7 },
];

function layouts(homeDesktop: LayoutItem[], homeTablet: LayoutItem[], clinical = true): Defaults {
  return {
    desktop: { home: homeDesktop, patient: clinical ? PATIENT_DESKTOP : [] },
    tablet: { home: homeTablet, patient: clinical ? PATIENT_TABLET : [] },
  };
}

const recent = (w: number, h = 3): LayoutItem => ({ module: 'recent-patients', w, h });
const unit = (w: number, h = 3): LayoutItem => ({ module: 'my-unit', w, h });
const unitPatients = (w: number, h = 5): LayoutItem => ({ module: 'unit-patients', w, h });

const CARE_UNIT = layouts([unitPatients(8), recent(4), unit(4, 2)], [unitPatients(12), recent(6), unit(6)]);
const EMERGENCY = layouts([{ module: 'triage-board', w: 12, h: 8 }, recent(6), unit(6)], [{ module: 'triage-board', w: 12, h: 8 }, recent(12), unit(12)]);
const dayList = (w: number, h = 5): LayoutItem => ({ module: 'todays-appointments', w, h });
// Home care works from today's route, on a tablet in the hand: the route first, full width.
const HOME_CARE = layouts(
  [{ module: 'home-care-visits', w: 8, h: 9 }, recent(4, 4), unit(4, 3), unitPatients(12)],
  [{ module: 'home-care-visits', w: 12, h: 9 }, recent(12), unit(12), unitPatients(12)],
);

/**
 * Exchange between services (issue #7): every clinical group's home has the inbox, right after
 * its first module (what the group starts the day with stays first).
 */
function withInbox(all: Record<PersonnelGroup, Defaults>): Record<PersonnelGroup, Defaults> {
  for (const group of CLINICAL_GROUPS) {
    const home = all[group];
    // Groups may share one set of defaults (CARE_UNIT, EMERGENCY): add the inbox once.
    if (home.desktop.home.some((item) => item.module === 'inbox')) continue;
    home.desktop.home = [...home.desktop.home.slice(0, 1), { module: 'inbox', w: 6, h: 6 }, ...home.desktop.home.slice(1)];
    home.tablet.home = [...home.tablet.home.slice(0, 1), { module: 'inbox', w: 12, h: 6 }, ...home.tablet.home.slice(1)];
  }
  return all;
}

export const DEFAULT_LAYOUTS: Record<PersonnelGroup, Defaults> = withInbox({
  gp: layouts(
    // The whole list (fastlegeliste) is a working list: wide enough for one line per patient.
    [{ module: 'todays-appointments', w: 7, h: 5 }, { module: 'results-to-review', w: 5, h: 5 }, { module: 'listed-patients', w: 8, h: 7 }, recent(4, 4), unit(4, 3)],
    [{ module: 'todays-appointments', w: 12, h: 5 }, { module: 'results-to-review', w: 12, h: 5 }, { module: 'listed-patients', w: 12, h: 7 }, recent(6), unit(6)],
  ),
  // The office nurse and the front desk work from the whole office's day list (arrivals).
  'gp-nurse': layouts([dayList(8), recent(4, 5), unit(12, 2)], [dayList(12), recent(6), unit(6)]),
  // The emergency clinic works from the triage board: everyone present, at a glance.
  'ed-doctor': EMERGENCY,
  'ed-nurse': EMERGENCY,
  'homecare-nurse': HOME_CARE,
  'homecare-worker': HOME_CARE,
  // The health station works from the day's consultations; the unit's children below.
  'hs-nurse': layouts([{ module: 'health-station-day', w: 8, h: 5 }, recent(4, 5), unitPatients(12)], [{ module: 'health-station-day', w: 12, h: 5 }, unitPatients(12), recent(12)]),
  'nh-nurse': CARE_UNIT,
  physio: layouts([{ module: 'todays-appointments', w: 6, h: 5 }, unitPatients(6), recent(6)], [{ module: 'todays-appointments', w: 12, h: 5 }, unitPatients(12), recent(12)]),
  // Non-health personnel see no clinical modules (DOMAIN.md: access, privacy and logging).
  'admin-staff': layouts([dayList(8), unit(4, 5)], [dayList(12), unit(12)], false),
  'config-admin': layouts([unit(12)], [unit(12)], false),
});

export function defaultLayout(group: PersonnelGroup, device: DeviceClass, page: PageKind): LayoutItem[] {
  return DEFAULT_LAYOUTS[group][device][page];
}
