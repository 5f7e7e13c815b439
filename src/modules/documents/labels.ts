import type { TFunction } from 'i18next';
import type { DocumentView } from './model';

/** The type's name in the user's language; another system's own type keeps its own words. */
export function typeLabel(t: TFunction, view: Pick<DocumentView, 'type' | 'typeText'>): string {
  if (view.type === 'other') return view.typeText || t('documents.type.other');
  return t(`documents.type.${view.type}`);
}
