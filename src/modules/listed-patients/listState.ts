import { create } from 'zustand';
import { DEFAULT_SORT, NO_FILTERS, type FilterKey, type ListFilters, type ListSort } from './model';

interface ListState {
  /** Whose choices these are: another user signing in on the same device starts afresh. */
  owner: string | undefined;
  text: string;
  filters: ListFilters;
  sort: ListSort;
  setText: (text: string) => void;
  toggleFilter: (key: FilterKey) => void;
  setSort: (sort: ListSort) => void;
  clear: () => void;
  claim: (owner: string | undefined) => void;
}

/**
 * The list's search, filters and order, kept in memory while the app runs, so a GP who opens a
 * chart from a filtered list comes back to the same list. Client state only (not stored).
 */
export const useListState = create<ListState>()((set, get) => ({
  owner: undefined,
  text: '',
  filters: NO_FILTERS,
  sort: DEFAULT_SORT,
  setText: (text) => set({ text }),
  toggleFilter: (key) => set((s) => ({ filters: { ...s.filters, [key]: !s.filters[key] } })),
  setSort: (sort) => set({ sort }),
  clear: () => set({ text: '', filters: NO_FILTERS }),
  claim: (owner) => {
    if (get().owner !== owner) set({ owner, text: '', filters: NO_FILTERS, sort: DEFAULT_SORT });
  },
}));
