import type { Basic } from 'fhir/r4';
import { parseLayoutDocument, type LayoutDocument } from './schema';

/**
 * Layout documents are stored in the journal as FHIR Basic resources, so a municipality's
 * configuration survives like any other data and travels through the same backend (and its
 * access rules: only a municipality's configuration administrator may write group layouts; a
 * user writes only their own).
 */
export const LAYOUT_CODE = { system: 'urn:akson:codesystem:resource-kind', code: 'layout-document' } as const;
export const LAYOUT_EXTENSION = 'urn:akson:extension:layout-document';
export const LAYOUT_ID = {
  /** Municipality- and group-level documents carry the kommunenummer. */
  municipality: 'urn:akson:identifier:layout-municipality',
  /** A user's own documents carry the Practitioner id. */
  user: 'urn:akson:identifier:layout-user',
  /** The full scope key, unique per document. */
  key: 'urn:akson:identifier:layout-key',
} as const;

export function layoutKey(doc: Pick<LayoutDocument, 'scope' | 'variant'>): string {
  const s = doc.scope;
  return [s.municipality ?? '*', s.group ?? '*', s.device, s.page, s.user ?? '*', doc.variant ?? ''].join('|');
}

export function layoutToBasic(doc: LayoutDocument, existing?: Basic): Basic {
  const identifier = [
    doc.scope.user
      ? { system: LAYOUT_ID.user, value: doc.scope.user }
      : { system: LAYOUT_ID.municipality, value: doc.scope.municipality ?? '*' },
    { system: LAYOUT_ID.key, value: layoutKey(doc) },
  ];
  return {
    resourceType: 'Basic',
    ...(existing?.id ? { id: existing.id, meta: existing.meta } : {}),
    identifier,
    code: { coding: [{ ...LAYOUT_CODE }], text: 'Layout document' },
    ...(doc.scope.user ? { subject: { reference: `Practitioner/${doc.scope.user}` } } : {}),
    created: existing?.created ?? new Date().toISOString().slice(0, 10),
    extension: [{ url: LAYOUT_EXTENSION, valueString: JSON.stringify(doc) }],
  };
}

export type StoredLayout = { basic: Basic; document: LayoutDocument } | { basic: Basic; document: null; problems: string[] };

/** Reads the layout document out of a Basic resource; a broken one is reported, never thrown. */
export function basicToLayout(basic: Basic): StoredLayout {
  const json = basic.extension?.find((e) => e.url === LAYOUT_EXTENSION)?.valueString;
  if (json === undefined) return { basic, document: null, problems: ['no layout document in the resource'] };
  const parsed = parseLayoutDocument(json);
  return parsed.ok ? { basic, document: parsed.document } : { basic, document: null, problems: parsed.problems };
}

export const layoutSearches = {
  municipality: (code: string) => ({ code: `${LAYOUT_CODE.system}|${LAYOUT_CODE.code}`, identifier: `${LAYOUT_ID.municipality}|${code}`, _count: 500 }),
  user: (practitionerId: string) => ({ code: `${LAYOUT_CODE.system}|${LAYOUT_CODE.code}`, identifier: `${LAYOUT_ID.user}|${practitionerId}`, _count: 100 }),
};
