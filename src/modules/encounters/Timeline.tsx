import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { DeviceClass } from '../../layout/types';
import { NewChip } from '../../journal/RecordedBy';
import { encounterKind, type EncounterView, type TimelineRow } from './model';
import { monthLabel, periodText } from './labels';

export interface EncounterLine {
  /** Who took part and where (personnel · unit · service · municipality). */
  who: string;
  /** The place, when it says more than the unit (a room, an office's address). */
  place?: string;
  isNew: boolean;
  service?: EncounterView['service'];
}

function EncounterRow({ view, line }: { view: EncounterView; line: EncounterLine }) {
  const { t } = useTranslation();
  const kind = t(`encounters.kind.${encounterKind(view.classCode, line.service ?? view.service)}`);
  const status = view.status !== 'finished' ? t(`encounters.status.${view.status}`, { defaultValue: view.status }) : '';
  return (
    <Box sx={{ px: 1, py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
      <Typography component="p" variant="body2" sx={{ m: 0, display: 'flex', flexWrap: 'wrap', columnGap: 1, rowGap: 0.25, alignItems: 'center' }}>
        <Box component="span" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
          {view.start ? <time dateTime={view.start}>{periodText(t, view)}</time> : periodText(t, view)}
        </Box>
        <Box component="span" sx={{ fontWeight: 600 }}>
          {kind}
        </Box>
        {view.reason && <span>{view.reason}</span>}
        {status && <Chip component="span" size="small" label={status} color={view.status === 'in-progress' ? 'info' : view.status === 'cancelled' ? 'warning' : 'default'} sx={{ height: 22 }} />}
        {line.isNew && <NewChip />}
      </Typography>
      <Typography component="p" variant="body2" color="text.secondary" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {line.who}
      </Typography>
      {line.place && (
        <Typography component="p" variant="body2" color="text.secondary" sx={{ m: 0 }}>
          {t('encounters.place', { place: line.place })}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The timeline of contacts, newest first, with a heading per month; virtualised, so only the
 * rows in view (and a few around) are in the page however long the history is. The scroll box
 * is focusable, so the keyboard scrolls it.
 */
export function Timeline({ rows, device, lineOf, labelledBy }: { rows: readonly TimelineRow[]; device: DeviceClass; lineOf: (view: EncounterView) => EncounterLine; labelledBy: string }) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'month' ? 40 : device === 'tablet' ? 84 : 68),
    overscan: 6,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  return (
    <Box
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-labelledby={labelledBy}
      data-testid="encounters-scroll"
      sx={{ flex: '1 1 auto', minHeight: 240, height: { xs: '60vh', sm: 'auto' }, maxHeight: 720, overflow: 'auto', borderTop: 1, borderColor: 'divider', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } }}
    >
      <Box role="list" aria-label={t('encounters.pastList')} sx={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <Box
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              sx={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'month' ? (
                <Typography component="h4" variant="subtitle2" sx={{ m: 0, px: 1, pt: 1.5, pb: 0.5, fontWeight: 700, bgcolor: 'background.paper' }}>
                  {t('encounters.month', { month: row.month ? monthLabel(row.month, i18n.language) : t('encounters.noDate'), count: row.count })}
                </Typography>
              ) : (
                <EncounterRow view={row.view} line={lineOf(row.view)} />
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
