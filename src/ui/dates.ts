import { parseISO } from 'date-fns';

/** A FHIR dateTime with a time and a zone (what servers send for instants and most dateTimes). */
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A FHIR date or dateTime as a Date. With a time and zone the browser's own parser does it (a
 * chart parses thousands: date-fns' parseISO is many times slower); a date without a time is
 * local midnight (parseISO), as a journal means it. Invalid input gives an invalid Date.
 */
export function parseFhirDate(value: string): Date {
  return WITH_ZONE.test(value) ? new Date(value) : parseISO(value);
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const day = (d: Date) => `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;

/** 31.12.1999: how dates are written in Norwegian journals, in both languages of the app. */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  const date = parseFhirDate(value);
  return Number.isNaN(date.getTime()) ? value : day(date);
}

export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  const date = parseFhirDate(value);
  return Number.isNaN(date.getTime()) ? value : `${day(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
