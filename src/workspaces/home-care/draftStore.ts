import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Acvpu } from '../../domain/news2';
import type { DoseOutcome, TaskCode, TaskOutcome } from '../../domain/homeCare';
import type { VitalText } from '../../domain/vitalsForm';
import { onSignOut } from '../../access/session';

/**
 * What a nurse records at a visit, kept on the tablet (localStorage) until check-out has reached
 * the journal: coverage in homes and cellars is patchy, and nothing typed may be lost. One draft
 * per visit (Appointment id) and signed-in person; removed once the check-out is saved.
 */
export interface VisitDraft {
  /** The person who recorded it (a shared tablet may change hands). */
  practitionerRoleId: string;
  checkedInAtMs?: number;
  /** Whether the check-in reached the journal. */
  checkInSaved: boolean;
  tasks: Partial<Record<TaskCode, TaskOutcome>>;
  doses: Record<string, DoseOutcome | undefined>;
  vitals: VitalText;
  acvpu: Acvpu | '';
  onOxygen: boolean;
  report: string;
}

export function emptyDraft(practitionerRoleId: string): VisitDraft {
  return { practitionerRoleId, checkInSaved: false, tasks: {}, doses: {}, vitals: {}, acvpu: '', onOxygen: false, report: '' };
}

interface DraftState {
  drafts: Record<string, VisitDraft>;
  change: (visitId: string, practitionerRoleId: string, change: (draft: VisitDraft) => VisitDraft) => void;
  discard: (visitId: string) => void;
}

export const DRAFT_STORAGE_KEY = 'akson.homecare.visits';

export const useVisitDrafts = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      change: (visitId, practitionerRoleId, change) =>
        set((state) => {
          const current = state.drafts[visitId];
          const base = current && current.practitionerRoleId === practitionerRoleId ? current : emptyDraft(practitionerRoleId);
          return { drafts: { ...state.drafts, [visitId]: change(base) } };
        }),
      discard: (visitId) =>
        set((state) => {
          const next = { ...state.drafts };
          delete next[visitId];
          return { drafts: next };
        }),
    }),
    { name: DRAFT_STORAGE_KEY, storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);

// Signing out leaves no patient data on a shared tablet (issue #8): unsent drafts go with it.
onSignOut(() => useVisitDrafts.setState({ drafts: {} }));
