import { create } from 'zustand';

/** Whether the user is rearranging their own workspace (client state only). */
export const useLayoutEditing = create<{ editing: boolean; setEditing: (editing: boolean) => void }>()((set) => ({
  editing: false,
  setEditing: (editing) => set({ editing }),
}));
