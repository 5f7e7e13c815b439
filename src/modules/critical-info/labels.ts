import type { TFunction } from 'i18next';
import { formatDate } from '../../ui/dates';
import type { CompareField, CriticalEntry } from './model';

/** A field's raw value (a code, a date) in the reader's words. */
export function fieldValueText(t: TFunction, field: CompareField, value: string): string {
  if (!value) return '';
  switch (field) {
    case 'category':
      return t(`criticalInfo.category.${value}`);
    case 'substanceKind':
      return t(`criticalInfo.kind.${value}`);
    case 'severity':
      return t(`criticalInfo.severity.${value}`);
    case 'certainty':
      return t(`criticalInfo.certainty.${value}`);
    case 'source':
      return t(`criticalInfo.source.${value}`);
    case 'status':
      return t(`criticalInfo.status.${value}`);
    case 'startDate':
      return formatDate(value);
    default:
      return value;
  }
}

/** "Kilde: Pårørende (datteren)" / "Kilde: ikke oppgitt". */
export function sourceText(t: TFunction, entry: Pick<CriticalEntry, 'source' | 'sourceDetail'>): string {
  if (!entry.source) return t('criticalInfo.entry.source', { text: entry.sourceDetail || t('criticalInfo.source.unknown') });
  const text = t(`criticalInfo.source.${entry.source}`);
  return entry.sourceDetail ? t('criticalInfo.entry.sourceWithDetail', { text, detail: entry.sourceDetail }) : t('criticalInfo.entry.source', { text });
}
