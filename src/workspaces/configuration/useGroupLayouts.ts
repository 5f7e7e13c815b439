import { useMemo } from 'react';
import type { Basic } from 'fhir/r4';
import { useQueryClient } from '@tanstack/react-query';
import { useFhirClient } from '../../fhir/context';
import { isFhirError } from '../../fhir/errors';
import { fhirKeys } from '../../fhir/queryKeys';
import type { LayoutDocument } from '../../layout/schema';
import { basicToLayout, layoutKey, type StoredLayout } from '../../layout/storage';
import { useLayoutSources } from '../../layout/useLayout';
import { useSaveLayout } from '../../layout/useSaveLayout';
import { activeVariantOf, pickedFor, scopeKey, storedFor, storedVariants, type EditorScope } from './editorModel';

/**
 * The stored group layouts of one municipality, and the writes the editor makes to them. The
 * server decides who may write (only the municipality's configuration administrator); a refusal
 * arrives as a FhirError and is shown, never thrown past the page.
 */
export function useGroupLayouts(scope: EditorScope | null) {
  const sources = useLayoutSources(scope?.municipality, undefined);
  const saver = useSaveLayout();
  const client = useFhirClient();
  const queryClient = useQueryClient();
  const { municipalDocs } = sources;

  const picked = useMemo(() => (scope ? pickedFor(municipalDocs, scope) : null), [municipalDocs, scope]);
  const variants = useMemo(() => (picked ? storedVariants(picked) : []), [picked]);
  const activeVariant = picked ? activeVariantOf(picked) : undefined;

  /**
   * Makes one variant the one the group sees: first every other variant marked active is
   * unmarked (so a failure half-way leaves the main layout active, never two), then the chosen
   * one is marked. Returns the chosen variant's saved resource, if it is stored. `current` is the
   * version of the chosen document the editor last saw, when it has one.
   */
  const activate = async (variant: string | undefined, current?: Basic): Promise<Basic | undefined> => {
    if (!scope || !picked) return undefined;
    const chosenScope = { ...scope, variant };
    // The editor may hold a newer version of the chosen document than the search (just saved).
    const chosen = current ? basicToLayout(current) : storedFor(municipalDocs, chosenScope);
    const chosenKey = scopeKey(chosenScope);
    for (const other of picked.groupVariants) {
      if (!other.document?.active || layoutKey(other.document) === chosenKey) continue;
      await saver.save({ ...other.document, active: false }, other.basic);
    }
    if (chosen?.document && !chosen.document.active) return saver.save({ ...chosen.document, active: true }, chosen.basic);
    return chosen?.basic;
  };

  /** The stored resource as the server has it now (after a conflict); null when it is gone. */
  const fetchLatest = async (id: string): Promise<StoredLayout | null> => {
    try {
      const basic = await queryClient.fetchQuery({ queryKey: fhirKeys.read('Basic', id), queryFn: () => client.read('Basic', id), staleTime: 0 });
      return basicToLayout(basic);
    } catch (error) {
      if (isFhirError(error) && error.kind === 'not-found') return null;
      throw error;
    }
  };

  return {
    municipalDocs,
    picked,
    variants,
    activeVariant,
    isPending: sources.isPending,
    /** Whether the layouts have arrived (none to ask for without a municipality); they stay, with `error` set, when a refresh fails. */
    hasData: sources.hasData,
    error: sources.error,
    retry: () => queryClient.invalidateQueries({ queryKey: fhirKeys.type('Basic') }),
    save: (doc: LayoutDocument, existing?: Basic) => saver.save(doc, existing),
    remove: (existing: Basic) => saver.remove(existing),
    activate,
    fetchLatest,
    isSaving: saver.isPending,
  };
}
