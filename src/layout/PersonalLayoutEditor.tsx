import { useMemo, useRef, useState } from 'react';
import type { Basic } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { MODULES, MODULE_REGISTRY } from '../modules/registry';
import { useSession } from '../session/store';
import { ErrorAlert } from '../ui/ErrorAlert';
import { diffLayouts, resolveLayout } from './resolve';
import type { LayoutItem } from './schema';
import type { DeviceClass, PageKind } from './types';
import type { ResolvedLayout } from './useLayout';
import { EditableModuleGrid } from './EditableModuleGrid';
import { useSaveLayout } from './useSaveLayout';
import { useLayoutEditing } from './editingStore';

const strip = (items: { module: string; w: number; h: number; config?: Record<string, unknown> }[]): LayoutItem[] =>
  items.map(({ module, w, h, config }) => ({ module, w, h, ...(config ? { config } : {}) }));

/**
 * A user rearranges their own page: every change is saved at once as the user's own changes on
 * top of the group's layout (stored in the journal, so it follows the user to other devices).
 */
export function PersonalLayoutEditor({
  layout,
  page,
  device,
  patientId,
  workspaceId,
}: {
  layout: ResolvedLayout;
  page: PageKind;
  device: DeviceClass;
  patientId?: string;
  workspaceId: string;
}) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona)!;
  const setEditing = useLayoutEditing((s) => s.setEditing);
  const [items, setItems] = useState<LayoutItem[]>(() => strip(layout.items));
  const saver = useSaveLayout();
  const groupItems = useMemo(() => strip(layout.groupItems), [layout.groupItems]);
  const resolved = useMemo(
    () => resolveLayout({ registry: MODULE_REGISTRY, group: persona.personnelGroup, page, defaults: items }).items,
    [items, persona.personnelGroup, page],
  );
  const palette = MODULES.filter((m) => m.groups.includes(persona.personnelGroup) && m.pages.includes(page));
  // Saves run one after another, each on the version the previous one returned.
  const latest = useRef<Basic | undefined>(layout.picked.user?.basic);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const persist = (next: LayoutItem[] | null) => {
    saver.reset();
    queue.current = queue.current
      .then(async () => {
        if (next === null) {
          if (latest.current) await saver.remove(latest.current);
          latest.current = undefined;
          return;
        }
        const changes = diffLayouts(groupItems, next);
        const doc = { schemaVersion: 1 as const, scope: { device, page, user: persona.practitionerId, group: persona.personnelGroup }, changes };
        latest.current = await saver.save(doc, latest.current);
      })
      .catch(() => undefined);
  };
  const change = (next: LayoutItem[]) => {
    setItems(next);
    persist(next);
  };
  const resetToGroup = () => {
    setItems(groupItems);
    persist(null);
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ flex: 1 }} role="status">
          {saver.isPending ? t('layout.personal.saving') : t('layout.personal.explain')}
        </Typography>
        <Button variant="outlined" onClick={resetToGroup}>
          {t('layout.personal.reset')}
        </Button>
        <Button variant="contained" onClick={() => setEditing(false)}>
          {t('layout.personal.done')}
        </Button>
      </Box>
      {saver.error ? <ErrorAlert error={saver.error} titleKey="layout.personal.saveFailed" /> : null}
      <EditableModuleGrid
        items={items}
        resolved={resolved}
        onChange={change}
        palette={palette}
        device={device}
        patientId={patientId}
        workspaceId={workspaceId}
        removeLabelKey="layout.edit.hide"
      />
    </Box>
  );
}
