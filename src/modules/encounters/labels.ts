import type { TFunction } from 'i18next';
import { format, isSameDay } from 'date-fns';
import type { Provenance } from '../../journal/provenance';
import { groupText } from '../../journal/RecordedBy';
import { formatDate, formatDateTime, parseFhirDate } from '../../ui/dates';
import type { EncounterView } from './model';

/** "12.03.2025 09:15–09:45", "03.02.2025 – 08.02.2025", or "fra 04.05.2024 10:00" for a stay in progress. */
export function periodText(t: TFunction, v: Pick<EncounterView, 'start' | 'end' | 'status'>): string {
  if (!v.start) return t('encounters.noDate');
  if (!v.end) return v.status === 'in-progress' ? t('encounters.since', { date: formatDateTime(v.start) }) : formatDateTime(v.start);
  const start = parseFhirDate(v.start);
  const end = parseFhirDate(v.end);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return formatDateTime(v.start);
  return isSameDay(start, end) ? `${formatDateTime(v.start)}–${format(end, 'HH:mm')}` : `${formatDate(v.start)} – ${formatDate(v.end)}`;
}

/** "november 2026" as a heading: the month in the user's language, capitalised. */
export function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const text = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', { month: 'long', year: 'numeric' }).format(new Date(y, m - 1, 1));
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * "Name (group), Name (group) · unit · service · municipality": everyone who took part, then
 * where (the unit that provided the contact, its service and municipality).
 */
export function personnelLine(t: TFunction, people: readonly Provenance[], unit: Provenance): string {
  const names = people.map((p) => {
    const group = groupText(t, p);
    const name = p.name || t('provenance.unknownAuthor');
    return group ? `${name} (${group})` : name;
  });
  return [names.join(', '), unit.unitName, unit.service ? t(`service.${unit.service}`) : '', unit.municipality ? t('provenance.municipality', { name: unit.municipality }) : '']
    .filter(Boolean)
    .join(' · ');
}
