import { MODULES } from '../../modules/registry';
import { PERSONNEL_GROUPS, type PersonnelGroup } from '../../session/personnel';
import type { LayoutNotice } from '../../layout/resolve';
import { LAYOUT_SCHEMA_VERSION, type LayoutDocument, type LayoutItem } from '../../layout/schema';
import { LAYOUT_ID, layoutKey, type StoredLayout } from '../../layout/storage';
import type { DeviceClass, ModuleManifest, PageKind } from '../../layout/types';
import { pickDocuments, resolveFor, type LayoutTarget, type PickedDocuments } from '../../layout/useLayout';

/**
 * The pure part of the layout editor: which document the administrator is editing, what it
 * starts from, and the document that saving or exporting writes. No React here.
 */

/** Every group whose layout an administrator edits (not the administrators' own). */
export const EDITABLE_GROUPS: readonly PersonnelGroup[] = PERSONNEL_GROUPS.filter((g) => g !== 'config-admin');
export const DEVICES: readonly DeviceClass[] = ['tablet', 'desktop'];
export const PAGES: readonly PageKind[] = ['home', 'patient'];
export const VARIANT_MAX_LENGTH = 40;

/** One group layout document: municipality, group, device class, page and (optional) named variant. */
export interface EditorScope {
  municipality: string;
  group: PersonnelGroup;
  device: DeviceClass;
  page: PageKind;
  /** Absent: the group's main layout. */
  variant?: string;
}

export function targetOf(scope: EditorScope): LayoutTarget {
  return { municipality: scope.municipality, group: scope.group, device: scope.device, page: scope.page };
}

/** The storage key of the document (the same key `layoutToBasic` writes). */
export function scopeKey(scope: EditorScope): string {
  return layoutKey({ scope: targetOf(scope), variant: scope.variant });
}

/** Items without the resolved manifests: what a document stores. */
export function stripItems(items: readonly LayoutItem[]): LayoutItem[] {
  return items.map(({ module, w, h, config }) => ({ module, w, h, ...(config ? { config } : {}) }));
}

/** A full group layout document: every item of the page, so it no longer follows the default. */
export function layoutDocumentFor(scope: EditorScope, items: readonly LayoutItem[], active?: boolean): LayoutDocument {
  return {
    schemaVersion: LAYOUT_SCHEMA_VERSION,
    scope: targetOf(scope),
    ...(scope.variant ? { variant: scope.variant } : {}),
    ...(active === undefined ? {} : { active }),
    items: stripItems(items),
  };
}

/** The modules a group may place on a page: the editor's palette. */
export function paletteFor(group: PersonnelGroup, page: PageKind, modules: readonly ModuleManifest[] = MODULES): ModuleManifest[] {
  return modules.filter((m) => m.groups.includes(group) && m.pages.includes(page));
}

function storedKey(stored: StoredLayout): string | undefined {
  return stored.basic.identifier?.find((i) => i.system === LAYOUT_ID.key)?.value;
}

/**
 * The stored document of exactly this scope and variant, readable or not (a broken one is
 * still the resource a save must replace).
 */
export function storedFor(municipalDocs: readonly StoredLayout[], scope: EditorScope): StoredLayout | undefined {
  const key = scopeKey(scope);
  return municipalDocs.find((d) => storedKey(d) === key) ?? municipalDocs.find((d) => d.document && !d.document.scope.user && layoutKey(d.document) === key);
}

export function pickedFor(municipalDocs: readonly StoredLayout[], scope: EditorScope): PickedDocuments {
  return pickDocuments([...municipalDocs], [], targetOf(scope));
}

/** The named variants stored for the scope's group, device and page, sorted. */
export function storedVariants(picked: PickedDocuments): string[] {
  const names = new Set<string>();
  for (const d of picked.groupVariants) if (d.document?.variant) names.add(d.document.variant);
  return [...names].sort((a, b) => a.localeCompare(b, 'nb'));
}

/** The variant users of the group see: the one marked active, else the main layout (undefined). */
export function activeVariantOf(picked: PickedDocuments): string | undefined {
  return picked.group?.document?.variant;
}

export interface Baseline {
  items: LayoutItem[];
  notices: LayoutNotice[];
  stored: StoredLayout | undefined;
}

/**
 * What the editor starts from for one variant: product default → municipality → this variant's
 * stored group document, as a full list of items. Unknown or forbidden modules are dropped with
 * a notice; a broken stored document is reported and the layout below it is used. `stored`
 * replaces what the search found (for a version just read after a conflict).
 */
export function baselineFor(municipalDocs: readonly StoredLayout[], scope: EditorScope, stored: StoredLayout | undefined = storedFor(municipalDocs, scope)): Baseline {
  const picked = pickedFor(municipalDocs, scope);
  const invalid = picked.invalid.filter((i) => i.level === 'municipality');
  if (stored && !stored.document && 'problems' in stored) invalid.push({ level: 'group', detail: stored.problems.join('; ') });
  const { full } = resolveFor(targetOf(scope), { ...picked, group: stored?.document ? stored : undefined, user: undefined, invalid });
  return { items: stripItems(full.items), notices: full.notices, stored };
}

/** The layout without any group document: product default → municipality ("revert to default"). */
export function defaultItemsFor(municipalDocs: readonly StoredLayout[], scope: EditorScope): LayoutItem[] {
  const picked = pickedFor(municipalDocs, scope);
  return stripItems(resolveFor(targetOf(scope), { ...picked, group: undefined, user: undefined, invalid: [] }).full.items);
}

export type VariantNameProblem = 'empty' | 'too-long' | 'taken';

export function variantNameProblem(name: string, existing: readonly string[]): VariantNameProblem | null {
  const trimmed = name.trim();
  if (!trimmed) return 'empty';
  if (trimmed.length > VARIANT_MAX_LENGTH) return 'too-long';
  if (existing.some((e) => e.toLocaleLowerCase('nb') === trimmed.toLocaleLowerCase('nb'))) return 'taken';
  return null;
}

export const isMunicipalityCode = (code: string): boolean => /^\d{4}$/.test(code);
