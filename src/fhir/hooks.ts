import type { Bundle, FhirResource } from 'fhir/r4';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { entries, type FhirClient, type ResourceOf, type ResourceType, type SearchParams } from './client';
import { useFhirClient } from './context';
import type { FhirError } from './errors';
import { fhirKeys } from './queryKeys';

/** Only the options that were given: an explicit `undefined` would override the client's defaults. */
function defined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

interface QueryOptions {
  enabled?: boolean;
  /** Keep showing the previous result while a new search runs (search-as-you-type). */
  keepPrevious?: boolean;
  staleTime?: number;
  refetchInterval?: number | false;
}

export function useFhirRead<T extends ResourceType>(type: T, id: string | undefined, options: QueryOptions = {}) {
  const client = useFhirClient();
  return useQuery<ResourceOf<T>, FhirError>({
    queryKey: fhirKeys.read(type, id ?? ''),
    queryFn: () => client.read(type, id as string),
    enabled: Boolean(id) && (options.enabled ?? true),
    ...defined({ staleTime: options.staleTime }),
  });
}

export interface SearchResult<R> {
  resources: R[];
  bundle: Bundle<R>;
  total: number | undefined;
}

/** The query of one FHIR search: shared by the hook and by page-level prefetching, so both hit one cache entry. */
export function searchQuery<T extends ResourceType>(client: FhirClient, type: T, params: SearchParams) {
  return queryOptions<SearchResult<ResourceOf<T>>, FhirError>({
    queryKey: fhirKeys.search(type, params),
    queryFn: async () => {
      const bundle = await client.search(type, params);
      return { bundle, resources: entries(bundle, type), total: bundle.total };
    },
  });
}

/**
 * A FHIR search through TanStack Query. Two modules on one page asking the same search share
 * one request and one cache entry, because the key comes from fhirKeys.search.
 */
export function useFhirSearch<T extends ResourceType>(type: T, params: SearchParams | undefined, options: QueryOptions = {}) {
  const client = useFhirClient();
  return useQuery<SearchResult<ResourceOf<T>>, FhirError>({
    ...searchQuery(client, type, params ?? {}),
    enabled: params !== undefined && (options.enabled ?? true),
    ...defined({ placeholderData: options.keepPrevious ? keepPreviousData : undefined, staleTime: options.staleTime, refetchInterval: options.refetchInterval }),
  });
}

export function useFhirHistory<T extends ResourceType>(type: T, id: string | undefined) {
  const client = useFhirClient();
  return useQuery<ResourceOf<T>[], FhirError>({
    queryKey: fhirKeys.history(type, id ?? ''),
    queryFn: async () => entries(await client.history(type, id as string)),
    enabled: Boolean(id),
  });
}

/** Creates a resource and refreshes every query of its type. */
export function useFhirCreate<R extends FhirResource>() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<R, FhirError, R>({
    mutationFn: (resource) => client.create(resource),
    onSuccess: (saved) => queryClient.invalidateQueries({ queryKey: fhirKeys.type(saved.resourceType) }),
  });
}

/**
 * Updates a resource with If-Match = the version the user saw. On a 412 the error has kind
 * 'conflict': the caller shows both versions and lets the user choose.
 */
export function useFhirUpdate<R extends FhirResource>() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<R, FhirError, { resource: R; ifMatch?: string | false }>({
    mutationFn: ({ resource, ifMatch }) => client.update(resource, { ifMatch }),
    onSuccess: (saved) => queryClient.invalidateQueries({ queryKey: fhirKeys.type(saved.resourceType) }),
  });
}

/** Sends a transaction Bundle and refreshes every query of each type it wrote. */
export function useFhirTransaction() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<Bundle, FhirError, Bundle>({
    mutationFn: (bundle) => client.transaction(bundle),
    onSuccess: (_, sent) => {
      const types = new Set((sent.entry ?? []).map((e) => e.resource?.resourceType).filter((t): t is ResourceType => t !== undefined));
      for (const type of types) void queryClient.invalidateQueries({ queryKey: fhirKeys.type(type) });
    },
  });
}

/** Deletes a resource and refreshes every query of its type. */
export function useFhirDelete() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<void, FhirError, { type: ResourceType; id: string }>({
    mutationFn: ({ type, id }) => client.delete(type, id),
    onSuccess: (_, { type }) => queryClient.invalidateQueries({ queryKey: fhirKeys.type(type) }),
  });
}

/** At most this many pages are followed (e.g. 200 × 50 = 10,000 entries), so a server bug cannot loop forever. */
const MAX_PAGES = 50;

/**
 * Every entry of a search, following the Bundle's `next` links. The first page is the search's
 * own cache entry (so a module's manifest prefetch is reused); the whole list is cached under
 * ['fhir', type, 'all-pages', params], so every write of the type refreshes it.
 */
export function useAllPages<T extends ResourceType>(type: T, params: SearchParams | undefined) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useQuery<ResourceOf<T>[], FhirError>({
    queryKey: [...fhirKeys.type(type), 'all-pages', params ?? {}],
    enabled: params !== undefined,
    queryFn: async () => {
      // No retries of its own: this query retries as a whole (nested, a dead network took 12 s to say so).
      const first = await queryClient.fetchQuery({ ...searchQuery(client, type, params ?? {}), retry: false });
      const all = [...first.resources];
      let bundle = first.bundle;
      for (let page = 1; page < MAX_PAGES; page++) {
        const next = client.nextPage(bundle);
        if (!next) break;
        bundle = await next;
        all.push(...entries(bundle, type));
      }
      return all;
    },
  });
}

/**
 * Every page of a search as the server sent them (Bundles, included resources and all), for
 * searches whose `_include`s the caller needs. The first page shares the search's own cache
 * entry (a page prefetch, or another module asking the same search, is reused); the pages are
 * cached under ['fhir', type, 'all-bundles', params], so every write of the type refreshes them.
 */
export function useAllBundles<T extends ResourceType>(type: T, params: SearchParams | undefined) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useQuery<Bundle<ResourceOf<T>>[], FhirError>({
    queryKey: [...fhirKeys.type(type), 'all-bundles', params ?? {}],
    enabled: params !== undefined,
    queryFn: async () => {
      // No retries of its own: this query retries as a whole (nested, a dead network took 12 s to say so).
      const first = await queryClient.fetchQuery({ ...searchQuery(client, type, params ?? {}), retry: false });
      const bundles = [first.bundle];
      for (let page = 1; page < MAX_PAGES; page++) {
        const next = client.nextPage(bundles[bundles.length - 1]!);
        if (!next) break;
        bundles.push(await next);
      }
      return bundles;
    },
  });
}
