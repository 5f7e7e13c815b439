import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Reference } from 'fhir/r4';
import { useFhirClient } from '../../fhir/context';
import { isFhirError } from '../../fhir/errors';
import { useFhirCreate, useFhirUpdate } from '../../fhir/hooks';
import { fhirKeys } from '../../fhir/queryKeys';
import type { ConflictField } from '../../journal/VersionConflict';
import type { Persona } from '../../session/personnel';
import { fieldValueText } from './labels';
import { comparableFields, entryOf, type CriticalResource } from './model';

/** The signed-in user's PractitionerRole as the author of what they write. */
export function authorOf(persona: Persona): Reference {
  return { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name };
}

/** Both versions field by field, for VersionConflict. */
export function conflictFields(t: TFunction, mine: CriticalResource, theirs: CriticalResource): ConflictField[] {
  const theirFields = new Map(comparableFields(entryOf(theirs)).map((f) => [f.field, f.value]));
  return comparableFields(entryOf(mine)).map(({ field, value }) => ({
    label: t(`criticalInfo.field.${field}`),
    mine: fieldValueText(t, field, value),
    theirs: fieldValueText(t, field, theirFields.get(field) ?? ''),
  }));
}

/** Who saved the other version: the one who changed it last, else who recorded it. */
export function changedByName(resource: CriticalResource): string | undefined {
  const entry = entryOf(resource);
  return (entry.version > 1 ? entry.changedBy?.display : undefined) ?? entry.recorder?.display;
}

export type WriteOutcome = { kind: 'saved'; resource: CriticalResource } | { kind: 'conflict' } | { kind: 'failed' };

/**
 * Writing one entry: create, or update with If-Match = the version the user saw. On a 412 the
 * stored version is read and kept in `theirs` until the user chooses; nothing is written
 * meanwhile. `build(base)` makes the resource to write on top of a version (so "keep mine"
 * applies the user's input to the version just shown).
 */
export function useEntryWriter() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  const { mutateAsync: createAsync } = useFhirCreate<CriticalResource>();
  const { mutateAsync: updateAsync } = useFhirUpdate<CriticalResource>();
  const [theirs, setTheirs] = useState<CriticalResource | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const write = useCallback(
    async (build: (base: CriticalResource | undefined) => CriticalResource, base: CriticalResource | undefined): Promise<WriteOutcome> => {
      setBusy(true);
      setError(null);
      try {
        const resource = build(base);
        const saved = base?.id ? await updateAsync({ resource, ifMatch: base.meta?.versionId ?? false }) : await createAsync(resource);
        setTheirs(null);
        return { kind: 'saved', resource: saved };
      } catch (caught) {
        if (isFhirError(caught) && caught.kind === 'conflict' && base?.id) {
          try {
            setTheirs(await client.read(base.resourceType, base.id));
            return { kind: 'conflict' };
          } catch (readError) {
            setError(readError);
            return { kind: 'failed' };
          }
        }
        setError(caught);
        return { kind: 'failed' };
      } finally {
        setBusy(false);
      }
    },
    [client, createAsync, updateAsync],
  );

  /** "Use the stored version": forget the user's change and show the stored one in the list. */
  const takeTheirs = useCallback(() => {
    const stored = theirs;
    setTheirs(null);
    if (stored) void queryClient.invalidateQueries({ queryKey: fhirKeys.type(stored.resourceType) });
    return stored;
  }, [queryClient, theirs]);

  return { write, theirs, takeTheirs, error, busy };
}
