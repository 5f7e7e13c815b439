import { addDays, format } from 'date-fns';

/** Search parameters for "today" on a date search parameter: ge today, lt tomorrow (local dates). */
export function todayRange(now: Date = new Date()): string[] {
  return [`ge${format(now, 'yyyy-MM-dd')}`, `lt${format(addDays(now, 1), 'yyyy-MM-dd')}`];
}
