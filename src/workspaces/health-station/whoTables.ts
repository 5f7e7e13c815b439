import { parseLmsByDay, parseLmsByLength } from '../../domain/growthData';
import type { WhoTables } from '../../domain/growthAssessment';

/**
 * The WHO 2006 LMS tables the app ships (./who-growth/, copied unchanged from the verified
 * tables in ../shared/data/who-growth/; see the README there for sources and checks). Loaded as
 * one lazy chunk the first time a growth chart is shown, parsed once.
 */
let tables: Promise<WhoTables> | undefined;

export function loadWhoTables(): Promise<WhoTables> {
  tables ??= Promise.all([
    import('./who-growth/who2006-wfa-lms-by-day.csv?raw'),
    import('./who-growth/who2006-lhfa-lms-by-day.csv?raw'),
    import('./who-growth/who2006-hcfa-lms-by-day.csv?raw'),
    import('./who-growth/who2006-wfl-lms-by-length.csv?raw'),
  ]).then(([wfa, lhfa, hcfa, wfl]) => ({
    wfa: parseLmsByDay(wfa.default),
    lhfa: parseLmsByDay(lhfa.default),
    hcfa: parseLmsByDay(hcfa.default),
    wfl: parseLmsByLength(wfl.default),
  }));
  tables.catch(() => {
    tables = undefined; // a failed download is tried again next time
  });
  return tables;
}
