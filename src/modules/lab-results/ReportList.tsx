import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import type { DeviceClass } from '../../layout/types';
import type { ReportView } from '../../fhir/results/model';

/**
 * The reports, virtualised: only the cards in view (and a few around) are in the page, however
 * many years of results the patient has. Cards have their real heights (measured). Tabbing moves
 * through the buttons of the cards in view; the browser scrolls, and the list renders the next.
 */
export function ReportList({ views, device, renderItem }: { views: readonly ReportView[]; device: DeviceClass; renderItem: (view: ReportView) => ReactNode }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: views.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const v = views[index];
      const rows = v?.kind === 'rad' ? 2 : (v?.analyses.length ?? 1) + 1;
      return (device === 'tablet' ? 110 : 86) + rows * (device === 'tablet' ? 34 : 30);
    },
    overscan: 4,
    getItemKey: (index) => views[index]?.id ?? index,
  });

  return (
    <Box
      ref={scrollRef}
      data-testid="lab-results-scroll"
      // Keyboard users can scroll the list even when no row has a button in view (WCAG 2.1.1).
      tabIndex={0}
      role="group"
      aria-label={t('labResults.list.label')}
      sx={{ flex: '1 1 auto', minHeight: 280, height: { xs: '60vh', sm: 'auto' }, overflow: 'auto', borderTop: 1, borderColor: 'divider', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } }}
    >
      <Box role="list" aria-label={t('labResults.list.label')} sx={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const view = views[item.index]!;
          return (
            <Box
              key={item.key}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={views.length}
              data-index={item.index}
              ref={virtualizer.measureElement}
              sx={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {renderItem(view)}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
