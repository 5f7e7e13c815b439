import type { Basic } from 'fhir/r4';
import { useFhirCreate, useFhirDelete, useFhirUpdate } from '../fhir/hooks';
import type { LayoutDocument } from './schema';
import { layoutToBasic } from './storage';

/** Saves a layout document as a Basic resource: create, or update with If-Match. */
export function useSaveLayout() {
  const create = useFhirCreate<Basic>();
  const update = useFhirUpdate<Basic>();
  const remove = useFhirDelete();
  return {
    save: (doc: LayoutDocument, existing?: Basic) =>
      existing?.id ? update.mutateAsync({ resource: layoutToBasic(doc, existing) }) : create.mutateAsync(layoutToBasic(doc)),
    remove: (existing: Basic) => remove.mutateAsync({ type: 'Basic', id: existing.id! }),
    isPending: create.isPending || update.isPending || remove.isPending,
    error: create.error ?? update.error ?? remove.error,
    reset: () => {
      create.reset();
      update.reset();
      remove.reset();
    },
  };
}
