import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ServiceCode } from '../domain/services';

export interface ServiceCount {
  service: ServiceCode;
  count: number;
}

/** Counts of entries per service, most first (for the filter's options). */
export function serviceCounts<T>(items: readonly T[], serviceOf: (item: T) => ServiceCode | undefined): ServiceCount[] {
  const counts = new Map<ServiceCode, number>();
  for (const item of items) {
    const s = serviceOf(item);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...counts].map(([service, count]) => ({ service, count })).sort((a, b) => b.count - a.count || a.service.localeCompare(b.service));
}

/** "Service: all / GP practice (12) / Home care (40) …": filters a module's entries by the service that recorded them. */
export function ServiceFilter({ value, onChange, counts }: { value: ServiceCode | ''; onChange: (value: ServiceCode | '') => void; counts: readonly ServiceCount[] }) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={t('provenance.filter')}
      value={value}
      onChange={(e) => onChange(e.target.value as ServiceCode | '')}
      sx={{ minWidth: 180 }}
    >
      <MenuItem value="">{t('provenance.allServices')}</MenuItem>
      {counts.map(({ service, count }) => (
        <MenuItem key={service} value={service}>
          {t('provenance.option', { service: t(`service.${service}`), count })}
        </MenuItem>
      ))}
      {value && !counts.some((c) => c.service === value) && <MenuItem value={value}>{t(`service.${value}`)}</MenuItem>}
    </TextField>
  );
}
