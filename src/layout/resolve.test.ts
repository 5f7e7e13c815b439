import { describe, expect, it } from 'vitest';
import type { ModuleManifest } from './types';
import { applyChanges, diffLayouts, resolveLayout } from './resolve';
import { parseLayoutDocument, type LayoutDocument, type LayoutItem } from './schema';

function manifest(id: string, overrides: Partial<ModuleManifest> = {}): ModuleManifest {
  return {
    id,
    titleKey: id,
    descriptionKey: id,
    icon: 'Widgets',
    groups: ['gp', 'homecare-nurse'],
    pages: ['home', 'patient'],
    needsPatient: false,
    tablet: true,
    offline: false,
    size: { default: { w: 6, h: 2 }, min: { w: 3, h: 1 } },
    data: () => [],
    load: async () => ({ default: () => null }),
    ...overrides,
  };
}

const registry = new Map<string, ModuleManifest>([
  ['a', manifest('a')],
  ['b', manifest('b')],
  ['c', manifest('c')],
  ['gp-only', manifest('gp-only', { groups: ['gp'] })],
  ['patient-only', manifest('patient-only', { pages: ['patient'] })],
]);
const defaults: LayoutItem[] = [
  { module: 'a', w: 6, h: 2 },
  { module: 'b', w: 6, h: 2 },
];
const scope = { device: 'tablet', page: 'home' } as const;

describe('layout document schema', () => {
  it('accepts a good document', () => {
    const result = parseLayoutDocument({ schemaVersion: 1, scope: { ...scope, municipality: '4601', group: 'homecare-nurse' }, items: [{ module: 'a', w: 12, h: 3 }] });
    expect(result.ok).toBe(true);
  });
  it('refuses broken JSON with a reason', () => {
    const result = parseLayoutDocument('{"schemaVersion": 1, "scope": ');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.problems[0]).toMatch(/not JSON/);
  });
  it('refuses an unsupported schema version', () => {
    const result = parseLayoutDocument({ schemaVersion: 7, scope, items: [] });
    expect(!result.ok && result.problems[0]).toMatch(/schemaVersion 7/);
  });
  it('refuses a size outside the grid and an unknown personnel group', () => {
    expect(parseLayoutDocument({ schemaVersion: 1, scope, items: [{ module: 'a', w: 13, h: 1 }] }).ok).toBe(false);
    expect(parseLayoutDocument({ schemaVersion: 1, scope: { ...scope, group: 'pilot' }, items: [] }).ok).toBe(false);
  });
  it('refuses a document with neither items nor changes', () => {
    expect(parseLayoutDocument({ schemaVersion: 1, scope }).ok).toBe(false);
  });
});

describe('the change vocabulary', () => {
  it('adds at a position with the default size, once', () => {
    const out = applyChanges(defaults, [{ op: 'add', module: 'c', index: 1 }, { op: 'add', module: 'c' }], registry);
    expect(out.map((i) => i.module)).toEqual(['a', 'c', 'b']);
    expect(out[1]).toMatchObject({ w: 6, h: 2 });
  });
  it('removes, orders, resizes and configures', () => {
    const out = applyChanges(
      [...defaults, { module: 'c', w: 4, h: 1 }],
      [
        { op: 'remove', module: 'a' },
        { op: 'order', modules: ['c', 'b'] },
        { op: 'resize', module: 'b', w: 12, h: 4 },
        { op: 'configure', module: 'c', config: { period: '7d' } },
      ],
      registry,
    );
    expect(out).toEqual([
      { module: 'c', w: 4, h: 1, config: { period: '7d' } },
      { module: 'b', w: 12, h: 4 },
    ]);
  });
  it('diffs a target layout into changes that reproduce it', () => {
    const target: LayoutItem[] = [
      { module: 'c', w: 4, h: 2 },
      { module: 'b', w: 12, h: 2, config: { x: 1 } },
    ];
    const changes = diffLayouts(defaults, target);
    expect(changes.map((c) => c.op).sort()).toEqual(['add', 'configure', 'remove', 'resize']);
    expect(applyChanges(defaults, changes, registry)).toEqual(target);
  });
  it('diffs a reordering into one order change', () => {
    const target = [defaults[1]!, defaults[0]!];
    const changes = diffLayouts(defaults, target);
    expect(changes).toEqual([{ op: 'order', modules: ['b', 'a'] }]);
    expect(applyChanges(defaults, changes, registry)).toEqual(target);
  });
});

describe('resolution order', () => {
  const doc = (level: Partial<LayoutDocument>): LayoutDocument => ({ schemaVersion: 1, scope, ...level });

  it('goes product default → municipality → group → user', () => {
    const { items } = resolveLayout({
      registry,
      group: 'homecare-nurse',
      page: 'home',
      defaults,
      municipality: doc({ changes: [{ op: 'add', module: 'c' }] }),
      groupLayout: doc({ changes: [{ op: 'order', modules: ['c', 'a', 'b'] }, { op: 'resize', module: 'c', w: 12, h: 1 }] }),
      user: doc({ changes: [{ op: 'remove', module: 'a' }] }),
    });
    expect(items.map((i) => [i.module, i.w])).toEqual([
      ['c', 12],
      ['b', 6],
    ]);
  });

  it('lets a later level replace the whole page with items', () => {
    const { items } = resolveLayout({ registry, group: 'gp', page: 'home', defaults, groupLayout: doc({ items: [{ module: 'b', w: 3, h: 1 }] }) });
    expect(items.map((i) => i.module)).toEqual(['b']);
  });

  it('skips unknown, forbidden and wrong-page modules with notices and renders the rest', () => {
    const { items, notices } = resolveLayout({
      registry,
      group: 'homecare-nurse',
      page: 'home',
      defaults,
      groupLayout: doc({ changes: [{ op: 'add', module: 'ghost' }, { op: 'add', module: 'gp-only' }, { op: 'add', module: 'patient-only' }] }),
      invalid: [{ level: 'user', detail: 'not JSON' }],
    });
    expect(items.map((i) => i.module)).toEqual(['a', 'b']);
    expect(notices).toEqual(
      expect.arrayContaining([
        { kind: 'unknown-module', level: 'group', module: 'ghost' },
        { kind: 'forbidden-module', level: 'group', module: 'gp-only' },
        { kind: 'wrong-page', level: 'group', module: 'patient-only' },
        { kind: 'invalid-document', level: 'user', detail: 'not JSON' },
      ]),
    );
  });

  it('never makes a module smaller than its minimum', () => {
    const { items } = resolveLayout({ registry, group: 'gp', page: 'home', defaults: [{ module: 'a', w: 1, h: 1 }] });
    expect(items[0]).toMatchObject({ w: 3, h: 1 });
  });
});
