import { useMemo, useReducer } from 'react';
import type { LayoutItem } from '../../layout/schema';

/** How many steps back undo reaches; older steps are dropped. */
export const HISTORY_LIMIT = 100;

/**
 * The layout being edited, with its undo and redo stacks. Pure data: the reducer below is the
 * whole of the logic, so it is tested without rendering anything.
 */
export interface LayoutHistory {
  /** Which layout (scope and variant) this history belongs to; null before anything is loaded. */
  key: string | null;
  past: LayoutItem[][];
  present: LayoutItem[];
  future: LayoutItem[][];
  /** The items as stored on the server (at load, or at the last save): tells unsaved changes. */
  saved: LayoutItem[];
}

export type HistoryAction =
  /** Starts a fresh history for another layout. `saved` defaults to `items`. */
  | { type: 'load'; key: string; items: LayoutItem[]; saved?: LayoutItem[] }
  /** One editing step: undoable; clears what could be redone. */
  | { type: 'change'; items: LayoutItem[] }
  | { type: 'undo' }
  | { type: 'redo' }
  /** The server now holds `items` (default: what is on screen). Ignored when `key` is another layout's. */
  | { type: 'saved'; items?: LayoutItem[]; key?: string };

export const emptyHistory: LayoutHistory = { key: null, past: [], present: [], future: [], saved: [] };

export function sameItems(a: readonly LayoutItem[], b: readonly LayoutItem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((item, i) => {
    const other = b[i]!;
    return item.module === other.module && item.w === other.w && item.h === other.h && JSON.stringify(item.config ?? {}) === JSON.stringify(other.config ?? {});
  });
}

export function historyReducer(state: LayoutHistory, action: HistoryAction): LayoutHistory {
  switch (action.type) {
    case 'load':
      return { key: action.key, past: [], present: action.items, future: [], saved: action.saved ?? action.items };
    case 'change': {
      if (sameItems(state.present, action.items)) return state;
      const past = [...state.past, state.present];
      return { ...state, past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, present: action.items, future: [] };
    }
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return { ...state, past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future] };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { ...state, past: [...state.past, state.present], present: next, future: rest };
    }
    case 'saved':
      if (action.key !== undefined && action.key !== state.key) return state;
      return { ...state, saved: action.items ?? state.present };
  }
}

export const isDirty = (state: LayoutHistory): boolean => !sameItems(state.present, state.saved);

/** The editor's working layout with undo and redo. */
export function useLayoutHistory() {
  const [state, dispatch] = useReducer(historyReducer, emptyHistory);
  const actions = useMemo(
    () => ({
      load: (key: string, items: LayoutItem[], saved?: LayoutItem[]) => dispatch({ type: 'load', key, items, saved }),
      change: (items: LayoutItem[]) => dispatch({ type: 'change', items }),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      markSaved: (items?: LayoutItem[], key?: string) => dispatch({ type: 'saved', items, key }),
    }),
    [],
  );
  return {
    ...actions,
    state,
    dirty: isDirty(state),
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
  };
}
