import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { ThemeProvider } from '@mui/material/styles';
import { makeTheme } from '../../app/theme';
import { MODULE_REGISTRY } from '../../modules/registry';
import { WORKSPACE_OF_GROUP, type Persona, type PersonnelGroup } from '../../session/personnel';
import { usePreferences } from '../../session/store';
import { EditableModuleGrid } from '../../layout/EditableModuleGrid';
import { usePrefetchModuleData } from '../../layout/ModuleGrid';
import { resolveLayout } from '../../layout/resolve';
import type { LayoutItem } from '../../layout/schema';
import type { DeviceClass, PageKind } from '../../layout/types';
import { paletteFor } from './editorModel';

/** Widest a tablet preview gets: about an iPad in portrait, so the page looks as it will there. */
export const TABLET_PREVIEW_WIDTH = 820;

/**
 * The page as the chosen group sees it on the chosen device, with real data, and the editing
 * handles on every module. The preview gets the theme of its device class (44 px touch targets
 * on tablets) whatever screen the administrator sits at.
 *
 * The modules fetch through the normal hooks with the signed-in administrator's token, and the
 * ones that read the signed-in persona (today's appointments: its PractitionerRole; my unit: its
 * organisation; recent patients: this session) show the administrator's data, not that of a
 * member of the group. That is enough to judge a layout; the page says so above the preview.
 */
export function LayoutCanvas({
  items,
  onChange,
  group,
  device,
  page,
  patientId,
  persona,
}: {
  items: LayoutItem[];
  onChange: (items: LayoutItem[]) => void;
  group: PersonnelGroup;
  device: DeviceClass;
  page: PageKind;
  patientId?: string;
  persona: Persona;
}) {
  const { t } = useTranslation();
  const themeMode = usePreferences((s) => s.themeMode);
  const theme = useMemo(() => makeTheme(themeMode, device), [themeMode, device]);
  const resolved = useMemo(() => resolveLayout({ registry: MODULE_REGISTRY, group, page, defaults: items }).items, [items, group, page]);
  const palette = useMemo(() => paletteFor(group, page), [group, page]);
  const context = useMemo(() => ({ persona, patientId }), [persona, patientId]);
  usePrefetchModuleData(resolved, context);
  // Keyboard focus never falls to the page when the control it was on goes away or is disabled.
  const focusAfter = useRef<{ id: string } | { element: HTMLElement } | null>(null);
  const change = (next: LayoutItem[]) => {
    const added = next.find((n) => !items.some((i) => i.module === n.module));
    const removedIndex = items.findIndex((i) => !next.some((n) => n.module === i.module));
    if (added) focusAfter.current = { id: `module-${added.module}` };
    else if (removedIndex >= 0) {
      const neighbour = next[removedIndex] ?? next[removedIndex - 1];
      focusAfter.current = { id: neighbour ? `module-${neighbour.module}` : 'palette-heading' };
    } else if (document.activeElement instanceof HTMLElement) focusAfter.current = { element: document.activeElement };
    onChange(next);
  };
  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (!target) return;
    if ('id' in target) {
      const element = document.getElementById(target.id);
      // A module's frame takes focus (tabIndex -1); with no module left, the first palette button.
      const focusable = element?.tagName === 'H2' ? element.closest('section')?.querySelector<HTMLElement>('button') : element;
      focusable?.focus();
      return;
    }
    // A move or resize button that is now disabled (first place, widest, …): the module's drag handle.
    const { element } = target;
    if (element.isConnected && !(element as HTMLButtonElement).disabled) return;
    const group = element.closest('[role="group"]');
    group?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
  }, [items]);
  const label = t('editor.canvas', { group: t(`group.${group}`), device: t(`editor.device.${device}`), page: t(`editor.page.${page}`) });

  return (
    <ThemeProvider theme={theme}>
      <Box
        component="section"
        aria-label={label}
        data-device={device}
        sx={
          device === 'tablet'
            ? { maxWidth: TABLET_PREVIEW_WIDTH, width: '100%', mx: 'auto', p: 2, border: 8, borderColor: 'grey.800', borderRadius: 6, bgcolor: 'background.default' }
            : { width: '100%' }
        }
      >
        {items.length === 0 && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('editor.empty')}
          </Alert>
        )}
        <EditableModuleGrid items={items} resolved={resolved} onChange={change} palette={palette} device={device} patientId={patientId} workspaceId={WORKSPACE_OF_GROUP[group]} />
      </Box>
    </ThemeProvider>
  );
}
