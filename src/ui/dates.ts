import { format, parseISO } from 'date-fns';

/** 31.12.1999: how dates are written in Norwegian journals, in both languages of the app. */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  const date = parseISO(value);
  return Number.isNaN(date.getTime()) ? value : format(date, 'dd.MM.yyyy');
}

export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  const date = parseISO(value);
  return Number.isNaN(date.getTime()) ? value : format(date, 'dd.MM.yyyy HH:mm');
}
