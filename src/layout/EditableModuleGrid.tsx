import { useTranslation } from 'react-i18next';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, rectSortingStrategy, sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import CloseIcon from '@mui/icons-material/Close';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import UnfoldLessIcon from '@mui/icons-material/UnfoldLess';
import UnfoldMoreIcon from '@mui/icons-material/UnfoldMore';
import WestIcon from '@mui/icons-material/West';
import EastIcon from '@mui/icons-material/East';
import { GRID_COLUMNS, type LayoutItem } from './schema';
import type { ResolvedItem } from './resolve';
import type { DeviceClass, ModuleManifest } from './types';
import { GridContainer, ModuleCell, type ModuleCellProps } from './ModuleGrid';

/** Pure edits of a page's item list: the operations the editor buttons and drag perform. */
export const layoutEdits = {
  move(items: LayoutItem[], index: number, to: number): LayoutItem[] {
    if (to < 0 || to >= items.length) return items;
    return arrayMove(items, index, to);
  },
  resize(items: LayoutItem[], index: number, dw: number, dh: number, min: { w: number; h: number }): LayoutItem[] {
    return items.map((item, i) =>
      i === index ? { ...item, w: Math.min(GRID_COLUMNS, Math.max(min.w, item.w + dw)), h: Math.min(12, Math.max(min.h, item.h + dh)) } : item,
    );
  },
  remove(items: LayoutItem[], index: number): LayoutItem[] {
    return items.filter((_, i) => i !== index);
  },
  add(items: LayoutItem[], manifest: ModuleManifest, device: DeviceClass): LayoutItem[] {
    if (items.some((i) => i.module === manifest.id)) return items;
    const w = device === 'tablet' ? GRID_COLUMNS : manifest.size.default.w;
    return [...items, { module: manifest.id, w, h: manifest.size.default.h }];
  },
};

function SortableCell(props: Omit<ModuleCellProps, 'cellRef' | 'style'>) {
  const { setNodeRef, transform, transition, isDragging } = useSortable({ id: props.item.module });
  return (
    <ModuleCell
      {...props}
      cellRef={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.7 : 1, zIndex: isDragging ? 5 : undefined }}
    />
  );
}

function DragHandle({ id, label }: { id: string; label: string }) {
  const { attributes, listeners, setActivatorNodeRef } = useSortable({ id });
  return (
    <Tooltip title={label}>
      <IconButton ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={label} size="small" sx={{ cursor: 'grab', touchAction: 'none' }}>
        <DragIndicatorIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}

/**
 * A page of modules being rearranged: drag by the handle (mouse, touch, or keyboard with space
 * and arrows), or use the buttons on each module to move, resize and remove it; add from the
 * palette of modules the group may use. Every step works without a mouse.
 */
export function EditableModuleGrid({
  items,
  resolved,
  onChange,
  palette,
  device,
  patientId,
  workspaceId,
  removeLabelKey = 'layout.edit.remove',
}: {
  items: LayoutItem[];
  resolved: ResolvedItem[];
  onChange: (items: LayoutItem[]) => void;
  palette: ModuleManifest[];
  device: DeviceClass;
  patientId?: string;
  workspaceId: string;
  removeLabelKey?: string;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const indexOf = (module: string) => items.findIndex((i) => i.module === module);
  const onDragEnd = (event: DragEndEvent) => {
    const from = indexOf(String(event.active.id));
    const to = event.over ? indexOf(String(event.over.id)) : -1;
    if (from >= 0 && to >= 0 && from !== to) onChange(layoutEdits.move(items, from, to));
  };
  const available = palette.filter((m) => !items.some((i) => i.module === m.id));

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper component="section" aria-labelledby="palette-heading" sx={{ p: 2 }} variant="outlined">
        <Typography variant="h2" id="palette-heading" sx={{ mb: 1 }}>
          {t('layout.edit.palette')}
        </Typography>
        {available.length === 0 ? (
          <Typography color="text.secondary">{t('layout.edit.paletteEmpty')}</Typography>
        ) : (
          <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, m: 0, p: 0, listStyle: 'none' }}>
            {available.map((m) => (
              <li key={m.id}>
                <Button variant="outlined" onClick={() => onChange(layoutEdits.add(items, m, device))} title={t(m.descriptionKey)}>
                  {t('layout.edit.add', { module: t(m.titleKey) })}
                </Button>
              </li>
            ))}
          </Box>
        )}
      </Paper>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={items.map((i) => i.module)} strategy={rectSortingStrategy}>
          <GridContainer device={device}>
            {resolved.map((item) => {
              const index = indexOf(item.module);
              const title = t(item.manifest.titleKey);
              const min = item.manifest.size.min;
              const actions = (
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.25 }} role="group" aria-label={t('layout.edit.actionsFor', { module: title })}>
                  <DragHandle id={item.module} label={t('layout.edit.drag', { module: title })} />
                  <IconButton size="small" aria-label={t('layout.edit.moveEarlier', { module: title })} disabled={index <= 0} onClick={() => onChange(layoutEdits.move(items, index, index - 1))}>
                    <ArrowBackIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('layout.edit.moveLater', { module: title })} disabled={index >= items.length - 1} onClick={() => onChange(layoutEdits.move(items, index, index + 1))}>
                    <ArrowForwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('layout.edit.narrower', { module: title })} disabled={item.w <= min.w} onClick={() => onChange(layoutEdits.resize(items, index, -1, 0, min))}>
                    <WestIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('layout.edit.wider', { module: title })} disabled={item.w >= GRID_COLUMNS} onClick={() => onChange(layoutEdits.resize(items, index, 1, 0, min))}>
                    <EastIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('layout.edit.shorter', { module: title })} disabled={item.h <= min.h} onClick={() => onChange(layoutEdits.resize(items, index, 0, -1, min))}>
                    <UnfoldLessIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('layout.edit.taller', { module: title })} disabled={item.h >= 12} onClick={() => onChange(layoutEdits.resize(items, index, 0, 1, min))}>
                    <UnfoldMoreIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t(removeLabelKey, { module: title })} onClick={() => onChange(layoutEdits.remove(items, index))}>
                    <CloseIcon fontSize="small" />
                  </IconButton>
                </Box>
              );
              return <SortableCell key={item.module} item={item} patientId={patientId} workspaceId={workspaceId} device={device} actions={actions} />;
            })}
          </GridContainer>
        </SortableContext>
      </DndContext>
    </Box>
  );
}
