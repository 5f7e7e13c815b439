import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MODULE_REGISTRY } from '../modules/registry';
import { ModuleFrame } from './ModuleFrame';
import { moduleComponent } from './ModuleGrid';
import type { DeviceClass } from './types';

/**
 * One layout module by id, in its frame, outside a grid: for a page with a fixed place for a
 * module (the consultation's patient summary). Nothing when the module does not exist or the
 * personnel group may not use it.
 */
export function ModuleSlot({ moduleId, patientId, workspaceId, device, group }: { moduleId: string; patientId?: string; workspaceId: string; device: DeviceClass; group: string }) {
  const { t } = useTranslation();
  const manifest = MODULE_REGISTRY.get(moduleId);
  if (!manifest || !(manifest.groups as readonly string[]).includes(group)) return null;
  return (
    <ModuleFrame moduleId={moduleId} title={t(manifest.titleKey)}>
      {createElement(moduleComponent(manifest), { patientId, config: {}, workspaceId, device })}
    </ModuleFrame>
  );
}
