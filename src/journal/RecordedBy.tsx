import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../ui/dates';
import type { Provenance } from './provenance';

export function groupText(t: TFunction, p: Pick<Provenance, 'group' | 'roleText'>): string {
  if (p.group) return t(`group.${p.group}`, { defaultValue: p.roleText ?? p.group });
  return p.roleText ?? '';
}

/** "Name (group) · unit · service · municipality": who recorded an entry and where. */
export function provenanceText(t: TFunction, p: Provenance): string {
  const group = groupText(t, p);
  const author = p.name || t('provenance.unknownAuthor');
  return [
    group ? `${author} (${group})` : author,
    p.unitName,
    p.service ? t(`service.${p.service}`) : '',
    p.municipality ? t('provenance.municipality', { name: p.municipality }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A small "New" marker for entries recorded by others since the user last opened the record. */
export function NewChip() {
  const { t } = useTranslation();
  return <Chip component="span" size="small" color="info" label={t('provenance.new')} title={t('provenance.newSince')} sx={{ height: 22, ml: 1, verticalAlign: 'text-bottom' }} />;
}

/** The secondary line under an entry: when, then who and where. */
export function RecordedBy({ provenance, date }: { provenance: Provenance; date?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
      {date && <time dateTime={date}>{formatDateTime(date)}</time>}
      {date && ' · '}
      {provenanceText(t, provenance)}
    </Typography>
  );
}
