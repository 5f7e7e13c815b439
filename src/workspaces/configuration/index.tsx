import { LayoutEditorPage } from './LayoutEditorPage';

/**
 * The configuration workspace (its own lazily loaded route): the configuration administrator's
 * home is the layout editor for the personnel groups of the municipality.
 */
export function Component() {
  return <LayoutEditorPage />;
}
