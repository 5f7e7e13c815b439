import type { PersonnelGroup } from '../session/personnel';
import { GRID_COLUMNS, type LayoutChange, type LayoutDocument, type LayoutItem } from './schema';
import type { ModuleManifest, PageKind } from './types';

/** The levels a layout is resolved through, in order. */
export type LayoutLevel = 'default' | 'municipality' | 'group' | 'user';

export interface LayoutNotice {
  kind: 'unknown-module' | 'forbidden-module' | 'wrong-page' | 'invalid-document' | 'duplicate-module';
  level: LayoutLevel;
  module?: string;
  detail?: string;
}

export interface ResolvedItem extends LayoutItem {
  manifest: ModuleManifest;
}

export interface ResolveInput {
  registry: ReadonlyMap<string, ModuleManifest>;
  group: PersonnelGroup;
  page: PageKind;
  /** Product default: always a full list of items. */
  defaults: LayoutItem[];
  municipality?: LayoutDocument | null;
  groupLayout?: LayoutDocument | null;
  user?: LayoutDocument | null;
  /** Documents that could not be read at all, with the level they belong to. */
  invalid?: { level: LayoutLevel; detail: string }[];
}

function clampSize(item: LayoutItem, manifest: ModuleManifest | undefined): LayoutItem {
  const min = manifest?.size.min ?? { w: 1, h: 1 };
  return { ...item, w: Math.min(GRID_COLUMNS, Math.max(min.w, item.w)), h: Math.max(min.h, item.h) };
}

/** Applies one level's changes (add, remove, order, resize, configure) to a list of items. */
export function applyChanges(items: LayoutItem[], changes: LayoutChange[], registry: ReadonlyMap<string, ModuleManifest>): LayoutItem[] {
  let out = items.map((i) => ({ ...i }));
  for (const change of changes) {
    switch (change.op) {
      case 'add': {
        if (out.some((i) => i.module === change.module)) break;
        const size = registry.get(change.module)?.size.default ?? { w: 6, h: 2 };
        const item: LayoutItem = { module: change.module, w: change.w ?? size.w, h: change.h ?? size.h, ...(change.config ? { config: change.config } : {}) };
        const index = change.index === undefined ? out.length : Math.min(change.index, out.length);
        out.splice(index, 0, item);
        break;
      }
      case 'remove':
        out = out.filter((i) => i.module !== change.module);
        break;
      case 'order': {
        const rank = new Map(change.modules.map((m, index) => [m, index]));
        const listed = out.filter((i) => rank.has(i.module)).sort((a, b) => rank.get(a.module)! - rank.get(b.module)!);
        const rest = out.filter((i) => !rank.has(i.module));
        out = [...listed, ...rest];
        break;
      }
      case 'resize':
        out = out.map((i) => (i.module === change.module ? { ...i, w: change.w, h: change.h } : i));
        break;
      case 'configure':
        out = out.map((i) => (i.module === change.module ? { ...i, config: { ...i.config, ...change.config } } : i));
        break;
    }
  }
  return out;
}

function applyDocument(items: LayoutItem[], doc: LayoutDocument | null | undefined, registry: ReadonlyMap<string, ModuleManifest>): LayoutItem[] {
  if (!doc) return items;
  const base = doc.items ? doc.items.map((i) => ({ ...i })) : items;
  return doc.changes ? applyChanges(base, doc.changes, registry) : base;
}

/**
 * The layout a user sees: product default → municipality → personnel group → the user's own
 * changes. A module that is unknown, not allowed for the group, or not for this page is skipped
 * with a notice; the rest renders.
 */
export function resolveLayout(input: ResolveInput): { items: ResolvedItem[]; notices: LayoutNotice[] } {
  const notices: LayoutNotice[] = (input.invalid ?? []).map((i) => ({ kind: 'invalid-document', level: i.level, detail: i.detail }));
  const levels: [LayoutLevel, LayoutDocument | null | undefined][] = [
    ['municipality', input.municipality],
    ['group', input.groupLayout],
    ['user', input.user],
  ];
  let items = input.defaults.map((i) => ({ ...i }));
  const origin = new Map<string, LayoutLevel>(items.map((i) => [i.module, 'default']));
  for (const [level, doc] of levels) {
    const before = new Set(items.map((i) => i.module));
    items = applyDocument(items, doc, input.registry);
    for (const item of items) if (!before.has(item.module)) origin.set(item.module, level);
  }
  const seen = new Set<string>();
  const resolved: ResolvedItem[] = [];
  for (const item of items) {
    const level = origin.get(item.module) ?? 'default';
    const manifest = input.registry.get(item.module);
    if (seen.has(item.module)) {
      notices.push({ kind: 'duplicate-module', level, module: item.module });
      continue;
    }
    seen.add(item.module);
    if (!manifest) {
      notices.push({ kind: 'unknown-module', level, module: item.module });
      continue;
    }
    if (!manifest.groups.includes(input.group)) {
      notices.push({ kind: 'forbidden-module', level, module: item.module });
      continue;
    }
    if (!manifest.pages.includes(input.page)) {
      notices.push({ kind: 'wrong-page', level, module: item.module });
      continue;
    }
    resolved.push({ ...clampSize(item, manifest), manifest });
  }
  return { items: resolved, notices };
}

/**
 * The changes that turn `base` into `target`, in the change vocabulary: what a user's own
 * layout stores, so it keeps following the group layout where the user changed nothing.
 */
export function diffLayouts(base: LayoutItem[], target: LayoutItem[]): LayoutChange[] {
  const changes: LayoutChange[] = [];
  const baseBy = new Map(base.map((i) => [i.module, i]));
  const targetBy = new Map(target.map((i) => [i.module, i]));
  for (const item of base) if (!targetBy.has(item.module)) changes.push({ op: 'remove', module: item.module });
  target.forEach((item, index) => {
    if (!baseBy.has(item.module)) changes.push({ op: 'add', module: item.module, index, w: item.w, h: item.h, ...(item.config ? { config: item.config } : {}) });
  });
  const baseOrder = base.filter((i) => targetBy.has(i.module)).map((i) => i.module);
  const targetOrder = target.filter((i) => baseBy.has(i.module)).map((i) => i.module);
  if (baseOrder.join('\n') !== targetOrder.join('\n')) changes.push({ op: 'order', modules: target.map((i) => i.module) });
  for (const item of target) {
    const before = baseBy.get(item.module);
    if (!before) continue;
    if (before.w !== item.w || before.h !== item.h) changes.push({ op: 'resize', module: item.module, w: item.w, h: item.h });
    if (JSON.stringify(before.config ?? {}) !== JSON.stringify(item.config ?? {})) changes.push({ op: 'configure', module: item.module, config: item.config ?? {} });
  }
  return changes;
}
