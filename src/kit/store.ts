import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { TaskScript } from './script';
import type { Run, TaskRecord } from './results';

/**
 * The kit's own store (localStorage, key "akson.usability-kit", on the tester's device): the
 * loaded script, the run in progress and every finished run. Separate from the app's stores, and
 * never cleared by a scenario reset.
 */
export const KIT_STORAGE_KEY = 'akson.usability-kit';

/** Where a run stands: before a task (instruction shown), during one, or at the questionnaire. */
export type Phase = 'ready' | 'task' | 'sus';

export interface CurrentRun extends Run {
  taskIndex: number;
  phase: Phase;
  /** The success condition's resources when the task started (ids and versions only). */
  before?: { resourceType: string; id?: string; meta?: { versionId?: string } }[];
  /** SUS answers given so far (kept if the form is left). */
  susDraft: (number | null)[];
}

interface KitState {
  script?: TaskScript;
  participant: string;
  current?: CurrentRun;
  runs: Run[];
  panelOpen: boolean;
  setScript(script: TaskScript): void;
  setParticipant(participant: string): void;
  setPanelOpen(open: boolean): void;
  begin(run: CurrentRun): void;
  update(change: (run: CurrentRun) => CurrentRun): void;
  updateTask(index: number, change: Partial<TaskRecord>): void;
  finish(run: Run): void;
  abandon(): void;
  clearRuns(): void;
}

export const useKit = create<KitState>()(
  persist(
    (set) => ({
      participant: '',
      runs: [],
      panelOpen: false,
      setScript: (script) => set({ script }),
      setParticipant: (participant) => set({ participant }),
      setPanelOpen: (panelOpen) => set({ panelOpen }),
      begin: (current) => set({ current }),
      update: (change) => set((s) => (s.current ? { current: change(s.current) } : {})),
      updateTask: (index, change) =>
        set((s) => {
          if (!s.current) return {};
          const tasks = s.current.tasks.map((t, i) => (i === index ? { ...t, ...change } : t));
          return { current: { ...s.current, tasks } };
        }),
      finish: (run) => set((s) => ({ runs: [...s.runs, run], current: undefined, participant: '' })),
      abandon: () => set({ current: undefined }),
      clearRuns: () => set({ runs: [] }),
    }),
    { name: KIT_STORAGE_KEY, storage: createJSONStorage(() => localStorage), version: 1, partialize: ({ script, participant, current, runs }) => ({ script, participant, current, runs }) },
  ),
);
