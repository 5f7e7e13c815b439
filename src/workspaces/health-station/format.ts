import type { TFunction } from 'i18next';
import { ageInDays } from '../../domain/childProgramme';


/** Whole calendar months from a date of birth to a day (both YYYY-MM-DD): 12 on the first birthday. */
export function monthsOld(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.slice(0, 10).split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/** A child's age in words: days for the first two weeks, weeks to two months, calendar months to two years, then years and months. */
export function formatChildAge(t: TFunction, birthDate: string, on: string): string {
  const days = ageInDays(birthDate, on);
  if (days < 14) return t('hs.age.days', { count: days });
  if (days < 61) return t('hs.age.weeks', { count: Math.floor(days / 7) });
  const months = monthsOld(birthDate, on);
  if (months < 24) return t('hs.age.months', { count: months });
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? t('hs.age.years', { count: years }) : t('hs.age.yearsMonths', { years, months: rest });
}

/** A date (YYYY-MM-DD or a date-time) as dd.mm.yyyy. */
export function formatDay(value: string | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** The date a child reaches an age in days. */
export function dateAtAge(birthDate: string, days: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A decimal in the user's language (comma in Norwegian). */
export function formatNumber(value: number, language: string, decimals: number): string {
  // −0.001 shown to two decimals is 0,00, not −0,00.
  const rounded = Math.round(value * 10 ** decimals) / 10 ** decimals;
  return new Intl.NumberFormat(language.startsWith('nb') ? 'nb-NO' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(rounded === 0 ? 0 : rounded);
}

/** Reads a decimal typed with a comma or a point; undefined for empty, NaN for anything else. */
export function parseDecimal(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return undefined;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}
