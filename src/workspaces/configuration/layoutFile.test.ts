import { describe, expect, it } from 'vitest';
import { parseLayoutDocument, type LayoutItem } from '../../layout/schema';
import { layoutDocumentFor, type EditorScope } from './editorModel';
import { importLayout, layoutFileName, serializeLayout } from './layoutFile';

const scope: EditorScope = { municipality: '4601', group: 'homecare-nurse', device: 'tablet', page: 'home' };
const items: LayoutItem[] = [
  { module: 'unit-patients', w: 12, h: 5 },
  { module: 'recent-patients', w: 6, h: 3, config: { limit: 5 } },
];
const target = { group: scope.group, device: scope.device, page: scope.page };

describe('exporting a layout', () => {
  it('writes a document that the schema accepts and that reads back the same', () => {
    const doc = layoutDocumentFor(scope, items);
    const text = serializeLayout(doc);
    const parsed = parseLayoutDocument(text);
    expect(parsed).toEqual({ ok: true, document: doc });
    expect(doc).toEqual({ schemaVersion: 1, scope: { municipality: '4601', group: 'homecare-nurse', device: 'tablet', page: 'home' }, items });
    const back = importLayout(text, [], target);
    expect(back).toMatchObject({ ok: true, items, notices: [], otherScope: false });
  });

  it('names the file after municipality, group, device, page and variant', () => {
    expect(layoutFileName(layoutDocumentFor(scope, items))).toBe('layout-4601-homecare-nurse-tablet-home.json');
    expect(layoutFileName(layoutDocumentFor({ ...scope, variant: 'Test B / høst' }, items))).toBe('layout-4601-homecare-nurse-tablet-home-test-b-host.json');
  });

  it('keeps the variant and the active mark when asked', () => {
    const doc = layoutDocumentFor({ ...scope, variant: 'B' }, items, true);
    expect(doc).toMatchObject({ variant: 'B', active: true });
    expect(parseLayoutDocument(serializeLayout(doc)).ok).toBe(true);
  });
});

describe('importing a layout file', () => {
  const current: LayoutItem[] = [{ module: 'my-unit', w: 6, h: 3 }];

  it('refuses a file that is not JSON', () => {
    const result = importLayout('{ "schemaVersion": 1, ', current, target);
    expect(result).toMatchObject({ ok: false, reason: 'not-json' });
    expect(result.ok === false && result.problems.length).toBeGreaterThan(0);
  });

  it('refuses an empty file', () => {
    expect(importLayout('  \n', current, target)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses another version of the layout format', () => {
    const text = JSON.stringify({ ...layoutDocumentFor(scope, items), schemaVersion: 2 });
    expect(importLayout(text, current, target)).toMatchObject({ ok: false, reason: 'schema-version', problems: [expect.stringContaining('schemaVersion 2')] });
  });

  it('refuses a document for a personnel group that does not exist', () => {
    const text = JSON.stringify({ schemaVersion: 1, scope: { group: 'astronaut', device: 'tablet', page: 'home' }, items });
    const result = importLayout(text, current, target);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok === false && result.problems.join(' ')).toMatch(/scope\.group/);
  });

  it('refuses a document without items or changes, and one with broken sizes', () => {
    expect(importLayout(JSON.stringify({ schemaVersion: 1, scope: { device: 'tablet', page: 'home' } }), current, target)).toMatchObject({ ok: false, reason: 'invalid' });
    const tooWide = JSON.stringify({ schemaVersion: 1, scope: { device: 'tablet', page: 'home' }, items: [{ module: 'my-unit', w: 13, h: 2 }] });
    expect(importLayout(tooWide, current, target)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('skips unknown modules and modules the group may not use on the page, with notices', () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      scope: { municipality: '4601', group: 'gp', device: 'desktop', page: 'home' },
      items: [
        { module: 'todays-appointments', w: 8, h: 5 },
        { module: 'no-such-module', w: 4, h: 2 },
        { module: 'critical-info', w: 6, h: 3 },
        { module: 'recent-patients', w: 4, h: 3 },
      ],
    });
    const result = importLayout(text, current, target);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items).toEqual([{ module: 'recent-patients', w: 4, h: 3 }]);
    expect(result.notices.map((n) => [n.kind, n.module])).toEqual([
      ['forbidden-module', 'todays-appointments'],
      ['unknown-module', 'no-such-module'],
      ['wrong-page', 'critical-info'],
    ]);
    expect(result.otherScope).toBe(true);
  });

  it('applies a file of changes on top of the current layout', () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      scope: { device: 'tablet', page: 'home' },
      changes: [
        { op: 'add', module: 'unit-patients', index: 0, w: 12, h: 5 },
        { op: 'resize', module: 'my-unit', w: 12, h: 2 },
      ],
    });
    const result = importLayout(text, current, target);
    expect(result).toMatchObject({
      ok: true,
      items: [
        { module: 'unit-patients', w: 12, h: 5 },
        { module: 'my-unit', w: 12, h: 2 },
      ],
      otherScope: false,
    });
  });
});
