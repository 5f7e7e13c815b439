import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { DeviceClass } from '../../layout/types';
import { isFiltered, type NoteFilter, type PeriodPreset } from './model';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

const PRESETS: readonly PeriodPreset[] = ['all', '30d', '12m', 'custom'];

/**
 * The journal's filters: full-text search, service, author's personnel group, note type and
 * period. Native selects and date inputs: labelled, keyboard-operable, and the tablet's own
 * picker on touch.
 */
export function NoteFilters({
  filter,
  preset,
  facets,
  device,
  onChange,
  onPreset,
  onClear,
}: {
  filter: NoteFilter;
  preset: PeriodPreset;
  facets: { service: FacetOption[]; group: FacetOption[]; type: FacetOption[] };
  device: DeviceClass;
  onChange: (patch: Partial<NoteFilter>) => void;
  onPreset: (preset: PeriodPreset) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const size = device === 'tablet' ? 'medium' : 'small';
  const select = (key: 'service' | 'group' | 'type', options: FacetOption[]) => {
    const value = filter[key];
    // A chosen value stays selectable even when no note has it any more.
    const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: value, count: 0 }] : options;
    return (
      <TextField
        select
        size={size}
        label={t(`journal.filters.${key}`)}
        value={value}
        onChange={(e) => onChange({ [key]: e.target.value })}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        sx={{ minWidth: 150, flex: '1 1 150px' }}
      >
        <option value="">{t('journal.filters.all')}</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {t('journal.filters.option', { label: o.label, count: o.count })}
          </option>
        ))}
      </TextField>
    );
  };
  return (
    <Box component="form" role="search" aria-label={t('journal.filters.label')} onSubmit={(e) => e.preventDefault()} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
      <TextField
        type="search"
        size={size}
        label={t('journal.filters.search')}
        placeholder={t('journal.filters.searchHint')}
        value={filter.text}
        onChange={(e) => onChange({ text: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { autoComplete: 'off' } }}
        sx={{ flex: '2 1 220px' }}
      />
      {select('service', facets.service)}
      {select('group', facets.group)}
      {select('type', facets.type)}
      <TextField
        select
        size={size}
        label={t('journal.filters.period')}
        value={preset}
        onChange={(e) => onPreset(e.target.value as PeriodPreset)}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        sx={{ minWidth: 150, flex: '1 1 150px' }}
      >
        {PRESETS.map((p) => (
          <option key={p} value={p}>
            {t(`journal.period.${p}`)}
          </option>
        ))}
      </TextField>
      {preset === 'custom' && (
        <>
          <TextField
            type="date"
            size={size}
            label={t('journal.filters.from')}
            value={filter.from}
            onChange={(e) => onChange({ from: e.target.value })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: filter.to || undefined } }}
            sx={{ flex: '1 1 150px' }}
          />
          <TextField
            type="date"
            size={size}
            label={t('journal.filters.to')}
            value={filter.to}
            onChange={(e) => onChange({ to: e.target.value })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: filter.from || undefined } }}
            sx={{ flex: '1 1 150px' }}
          />
        </>
      )}
      {(isFiltered(filter) || preset !== 'all') && (
        <Button onClick={onClear} size={size} sx={{ alignSelf: 'center' }}>
          {t('journal.filters.clear')}
        </Button>
      )}
    </Box>
  );
}
