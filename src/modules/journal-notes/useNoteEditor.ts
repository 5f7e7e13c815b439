import { useCallback, useEffect, useRef, useState } from 'react';
import type { Composition } from 'fhir/r4';
import { useQueryClient } from '@tanstack/react-query';
import { useFhirClient } from '../../fhir/context';
import { isFhirError } from '../../fhir/errors';
import { fhirKeys } from '../../fhir/queryKeys';
import type { Persona } from '../../session/personnel';
import { compositionFromForm, correctionForm, emptyForm, formFromComposition, hasContent, hasSectionText, type NoteForm } from '../../journal/notes/compose';
import { parseFhirDate } from '../../ui/dates';

/** How the editor was opened. */
export type EditorStart = { kind: 'new'; type: string } | { kind: 'draft'; draft: Composition } | { kind: 'correct'; original: Composition };

export type SaveAction = 'save' | 'sign' | 'discard';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; action: SaveAction; error: unknown };

export type TheirVersion =
  | { state: 'loading' }
  | { state: 'ready'; composition: Composition; form: NoteForm }
  | { state: 'gone' }
  | { state: 'failed'; error: unknown };

export const DEFAULT_AUTOSAVE_MS = 1500;

function initialForm(start: EditorStart): NoteForm {
  if (start.kind === 'new') return emptyForm(start.type);
  if (start.kind === 'draft') return formFromComposition(start.draft);
  return correctionForm(start.original);
}

function savedAt(c: Composition): Date {
  const at = c.meta?.lastUpdated ? parseFhirDate(c.meta.lastUpdated) : new Date();
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

/**
 * The editor of one note: the form, autosave of a draft (a `preliminary` Composition created
 * after a pause in typing, then updated with If-Match), signing, discarding, and the choice
 * after a 412. What the user typed stays in the form whatever the server answers.
 */
export function useNoteEditor({ patientId, persona, start, delayMs = DEFAULT_AUTOSAVE_MS }: { patientId: string; persona: Persona; start: EditorStart; delayMs?: number }) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<NoteForm>(() => initialForm(start));
  const [saveState, setSaveState] = useState<SaveState>(() => (start.kind === 'draft' ? { kind: 'saved', at: savedAt(start.draft) } : { kind: 'idle' }));
  const [theirs, setTheirs] = useState<TheirVersion | null>(null);
  const [signed, setSigned] = useState<Composition | null>(null);
  const [signing, setSigning] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [hasDraft, setHasDraft] = useState(start.kind === 'draft');

  const formRef = useRef(form);
  const draftRef = useRef<Composition | undefined>(start.kind === 'draft' ? start.draft : undefined);
  const dirtyRef = useRef(false);
  /** No autosave while a conflict waits for the user's choice, or after signing. */
  const pausedRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlightRef = useRef<Promise<boolean> | null>(null);

  const setDraft = useCallback((c: Composition | undefined) => {
    draftRef.current = c;
    setHasDraft(c !== undefined);
  }, []);
  const invalidate = useCallback(() => queryClient.invalidateQueries({ queryKey: fhirKeys.type('Composition') }), [queryClient]);
  const clearTimer = useCallback(() => {
    if (timerRef.current !== undefined) clearTimeout(timerRef.current);
    timerRef.current = undefined;
  }, []);
  const settle = useCallback(async () => {
    while (inFlightRef.current) await inFlightRef.current;
  }, []);

  const loadTheirs = useCallback(
    async (id: string) => {
      pausedRef.current = true;
      clearTimer();
      setTheirs({ state: 'loading' });
      try {
        const composition = await client.read('Composition', id);
        setTheirs({ state: 'ready', composition, form: formFromComposition(composition) });
      } catch (error) {
        setTheirs(isFhirError(error) && error.kind === 'not-found' ? { state: 'gone' } : { state: 'failed', error });
      }
    },
    [client, clearTimer],
  );

  /** Writes the form as the draft now (create, or update with If-Match). Resolves to whether it is saved. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimer();
    await settle();
    if (pausedRef.current) return false;
    if (!dirtyRef.current) return true;
    const snapshot = formRef.current;
    const base = draftRef.current;
    if (!base && !hasContent(snapshot)) {
      dirtyRef.current = false;
      setSaveState({ kind: 'idle' });
      return true;
    }
    dirtyRef.current = false;
    setSaveState({ kind: 'saving' });
    const run = (async () => {
      const resource = compositionFromForm(snapshot, 'preliminary', { persona, patientId, now: new Date(), base });
      try {
        const saved = base?.id ? await client.update(resource, { ifMatch: base.meta?.versionId }) : await client.create(resource);
        setDraft(saved);
        // The first save makes a new draft appear in the journal; later saves need no refetch of the list.
        if (!base) void invalidate();
        setSaveState(dirtyRef.current ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
        return true;
      } catch (error) {
        dirtyRef.current = true;
        if (isFhirError(error) && error.kind === 'conflict' && base?.id) {
          void loadTheirs(base.id);
          setSaveState({ kind: 'idle' });
        } else {
          setSaveState({ kind: 'error', action: 'save', error });
        }
        return false;
      }
    })();
    inFlightRef.current = run;
    try {
      return await run;
    } finally {
      inFlightRef.current = null;
    }
  }, [client, clearTimer, invalidate, loadTheirs, patientId, persona, setDraft, settle]);

  const change = useCallback(
    (next: NoteForm) => {
      formRef.current = next;
      setForm(next);
      setInvalid(false);
      dirtyRef.current = true;
      if (pausedRef.current) return;
      setSaveState({ kind: 'pending' });
      clearTimer();
      timerRef.current = setTimeout(() => void saveNow(), delayMs);
    },
    [clearTimer, delayMs, saveNow],
  );

  /** Saves what is not saved yet (before closing the editor); the journal then shows the draft as it is now. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (signed) return true;
    if (pausedRef.current) return false;
    const ok = await saveNow();
    if (ok && draftRef.current) void invalidate();
    return ok;
  }, [invalidate, saveNow, signed]);

  const sign = useCallback(async (): Promise<boolean> => {
    if (!hasSectionText(formRef.current)) {
      setInvalid(true);
      return false;
    }
    clearTimer();
    await settle();
    if (pausedRef.current) return false;
    const base = draftRef.current;
    const resource = compositionFromForm(formRef.current, 'signed', { persona, patientId, now: new Date(), base });
    setSigning(true);
    try {
      const saved = base?.id ? await client.update(resource, { ifMatch: base.meta?.versionId }) : await client.create(resource);
      pausedRef.current = true;
      dirtyRef.current = false;
      setDraft(saved);
      setSigned(saved);
      setSaveState({ kind: 'idle' });
      void invalidate();
      return true;
    } catch (error) {
      dirtyRef.current = true;
      if (isFhirError(error) && error.kind === 'conflict' && base?.id) void loadTheirs(base.id);
      else setSaveState({ kind: 'error', action: 'sign', error });
      return false;
    } finally {
      setSigning(false);
    }
  }, [client, clearTimer, invalidate, loadTheirs, patientId, persona, setDraft, settle]);

  /** Deletes the draft (if one was saved). Resolves to whether it is gone. */
  const discard = useCallback(async (): Promise<boolean> => {
    clearTimer();
    pausedRef.current = true;
    await settle();
    const id = draftRef.current?.id;
    if (id) {
      try {
        await client.delete('Composition', id);
      } catch (error) {
        if (!(isFhirError(error) && error.kind === 'not-found')) {
          pausedRef.current = theirs !== null;
          setSaveState({ kind: 'error', action: 'discard', error });
          return false;
        }
      }
      void invalidate();
    }
    dirtyRef.current = false;
    return true;
  }, [clearTimer, client, invalidate, settle, theirs]);

  /** After a 412: the user keeps their own text. It is written over the stored draft (If-Match = the version just shown), or as a new draft when the stored one was signed or deleted meanwhile. */
  const keepMine = useCallback(async () => {
    if (!theirs || theirs.state === 'loading' || theirs.state === 'failed') return;
    setDraft(theirs.state === 'ready' && theirs.composition.status === 'preliminary' ? theirs.composition : undefined);
    pausedRef.current = false;
    setTheirs(null);
    dirtyRef.current = true;
    await saveNow();
  }, [saveNow, setDraft, theirs]);

  /** After a 412: the user takes the stored version (a signed one ends the editing). */
  const takeTheirs = useCallback(() => {
    if (!theirs || theirs.state !== 'ready') return;
    const { composition } = theirs;
    setTheirs(null);
    dirtyRef.current = false;
    setDraft(composition);
    if (composition.status !== 'preliminary') {
      setSigned(composition);
      return;
    }
    const next = formFromComposition(composition);
    formRef.current = next;
    setForm(next);
    pausedRef.current = false;
    setSaveState({ kind: 'saved', at: savedAt(composition) });
  }, [setDraft, theirs]);

  const retryConflictRead = useCallback(() => {
    const id = draftRef.current?.id;
    if (id) void loadTheirs(id);
  }, [loadTheirs]);

  // Leaving with unsaved text (the patient closed, the page changed): save it as the draft.
  const saveNowRef = useRef(saveNow);
  useEffect(() => {
    saveNowRef.current = saveNow;
  }, [saveNow]);
  useEffect(
    () => () => {
      const pending = timerRef.current !== undefined;
      clearTimer();
      if (pending && dirtyRef.current && !pausedRef.current) void saveNowRef.current();
    },
    [clearTimer],
  );

  return {
    form,
    change,
    saveState,
    theirs,
    signed,
    signing,
    invalid,
    hasDraft,
    saveNow,
    flush,
    sign,
    discard,
    keepMine,
    takeTheirs,
    retryConflictRead,
  };
}
