import { createElement, lazy, useCallback, useEffect, useMemo, type ComponentType, type CSSProperties, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useFhirClient } from '../fhir/context';
import { useSession } from '../session/store';
import { useDeviceClass } from '../app/deviceClass';
import { useResolvedLayout } from './useLayout';
import { prefetchPage, uniqueDataNeeds } from './prefetchPage';

export { uniqueDataNeeds };
import type { Persona } from '../session/personnel';
import { GRID_COLUMNS } from './schema';
import type { LayoutNotice, ResolvedItem } from './resolve';
import type { DeviceClass, ModuleManifest, ModuleProps } from './types';
import { ModuleFrame } from './ModuleFrame';
import { patientAccessQuery } from '../access/api';

const lazyComponents = new Map<string, LazyExoticComponent<ComponentType<ModuleProps>>>();

/** One lazy component per module: its code is fetched the first time a layout shows it. */
export function moduleComponent(manifest: ModuleManifest): LazyExoticComponent<ComponentType<ModuleProps>> {
  let component = lazyComponents.get(manifest.id);
  if (!component) {
    component = lazy(manifest.load);
    lazyComponents.set(manifest.id, component);
  }
  return component;
}

/** Starts every module's searches at once, and the download of their code, before they render. */
export function usePrefetchModuleData(items: ResolvedItem[], context: { patientId?: string; persona: Persona }): void {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  const needs = useMemo(() => uniqueDataNeeds(items, context), [items, context]);
  const patientPage = Boolean(context.patientId);
  useEffect(() => prefetchPage(queryClient, client, items, needs, patientPage), [needs, items, client, queryClient, patientPage]);
}

/**
 * For the patient search: the moment a patient is picked, start what their chart will ask for
 * (the chart's first render comes a frame or more later).
 */
export function usePrefetchPatientChart(): (patientId: string) => void {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  const persona = useSession((s) => s.persona);
  const device = useDeviceClass();
  const layout = useResolvedLayout(persona, device, 'patient');
  return useCallback(
    (patientId: string) => {
      if (!persona || layout.isPending) return;
      prefetchPage(queryClient, client, layout.items, uniqueDataNeeds(layout.items, { persona, patientId }), true);
      // The chart's access banner asks too.
      void queryClient.prefetchQuery(patientAccessQuery(client, patientId));
    },
    [client, queryClient, persona, layout.items, layout.isPending],
  );
}

export function LayoutNotices({ notices }: { notices: LayoutNotice[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} role="status">
      {t('layout.noticesTitle')}
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {notices.map((n, i) => (
          <li key={i}>{t(`layout.notice.${n.kind}`, { module: n.module ?? '', level: t(`layout.level.${n.level}`), detail: n.detail ?? '' })}</li>
        ))}
      </Box>
    </Alert>
  );
}

/** The 12-column grid a page of modules stands on; on a narrow screen one column. */
export function GridContainer({ device, children }: { device: DeviceClass; children: ReactNode }) {
  return (
    <Box
      data-testid="module-grid"
      sx={{
        '--row-height': device === 'tablet' ? '120px' : '104px',
        '--grid-gap': '16px',
        display: 'grid',
        gap: 'var(--grid-gap)',
        gridTemplateColumns: { xs: '1fr', sm: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))` },
        gridAutoRows: { xs: 'auto', sm: 'var(--row-height)' },
        gridAutoFlow: 'row dense',
      }}
    >
      {children}
    </Box>
  );
}

export interface ModuleCellProps {
  item: ResolvedItem;
  patientId?: string;
  workspaceId: string;
  device: DeviceClass;
  actions?: ReactNode;
  cellRef?: (node: HTMLElement | null) => void;
  style?: CSSProperties;
}

/** One module in its grid cell: it spans its width in columns and its height in rows. */
export function ModuleCell({ item, patientId, workspaceId, device, actions, cellRef, style }: ModuleCellProps) {
  const { t } = useTranslation();
  return (
    <Box
      ref={cellRef}
      style={style}
      sx={{ gridColumn: { xs: '1 / -1', sm: `span ${item.w}` }, gridRow: { xs: 'auto', sm: `span ${item.h}` }, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column', '& > section': { flex: 1 } }}
    >
      <ModuleFrame moduleId={item.module} title={t(item.manifest.titleKey)} actions={actions}>
        {/* moduleComponent caches one lazy component per module id: its identity is stable across renders. */}
        {createElement(moduleComponent(item.manifest), { patientId, config: item.config ?? {}, workspaceId, device })}
      </ModuleFrame>
    </Box>
  );
}

/** A page of layout modules, in the order of the layout. */
export function ModuleGrid({ items, patientId, workspaceId, device }: { items: ResolvedItem[]; patientId?: string; workspaceId: string; device: DeviceClass }) {
  return (
    <GridContainer device={device}>
      {items.map((item) => (
        <ModuleCell key={item.module} item={item} patientId={patientId} workspaceId={workspaceId} device={device} />
      ))}
    </GridContainer>
  );
}
