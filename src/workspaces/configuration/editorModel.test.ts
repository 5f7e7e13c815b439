import { describe, expect, it } from 'vitest';
import type { Basic } from 'fhir/r4';
import { defaultLayout } from '../../layout/defaults';
import type { LayoutDocument } from '../../layout/schema';
import { basicToLayout, layoutToBasic, LAYOUT_EXTENSION } from '../../layout/storage';
import {
  EDITABLE_GROUPS,
  activeVariantOf,
  baselineFor,
  defaultItemsFor,
  layoutDocumentFor,
  paletteFor,
  pickedFor,
  storedFor,
  storedVariants,
  variantNameProblem,
  type EditorScope,
} from './editorModel';

const scope: EditorScope = { municipality: '4601', group: 'gp', device: 'desktop', page: 'home' };
let next = 1;
const stored = (doc: LayoutDocument) => basicToLayout({ ...layoutToBasic(doc), id: `b${next++}`, meta: { versionId: '1' } });

describe('the layout editor model', () => {
  it('edits every group but the administrators themselves', () => {
    expect(EDITABLE_GROUPS).not.toContain('config-admin');
    expect(EDITABLE_GROUPS).toContain('homecare-nurse');
  });

  it('offers in the palette only modules the group may use on the page', () => {
    const ids = paletteFor('homecare-nurse', 'home').map((m) => m.id);
    expect(ids).toContain('unit-patients');
    expect(ids).not.toContain('todays-appointments');
    expect(ids).not.toContain('critical-info');
    expect(paletteFor('gp', 'patient').map((m) => m.id)).toContain('critical-info');
  });

  it('starts from the product default when nothing is stored', () => {
    const base = baselineFor([], scope);
    expect(base.items).toEqual(defaultLayout('gp', 'desktop', 'home'));
    expect(base.stored).toBeUndefined();
    expect(base.notices).toEqual([]);
  });

  it('starts from the stored document of the chosen variant, on top of the municipality', () => {
    const municipal = stored({ schemaVersion: 1, scope: { municipality: '4601', device: 'desktop', page: 'home' }, changes: [{ op: 'remove', module: 'my-unit' }] });
    const main = stored(layoutDocumentFor(scope, [{ module: 'recent-patients', w: 12, h: 3 }]));
    const b = stored(layoutDocumentFor({ ...scope, variant: 'B' }, [{ module: 'listed-patients', w: 12, h: 4 }, { module: 'critical-info', w: 6, h: 3 }], true));
    const docs = [municipal, main, b];
    expect(baselineFor(docs, scope).items).toEqual([{ module: 'recent-patients', w: 12, h: 3 }]);
    const forB = baselineFor(docs, { ...scope, variant: 'B' });
    expect(forB.items).toEqual([{ module: 'listed-patients', w: 12, h: 4 }]);
    expect(forB.notices).toEqual([expect.objectContaining({ kind: 'wrong-page', module: 'critical-info', level: 'group' })]);
    expect(forB.stored).toBe(b);
    // Without a group document: default, then the municipality's changes.
    expect(defaultItemsFor(docs, scope).map((i) => i.module)).not.toContain('my-unit');
    expect(defaultItemsFor(docs, scope).map((i) => i.module)).toContain('todays-appointments');
    const picked = pickedFor(docs, scope);
    expect(storedVariants(picked)).toEqual(['B']);
    expect(activeVariantOf(picked)).toBe('B');
    expect(activeVariantOf(pickedFor([municipal, main], scope))).toBeUndefined();
  });

  it('finds a stored document that cannot be read, reports it, and uses the layout below it', () => {
    const broken: Basic = { ...layoutToBasic(layoutDocumentFor(scope, [])), id: 'broken', extension: [{ url: LAYOUT_EXTENSION, valueString: '{ not json' }] };
    const docs = [basicToLayout(broken)];
    expect(storedFor(docs, scope)?.basic.id).toBe('broken');
    const base = baselineFor(docs, scope);
    expect(base.items).toEqual(defaultLayout('gp', 'desktop', 'home'));
    expect(base.notices).toEqual([expect.objectContaining({ kind: 'invalid-document', level: 'group' })]);
  });

  it('checks the names of new variants', () => {
    expect(variantNameProblem('  ', [])).toBe('empty');
    expect(variantNameProblem('x'.repeat(41), [])).toBe('too-long');
    expect(variantNameProblem('b', ['A', 'B'])).toBe('taken');
    expect(variantNameProblem(' C ', ['A', 'B'])).toBeNull();
  });
});
