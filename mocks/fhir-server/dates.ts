/**
 * Date ranges for FHIR date search. Every date, dateTime, instant or Period is turned into a
 * half-open range [start, end) of epoch milliseconds whose width is the precision of the value:
 * "2026" is the whole year, "2026-11" the month, "2026-11-26" the day, "2026-11-26T08:00:00+01:00"
 * one second.
 *
 * Values without a time zone (dates, and dateTimes written without an offset) are read as local
 * time in Europe/Oslo, because that is where the journal's users are: `Appointment?date=2026-11-26`
 * finds the appointment at 00:30 Norwegian time, which is 23:30 UTC the day before.
 */

export const TIME_ZONE = 'Europe/Oslo';

export interface DateRange {
  start: number;
  /** Exclusive. */
  end: number;
}

const offsetFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const HOUR = 3_600_000;
/** Cache of the Oslo offset per UTC hour (offsets only change on the hour). */
const offsetCache = new Map<number, number>();

/** Europe/Oslo offset from UTC in milliseconds at the given instant (+1 h winter, +2 h summer). */
export function osloOffsetMs(epochMs: number): number {
  const hourKey = Math.floor(epochMs / HOUR);
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of offsetFormatter.formatToParts(new Date(hourKey * HOUR))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const offset = asUtc - hourKey * HOUR;
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

/** Epoch milliseconds of a wall-clock time in Europe/Oslo. */
export function osloLocalToEpoch(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Two passes settle the offset across daylight-saving changes.
  let guess = naive - osloOffsetMs(naive);
  guess = naive - osloOffsetMs(guess);
  return guess;
}

/** The Europe/Oslo calendar date (YYYY-MM-DD) of an instant. */
export function osloDate(epochMs: number): string {
  return new Date(epochMs + osloOffsetMs(epochMs)).toISOString().slice(0, 10);
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const rangeCache = new Map<string, DateRange | null>();

/**
 * The range a FHIR date/dateTime/instant string stands for, or null when it is not a valid
 * date. Search parameter values use the same grammar (hours:minutes without seconds allowed).
 */
export function parseDateRange(value: string): DateRange | null {
  const cached = rangeCache.get(value);
  if (cached !== undefined) return cached;
  const range = computeRange(value);
  if (rangeCache.size > 200_000) rangeCache.clear();
  rangeCache.set(value, range);
  return range;
}

function computeRange(value: string): DateRange | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  if (month === undefined) {
    return { start: osloLocalToEpoch(year, 1, 1), end: osloLocalToEpoch(year + 1, 1, 1) };
  }
  if (day === undefined) {
    return { start: osloLocalToEpoch(year, month, 1), end: osloLocalToEpoch(year, month + 1, 1) };
  }
  if (m[4] === undefined) {
    return { start: osloLocalToEpoch(year, month, day), end: osloLocalToEpoch(year, month, day + 1) };
  }
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] !== undefined ? Number(m[6]) : 0;
  const fraction = m[7];
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const zone = m[8];
  let start: number;
  if (zone === undefined) {
    start = osloLocalToEpoch(year, month, day, hour, minute, second, ms);
  } else {
    start = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    if (zone !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
      start -= sign * offset;
    }
  }
  const width = fraction ? 1 : m[6] !== undefined ? 1000 : 60_000;
  return { start, end: start + width };
}

/** Floor an instant to the whole minute. */
export function floorToMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}
