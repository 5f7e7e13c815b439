import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { useDeviceClass } from '../app/deviceClass';
import { useSession } from '../session/store';
import { WORKSPACE_OF_GROUP } from '../session/personnel';
import { LayoutNotices, ModuleGrid, usePrefetchModuleData } from './ModuleGrid';
import { useResolvedLayout } from './useLayout';
import type { PageKind } from './types';
import { PersonalLayoutEditor } from './PersonalLayoutEditor';
import { useLayoutEditing } from './editingStore';

/**
 * A page of a workspace, built from the layout the signed-in user resolves to. The same
 * component serves every workspace's home page and every patient chart. With `hold`, the
 * modules' searches start but the modules wait (a chart waits for its patient).
 */
export function LayoutPage({ page, patientId, header, hold = false }: { page: PageKind; patientId?: string; header?: ReactNode; hold?: boolean }) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const device = useDeviceClass();
  const layout = useResolvedLayout(persona, device, page);
  const context = useMemo(() => (persona ? { persona, patientId } : null), [persona, patientId]);
  usePrefetchModuleData(layout.isPending ? [] : layout.items, context ?? { persona: persona!, patientId });
  const editing = useLayoutEditing((s) => s.editing);
  const setEditing = useLayoutEditing((s) => s.setEditing);
  if (!persona) return null;
  const workspaceId = WORKSPACE_OF_GROUP[persona.personnelGroup];

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {header}
      {!editing && !layout.isPending && !hold && (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: -1 }}>
          <Button size="small" onClick={() => setEditing(true)}>
            {t('layout.personal.customize')}
          </Button>
        </Box>
      )}
      {layout.error ? <Alert severity="warning">{t('layout.couldNotLoad')}</Alert> : null}
      <LayoutNotices notices={layout.notices} />
      {layout.isPending || hold ? (
        <Box role="status" aria-label={t('common.loading')} sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          <Skeleton variant="rounded" height={240} />
          <Skeleton variant="rounded" height={240} />
        </Box>
      ) : editing ? (
        <PersonalLayoutEditor layout={layout} page={page} device={device} patientId={patientId} workspaceId={workspaceId} />
      ) : layout.items.length === 0 ? (
        <Alert severity="info">{t('layout.empty')}</Alert>
      ) : (
        <ModuleGrid items={layout.items} patientId={patientId} workspaceId={workspaceId} device={device} />
      )}
    </Box>
  );
}
