import type { ComponentType } from 'react';
import type { SearchParams, ResourceType } from '../fhir/client';
import type { Persona, PersonnelGroup } from '../session/personnel';

export type DeviceClass = 'tablet' | 'desktop';
/** The kinds of page a workspace has: its home page, and a patient's chart. */
export type PageKind = 'home' | 'patient';

/** What a module is given when it renders. */
export interface ModuleProps {
  /** The patient in context (patient pages only). */
  patientId?: string;
  /** The module's own settings from the layout document ("configure"). */
  config: Record<string, unknown>;
  /** The workspace the module is shown in (for links). */
  workspaceId: string;
  device: DeviceClass;
}

/** A FHIR search a module needs, declared so access and prefetching are decided before render. */
export interface DataNeed {
  type: ResourceType;
  params: SearchParams;
}

export interface ModuleContext {
  patientId?: string;
  persona: Persona;
}

/**
 * What a layout module is, not where it goes. Manifests are small and always loaded; the
 * component is fetched only when a layout shows the module.
 */
export interface ModuleManifest {
  id: string;
  /** i18n key of the title. */
  titleKey: string;
  /** i18n key of a one-line description for the editor's palette. */
  descriptionKey: string;
  /** A short emoji-free symbol name shown in the palette (Material icon name). */
  icon: string;
  /** Personnel groups that may use the module. */
  groups: readonly PersonnelGroup[];
  /** Which pages it can stand on. */
  pages: readonly PageKind[];
  needsPatient: boolean;
  tablet: boolean;
  offline: boolean;
  /** Grid size in columns (of 12) and rows. */
  size: { default: { w: number; h: number }; min: { w: number; h: number } };
  /** The searches it makes; the page uses these to prefetch once and de-duplicate. */
  data: (context: ModuleContext) => DataNeed[];
  load: () => Promise<{ default: ComponentType<ModuleProps> }>;
}
