import { useCallback, useRef, useState } from 'react';
import type { Condition } from 'fhir/r4';
import { useQueryClient } from '@tanstack/react-query';
import { useFhirClient } from '../../fhir/context';
import { isFhirError } from '../../fhir/errors';
import { fhirKeys } from '../../fhir/queryKeys';
import type { Persona } from '../../session/personnel';
import { EMPTY_FORM, conditionFromForm, formFromCondition, hasErrors, validateProblem, type ProblemErrors, type ProblemForm } from './model';

export type EditorPhase =
  | { kind: 'editing' }
  | { kind: 'saving' }
  /** A 412: someone saved the problem after it was opened. Their version waits for the user's choice. */
  | { kind: 'conflict'; theirs: Condition }
  /** A 412, and the problem is gone (deleted) when read again. */
  | { kind: 'gone' }
  | { kind: 'failed'; error: unknown };

export type SaveResult = 'saved' | 'invalid' | 'conflict' | 'failed';

/**
 * The editor of one problem: the form, its validation, and writing it. A change is a PUT with
 * If-Match = the version the user opened; on a 412 the stored version is read and shown, and
 * nothing is written until the user chooses. What the user typed stays in the form throughout.
 */
export function useProblemEditor({ patientId, persona, start }: { patientId: string; persona: Persona; start?: Condition | undefined }) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ProblemForm>(() => (start ? formFromCondition(start) : EMPTY_FORM));
  const [errors, setErrors] = useState<ProblemErrors>({});
  const [phase, setPhase] = useState<EditorPhase>({ kind: 'editing' });
  /** After the first attempt to save, errors follow the input as it is corrected. */
  const submittedRef = useRef(false);
  const formRef = useRef(form);
  /** The version being changed: the one opened, or the one the user chose to save over. */
  const baseRef = useRef<Condition | undefined>(start);

  const change = useCallback((next: ProblemForm) => {
    formRef.current = next;
    setForm(next);
    if (submittedRef.current) setErrors(validateProblem(next, new Date()));
  }, []);

  const invalidate = useCallback(() => queryClient.invalidateQueries({ queryKey: fhirKeys.type('Condition') }), [queryClient]);

  const write = useCallback(
    async (base: Condition | undefined): Promise<SaveResult> => {
      setPhase({ kind: 'saving' });
      const resource = conditionFromForm(formRef.current, { patientId, persona, now: new Date(), base });
      try {
        const saved = base?.id ? await client.update(resource, { ifMatch: base.meta?.versionId ?? false }) : await client.create(resource);
        baseRef.current = saved;
        setPhase({ kind: 'editing' });
        void invalidate();
        return 'saved';
      } catch (error) {
        if (isFhirError(error) && error.kind === 'conflict' && base?.id) {
          try {
            const theirs = await client.read('Condition', base.id);
            setPhase({ kind: 'conflict', theirs });
          } catch (readError) {
            setPhase(isFhirError(readError) && readError.kind === 'not-found' ? { kind: 'gone' } : { kind: 'failed', error: readError });
          }
          return 'conflict';
        }
        setPhase({ kind: 'failed', error });
        return 'failed';
      }
    },
    [client, invalidate, patientId, persona],
  );

  /** Validates, then creates or updates. Invalid input stays in the form with its messages. */
  const save = useCallback(async (): Promise<SaveResult> => {
    submittedRef.current = true;
    const found = validateProblem(formRef.current, new Date());
    setErrors(found);
    if (hasErrors(found)) return 'invalid';
    return write(baseRef.current);
  }, [write]);

  /** After a 412: read the stored version again and save the user's version over it (If-Match = that version). */
  const keepMine = useCallback(async (): Promise<SaveResult> => {
    const id = baseRef.current?.id;
    if (!id) return 'failed';
    setPhase({ kind: 'saving' });
    let current: Condition;
    try {
      current = await client.read('Condition', id);
    } catch (error) {
      setPhase(isFhirError(error) && error.kind === 'not-found' ? { kind: 'gone' } : { kind: 'failed', error });
      return 'failed';
    }
    return write(current);
  }, [client, write]);

  /** After a 412: drop the user's change; the list shows the stored version. */
  const takeTheirs = useCallback(() => {
    void invalidate();
  }, [invalidate]);

  return { form, change, errors, phase, save, keepMine, takeTheirs };
}
