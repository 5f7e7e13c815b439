// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { LayoutItem } from '../../layout/schema';
import { HISTORY_LIMIT, emptyHistory, historyReducer, isDirty, type HistoryAction, type LayoutHistory } from './useLayoutHistory';

const item = (module: string, w = 6, h = 2): LayoutItem => ({ module, w, h });
const A = [item('a')];
const B = [item('a'), item('b')];
const C = [item('b'), item('a')];

const run = (actions: HistoryAction[], from: LayoutHistory = emptyHistory) => actions.reduce(historyReducer, from);

describe('layout editing history', () => {
  it('loads a layout with nothing to undo and nothing unsaved', () => {
    const state = run([{ type: 'load', key: 'k', items: A }]);
    expect(state).toMatchObject({ key: 'k', present: A, past: [], future: [], saved: A });
    expect(isDirty(state)).toBe(false);
  });

  it('pushes changes, undoes and redoes them', () => {
    let state = run([{ type: 'load', key: 'k', items: A }, { type: 'change', items: B }, { type: 'change', items: C }]);
    expect(state.present).toEqual(C);
    expect(state.past).toEqual([A, B]);
    expect(isDirty(state)).toBe(true);
    state = historyReducer(state, { type: 'undo' });
    expect(state.present).toEqual(B);
    state = historyReducer(state, { type: 'undo' });
    expect(state.present).toEqual(A);
    expect(isDirty(state)).toBe(false);
    expect(historyReducer(state, { type: 'undo' })).toBe(state);
    state = run([{ type: 'redo' }, { type: 'redo' }], state);
    expect(state.present).toEqual(C);
    expect(historyReducer(state, { type: 'redo' })).toBe(state);
  });

  it('clears what could be redone when a new change is made after an undo', () => {
    const state = run([{ type: 'load', key: 'k', items: A }, { type: 'change', items: B }, { type: 'undo' }, { type: 'change', items: C }]);
    expect(state.present).toEqual(C);
    expect(state.future).toEqual([]);
    expect(state.past).toEqual([A]);
  });

  it('ignores a change that changes nothing', () => {
    const state = run([{ type: 'load', key: 'k', items: A }]);
    expect(historyReducer(state, { type: 'change', items: [item('a')] })).toBe(state);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps to undo`, () => {
    // Step n is a layout whose only module is n rows high (step 0 is the loaded layout).
    let state = run([{ type: 'load', key: 'k', items: [item('m', 6, 0)] }]);
    const steps = HISTORY_LIMIT + 20;
    for (let n = 1; n <= steps; n++) state = historyReducer(state, { type: 'change', items: [item('m', 6, n)] });
    expect(state.past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) state = historyReducer(state, { type: 'undo' });
    // The oldest steps were dropped: undo stops 100 steps back, not at the loaded layout.
    expect(state.past).toHaveLength(0);
    expect(state.present[0]!.h).toBe(steps - HISTORY_LIMIT);
  });

  it('tells unsaved changes from saved ones, and ignores a save for another layout', () => {
    let state = run([{ type: 'load', key: 'k', items: A }, { type: 'change', items: B }]);
    expect(isDirty(state)).toBe(true);
    expect(historyReducer(state, { type: 'saved', key: 'other' })).toBe(state);
    state = historyReducer(state, { type: 'saved', key: 'k' });
    expect(isDirty(state)).toBe(false);
    // Undo after saving shows the change as unsaved again.
    expect(isDirty(historyReducer(state, { type: 'undo' }))).toBe(true);
  });

  it('can load a copy that is unsaved from the start (a new variant)', () => {
    const state = run([{ type: 'load', key: 'k|B', items: B, saved: A }]);
    expect(isDirty(state)).toBe(true);
    expect(state.past).toEqual([]);
  });
});
