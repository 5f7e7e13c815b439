import type { SearchParams, ResourceType } from './client';

/**
 * The one factory for TanStack Query keys of FHIR data, so invalidation is predictable:
 * every key starts with ['fhir', type], so invalidating ['fhir', 'Condition'] refreshes every
 * read and search of conditions.
 */
function normalise(params: SearchParams = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? value.map(String).join('&') : String(value);
  }
  return out;
}

export const fhirKeys = {
  all: ['fhir'] as const,
  type: (type: ResourceType) => ['fhir', type] as const,
  read: (type: ResourceType, id: string) => ['fhir', type, 'read', id] as const,
  search: (type: ResourceType, params?: SearchParams) => ['fhir', type, 'search', normalise(params)] as const,
  history: (type: ResourceType, id: string) => ['fhir', type, 'history', id] as const,
};
