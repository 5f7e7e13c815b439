/**
 * Time for the seed: everything is written as Europe/Oslo wall-clock time with the correct UTC
 * offset (+01:00 in winter, +02:00 in summer), e.g. "2026-11-26T08:00:00+01:00". The offset is
 * computed from the EU daylight-saving rule (from 01:00 UTC on the last Sunday of March to 01:00
 * UTC on the last Sunday of October), which is what Norway has used since 1996; the seed writes
 * no date-times before 2000 (older facts are written as dates). No Intl, no host time zone: the
 * output is the same on every machine.
 */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const YEAR = 365.2425 * DAY;

/** Days since 1970-01-01 → civil date (Howard Hinnant's algorithm). */
function civil(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const P2: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function lastSundayAt0100Utc(year: number, month0: number): number {
  const lastDay = new Date(Date.UTC(year, month0 + 1, 0));
  const date = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month0, date, 1, 0, 0);
}

/** Per year 1900–2100: start of the year (UTC) and the daylight-saving interval. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
const YEAR_START: number[] = [];
const DST_START: number[] = [];
const DST_END: number[] = [];
for (let y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
  YEAR_START.push(Date.UTC(y, 0, 1));
  DST_START.push(lastSundayAt0100Utc(y, 2));
  DST_END.push(lastSundayAt0100Utc(y, 9));
}

/** Europe/Oslo offset from UTC in ms at an instant. */
export function osloOffset(ms: number): number {
  let i = Math.floor((ms - (YEAR_START[0] as number)) / (365.2425 * 86_400_000));
  if (i < 0 || i >= YEAR_START.length - 1) return 3_600_000;
  while (i > 0 && ms < (YEAR_START[i] as number)) i--;
  while (i < YEAR_START.length - 2 && ms >= (YEAR_START[i + 1] as number)) i++;
  return ms >= (DST_START[i] as number) && ms < (DST_END[i] as number) ? 7_200_000 : 3_600_000;
}

/** Date strings by day (index = days since 1970 + DAY_BASE), made on demand and shared. */
const DAY_BASE = 30_000;
const dateCache: Array<string | undefined> = new Array<string | undefined>(120_000);
/** "T08:00:00+01:00" for each second of the day and offset, made on demand and shared. */
const timeCache: Array<string | undefined> = new Array<string | undefined>(2 * 86_400);

function timePart(secondOfDay: number, summer: boolean): string {
  const key = summer ? secondOfDay + 86_400 : secondOfDay;
  let s = timeCache[key];
  if (s === undefined) {
    const hh = Math.floor(secondOfDay / 3600);
    const mi = Math.floor((secondOfDay - hh * 3600) / 60);
    const ss = secondOfDay - hh * 3600 - mi * 60;
    s = ['T', P2[hh], ':', P2[mi], ':', P2[ss], summer ? '+02:00' : '+01:00'].join('');
    timeCache[key] = s;
  }
  return s;
}

function datePart(days: number): string {
  const i = days + DAY_BASE;
  let s = i >= 0 ? dateCache[i] : undefined;
  if (s === undefined) {
    const { y, m, d } = civil(days);
    s = [y, '-', P2[m], '-', P2[d]].join('');
    if (i >= 0 && i < 120_000) dateCache[i] = s;
  }
  return s;
}

/** FHIR dateTime in Oslo time with offset, to the second: 2026-11-26T08:00:00+01:00. */
export function dateTime(ms: number): string {
  const off = osloOffset(ms);
  const local = ms + off;
  const days = Math.floor(local / 86_400_000);
  const second = Math.floor((local - days * 86_400_000) / 1000);
  // One rope of two shared flat strings: 32 bytes per date-time instead of a new string.
  return datePart(days) + timePart(second, off !== 3_600_000);
}

/** FHIR instant (same text as dateTime here: seconds and offset are always present). */
export const instant = dateTime;

/** FHIR date (YYYY-MM-DD) of the Oslo calendar day of an instant. */
export function date(ms: number): string {
  return datePart(Math.floor((ms + osloOffset(ms)) / 86_400_000));
}

/** Parts of the Oslo calendar day of an instant. */
export function osloDay(ms: number): { y: number; m: number; d: number } {
  return civil(Math.floor((ms + osloOffset(ms)) / 86_400_000));
}

/** Instant of an Oslo wall-clock time (month 1–12; day may overflow, like Date.UTC). */
export function osloTime(y: number, m: number, d: number, hour = 0, minute = 0): number {
  const naive = Date.UTC(y, m - 1, d, hour, minute);
  const guess = naive - osloOffset(naive - HOUR);
  return naive - osloOffset(guess);
}

/** Oslo wall-clock hours and minutes of an instant. */
export function osloClock(ms: number): { hour: number; minute: number } {
  const local = ms + osloOffset(ms);
  const minutes = Math.floor((local - Math.floor(local / DAY) * DAY) / MINUTE);
  return { hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

/** Floors an instant to the whole minute. */
export function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

/** A calendar helper anchored at the scenario's "now". */
export class Clock {
  readonly now: number;
  readonly today: { y: number; m: number; d: number };
  /** Instant of 00:00 Oslo time today. */
  readonly todayStart: number;
  /** Today's Oslo date as days since 1970-01-01. */
  private readonly todayDays: number;
  private readonly todayWeekday: number;

  constructor(now: string) {
    const ms = Date.parse(now);
    if (!Number.isFinite(ms)) throw new RangeError(`SeedOptions.now is not an ISO date-time: ${now}`);
    this.now = floorMinute(ms);
    this.todayDays = Math.floor((this.now + osloOffset(this.now)) / DAY);
    this.today = civil(this.todayDays);
    this.todayWeekday = (((this.todayDays + 4) % 7) + 7) % 7;
    this.todayStart = this.at(0, 0, 0);
  }

  /** Instant of hour:minute Oslo time on the day `dayOffset` days from today (negative = past). */
  at(dayOffset: number, hour: number, minute = 0): number {
    const naive = (this.todayDays + dayOffset) * DAY + hour * HOUR + minute * MINUTE;
    const guess = naive - osloOffset(naive - HOUR);
    return naive - osloOffset(guess);
  }

  /** Whole days from today's Oslo date to the Oslo date of `ms` (negative = past). */
  dayOffsetOf(ms: number): number {
    return Math.floor((ms + osloOffset(ms)) / DAY) - this.todayDays;
  }

  /** Oslo weekday of the day `dayOffset` from today: 0 = Sunday … 6 = Saturday. */
  weekday(dayOffset: number): number {
    return (((this.todayWeekday + dayOffset) % 7) + 7) % 7;
  }
}

/** Age in whole years on a given date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const by = Number(birthDate.slice(0, 4));
  const bmd = birthDate.slice(5);
  const y = Number(onDate.slice(0, 4));
  const md = onDate.slice(5);
  return y - by - (md < bmd ? 1 : 0);
}
