import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reference } from 'fhir/r4';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useFhirHistory } from '../../fhir/hooks';
import { provenanceText } from '../../journal/RecordedBy';
import { useProvenance } from '../../journal/useProvenance';
import { formatDateTime } from '../../ui/dates';
import { QueryState } from '../../ui/QueryList';
import { fieldValueText } from './labels';
import { changesBetween, entryOf, type CriticalEntry } from './model';

/**
 * Every version of one entry, newest first: when, who (name, group, unit, service,
 * municipality) and what changed from the version before.
 */
export function EntryHistory({ entry, id }: { entry: CriticalEntry; id: string }) {
  const { t } = useTranslation();
  const history = useFhirHistory(entry.resource.resourceType, entry.resource.id);
  const versions = useMemo(
    () =>
      (history.data ?? [])
        .map(entryOf)
        .sort((a, b) => a.version - b.version),
    [history.data],
  );
  const refs = useMemo<(Reference | undefined)[]>(() => versions.flatMap((v) => [v.recorder, v.changedBy]), [versions]);
  const provenance = useProvenance(refs);

  const rows = versions
    .map((version, index) => {
      const previous = index > 0 ? versions[index - 1] : undefined;
      const first = previous === undefined;
      const who = first ? version.recorder : version.changedBy;
      const when = first ? (version.recordedDate ?? version.lastUpdated) : version.lastUpdated;
      const changes = previous ? changesBetween(previous, version) : [];
      const kind = first ? 'created' : version.refuted && !previous.refuted ? 'refuted' : 'changed';
      return { version, who, when, changes, kind };
    })
    .reverse();

  return (
    <Box id={id} role="group" aria-label={t('criticalInfo.history.title')} sx={{ mt: 1, pl: 1.5, borderLeft: 2, borderColor: 'divider' }}>
      <QueryState error={history.error} onRetry={() => void history.refetch()} loaded={history.data !== undefined}>
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
          {rows.map(({ version, who, when, changes, kind }) => (
            <Box component="li" key={version.version}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {[t('criticalInfo.history.version', { version: version.version }), t(`criticalInfo.history.${kind}`), when ? formatDateTime(when) : null].filter(Boolean).join(' · ')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {who ? provenanceText(t, provenance.describe(who)) : t('criticalInfo.history.unknownWho')}
              </Typography>
              {kind !== 'created' && (
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {changes.length === 0 && (
                    <Typography component="li" variant="body2">
                      {t('criticalInfo.history.noChanges')}
                    </Typography>
                  )}
                  {changes.map((c) => (
                    <Typography component="li" variant="body2" key={c.field} sx={{ overflowWrap: 'anywhere' }}>
                      {t('criticalInfo.history.change', {
                        field: t(`criticalInfo.field.${c.field}`),
                        from: fieldValueText(t, c.field, c.from) || t('criticalInfo.history.empty'),
                        to: fieldValueText(t, c.field, c.to) || t('criticalInfo.history.empty'),
                      })}
                    </Typography>
                  ))}
                  {kind === 'refuted' && version.refutedReason && (
                    <Typography component="li" variant="body2">
                      {t('criticalInfo.entry.refutedReason', { text: version.refutedReason })}
                    </Typography>
                  )}
                </Box>
              )}
            </Box>
          ))}
        </Box>
      </QueryState>
    </Box>
  );
}
