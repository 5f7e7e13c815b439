import type { Bundle, BundleEntry, BundleLink, Resource } from 'fhir/r4';
import { badRequest, FhirServerError, issue } from './errors';
import { parseDateRange, type DateRange } from './dates';
import { asFhirResource, isResourceType } from './resourceTypes';
import { searchParamsOf, type SearchParamDef } from './search-parameters';

export { SEARCH_PARAMETERS, COMMON_PARAMS, searchParamsOf } from './search-parameters';
export type { SearchParamDef, SearchParamType, SearchParamTable } from './search-parameters';

/**
 * FHIR search over the in-memory repository.
 *
 * Semantics (FHIR R4 "Search", with the choices and extensions noted):
 * - Repeating a parameter is AND; a comma inside one value is OR (`\,` escapes a comma).
 * - token: `code`, `system|code`, `|code` (no system), `system|` (any code in system);
 *   modifiers `:not`, `:text` (word-prefix match on CodeableConcept.text / Coding.display),
 *   `:missing`. Codes and identifier values match exactly (case-sensitive).
 * - string: case- and accent-insensitive. Case is folded and combining accents are removed
 *   (é → e, ü → u), but æ, ø and å stay letters of their own: "o" does not find "ø", "a" does not
 *   find "å", "Ø" finds "øvre". EXTENSION: the value is split into words and every word must be
 *   the start of some word of the element (family, given, prefix, suffix, text for a HumanName;
 *   line, city, district, postal code, country, text for an Address), so `name=ola nor` finds
 *   "Ola Nordmann" and `name=nordmann` finds "Kari Berg-Nordmann". FHIR proper only asks for a
 *   prefix of the whole string. `:exact` (whole string, case- and accent-sensitive),
 *   `:contains` (case/accent-insensitive substring), `:missing`.
 * - reference: `Type/id`, `id` (any type the parameter allows, or the one type it allows),
 *   an absolute URL ending in Type/id, type modifier `subject:Patient=123`, `:identifier`,
 *   `:missing`, and one level of chaining (`subject:Patient.name=ola`,
 *   `general-practitioner.name=hansen` when the parameter has one target type).
 * - date: prefixes eq ne lt gt le ge sa eb ap; precision from the length of the value (YYYY,
 *   YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.sss]][zone]); matched against date, dateTime,
 *   instant, Period (open ends are unbounded) and Timing.event. Dates without a time zone are
 *   read in Europe/Oslo. `ap` means "overlaps" (FHIR leaves the width of "approximately" open).
 * - number and quantity: prefixes as for dates; `eq` honours the precision of the value
 *   (100 matches 99.5 ≤ x < 100.5); quantity `value|system|code` (code also matches unit).
 * - uri: exact; `:below` (prefix), `:above`.
 * - Control parameters: `_count` (default 50, max 1000, 0 = total only), `_offset` (paging;
 *   `next`/`previous` links carry it), `_sort` (comma list, `-` for descending; resources
 *   without a value sort last), `_summary=count` (total only; other `_summary` values return
 *   full resources), `_elements` (top-level element names; each match is returned with only
 *   those, plus resourceType, id and meta, tagged SUBSETTED; included resources stay whole),
 *   `_include` / `_revinclude` (`Type:param[:Target]`, `:iterate` accepted
 *   but only one level is followed). `_total`, `_format` and `_pretty` are accepted and
 *   ignored.
 * - An unknown parameter or modifier is a 400 OperationOutcome that names it (strict, so app
 *   bugs surface instead of silently returning everything).
 */

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;

/** What the search engine needs from a store of resources. */
export interface SearchSource {
  /** All current resources of a type, in a stable (insertion) order. */
  all(type: string): Iterable<Resource>;
  get(type: string, id: string): Resource | undefined;
  /**
   * The resources of `type` that reference Patient/`patientId` in their `patient` or `subject`
   * search parameter, or undefined when the type has no such index. May be a superset.
   */
  byPatient(type: string, patientId: string): Iterable<Resource> | undefined;
  /**
   * The resources of `type` whose reference parameter `def` holds `key` ("Type/id"), in
   * insertion order; optional (a source without it is searched by scanning).
   */
  byReference?(type: string, def: SearchParamDef, key: string): readonly Resource[];
}

const IGNORED = new Set(['_format', '_pretty', '_total']);
const CONTROL = new Set(['_count', '_offset', '_sort', '_summary', '_elements', '_include', '_revinclude']);
const UNSUPPORTED = new Set(['_has', '_list', '_query', '_filter', '_text', '_content', '_contained', '_containedType', '_type']);

// ---------------------------------------------------------------------------------------------
// Value extraction

const pathCache = new Map<string, string[]>();

function segmentsOf(path: string): string[] {
  let segments = pathCache.get(path);
  if (!segments) {
    segments = path.split('.');
    pathCache.set(path, segments);
  }
  return segments;
}

function pushValue(out: unknown[], value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) if (v !== undefined && v !== null) out.push(v);
  } else {
    out.push(value);
  }
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'A' && ch <= 'Z';
}

/** Values at a dotted path; arrays are flattened and `x[x]` expands to every choice variant. */
export function evaluatePath(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of segmentsOf(path)) {
    const next: unknown[] = [];
    const choice = segment.endsWith('[x]') ? segment.slice(0, -3) : undefined;
    for (const node of current) {
      if (node === null || typeof node !== 'object') continue;
      const obj = node as Record<string, unknown>;
      if (choice !== undefined) {
        for (const key in obj) {
          if (key.length > choice.length && key.startsWith(choice) && isUpper(key[choice.length])) pushValue(next, obj[key]);
        }
      } else {
        pushValue(next, obj[segment]);
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

export function extractValues(resource: Resource, def: SearchParamDef): unknown[] {
  if (def.extract) return def.extract(resource);
  if (def.paths.length === 1) return evaluatePath(resource, def.paths[0] ?? '');
  const out: unknown[] = [];
  for (const path of def.paths) for (const v of evaluatePath(resource, path)) out.push(v);
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// --- tokens

interface TokenValue {
  system?: string;
  code?: string;
  text?: string;
}

const CONTACT_POINT_SYSTEMS = new Set(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']);

function tokensOf(values: unknown[]): TokenValue[] {
  const out: TokenValue[] = [];
  for (const value of values) {
    if (typeof value === 'string') out.push({ code: value });
    else if (typeof value === 'boolean' || typeof value === 'number') out.push({ code: String(value) });
    else {
      const obj = asRecord(value);
      if (!obj) continue;
      if (Array.isArray(obj.coding) || (obj.text !== undefined && obj.value === undefined && obj.code === undefined)) {
        // CodeableConcept
        for (const c of (obj.coding as unknown[] | undefined) ?? []) {
          const coding = asRecord(c);
          if (coding) out.push({ system: str(coding.system), code: str(coding.code), text: str(coding.display) });
        }
        if (typeof obj.text === 'string') out.push({ text: obj.text });
      } else if (typeof obj.value === 'string' && !('code' in obj)) {
        // Identifier or ContactPoint
        const system = str(obj.system);
        if (system !== undefined && CONTACT_POINT_SYSTEMS.has(system)) out.push({ code: obj.value });
        else out.push({ system, code: obj.value, text: str(asRecord(obj.type)?.text) });
      } else {
        // Coding (or Quantity: system + code)
        out.push({ system: str(obj.system), code: str(obj.code), text: str(obj.display) });
      }
    }
  }
  return out;
}

// --- strings

const ASCII = /^[ -~]*$/;

/**
 * Folds case and removes combining accents, keeping æ, ø and å as letters of their own
 * ("Å" → "å", "é" → "e", "Ø" → "ø").
 */
export function normalizeText(value: string): string {
  if (ASCII.test(value)) return value.toLowerCase();
  return value.toLowerCase().normalize('NFD').replace(/a\u030a/g, 'å').replace(/[\u0300-\u036f]/g, '');
}

const WORD_SPLIT = /[\s\-,.;:'’"()/]+/;

export function words(value: string): string[] {
  return normalizeText(value)
    .split(WORD_SPLIT)
    .filter((w) => w.length > 0);
}

function stringsOf(values: unknown[]): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  };
  for (const value of values) {
    if (typeof value === 'string') {
      out.push(value);
      continue;
    }
    const obj = asRecord(value);
    if (!obj) continue;
    // HumanName
    add(obj.family);
    add(obj.given);
    add(obj.prefix);
    add(obj.suffix);
    // Address
    add(obj.line);
    add(obj.city);
    add(obj.district);
    add(obj.state);
    add(obj.postalCode);
    add(obj.country);
    add(obj.text);
  }
  return out;
}

/** Normalised words per resource and parameter: string searches on 10k patients stay fast. */
const wordCache = new WeakMap<Resource, Map<SearchParamDef, string[]>>();

function wordsOf(resource: Resource, def: SearchParamDef): string[] {
  let perResource = wordCache.get(resource);
  let cached = perResource?.get(def);
  if (cached) return cached;
  cached = [];
  for (const s of stringsOf(extractValues(resource, def))) for (const w of words(s)) cached.push(w);
  if (!perResource) {
    perResource = new Map();
    wordCache.set(resource, perResource);
  }
  perResource.set(def, cached);
  return cached;
}

// --- extracted values per parameter type

function tokensFor(resource: Resource, def: SearchParamDef): TokenValue[] {
  return tokensOf(extractValues(resource, def));
}

function dateRangesFor(resource: Resource, def: SearchParamDef): DateRange[] {
  return dateRangesOf(extractValues(resource, def));
}

function referenceKeysFor(resource: Resource, def: SearchParamDef): string[] {
  return referenceKeysOf(resource, def);
}

// --- references

const REF_RE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** "Type/id" for a relative or absolute reference (history suffix dropped), else the input. */
export function referenceKey(reference: string): string {
  const m = REF_RE.exec(reference);
  return m ? `${m[1]}/${m[2]}` : reference;
}

function typeOfKey(key: string): string | undefined {
  const slash = key.indexOf('/');
  return slash > 0 ? key.slice(0, slash) : undefined;
}

/** The references a parameter holds, as "Type/id" keys, restricted to its target types. */
export function referenceKeysOf(resource: Resource, def: SearchParamDef): string[] {
  const out: string[] = [];
  for (const value of extractValues(resource, def)) {
    let raw: string | undefined;
    if (typeof value === 'string') raw = value;
    else raw = str(asRecord(value)?.reference);
    if (raw === undefined) continue;
    const key = referenceKey(raw);
    if (def.target) {
      const type = typeOfKey(key);
      if (type === undefined || !def.target.includes(type)) continue;
    }
    out.push(key);
  }
  return out;
}

function referenceIdentifiersOf(resource: Resource, def: SearchParamDef): TokenValue[] {
  const ids: unknown[] = [];
  for (const value of extractValues(resource, def)) {
    const identifier = asRecord(value)?.identifier;
    if (identifier) ids.push(identifier);
  }
  return tokensOf(ids);
}

const patientDefsCache = new Map<string, SearchParamDef[]>();

/** The `patient` and `subject` reference parameters of a type (the patient index uses them). */
function patientDefsOf(type: string): SearchParamDef[] {
  let defs = patientDefsCache.get(type);
  if (!defs) {
    const params = searchParamsOf(type);
    defs = [params.patient, params.subject].filter((d): d is SearchParamDef => d?.type === 'reference');
    patientDefsCache.set(type, defs);
  }
  return defs;
}

/** The ids of the patients a resource belongs to (its `patient` / `subject` references to Patient). */
export function patientIdsOf(resource: Resource): string[] {
  const ids: string[] = [];
  for (const def of patientDefsOf(resource.resourceType)) {
    for (const value of extractValues(resource, def)) {
      const raw = typeof value === 'string' ? value : str(asRecord(value)?.reference);
      if (raw === undefined) continue;
      let id: string | undefined;
      if (raw.startsWith('Patient/') && raw.indexOf('/', 8) < 0) id = raw.slice(8);
      else {
        const key = referenceKey(raw);
        if (key.startsWith('Patient/')) id = key.slice(8);
      }
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** Whether a type has a patient compartment index (a `patient` or `subject` reference parameter). */
export function hasPatientParam(type: string): boolean {
  return patientDefsOf(type).length > 0;
}

// --- dates, numbers

function dateRangesOf(values: unknown[]): DateRange[] {
  const out: DateRange[] = [];
  for (const value of values) {
    if (typeof value === 'string') {
      const range = parseDateRange(value);
      if (range) out.push(range);
      continue;
    }
    const obj = asRecord(value);
    if (!obj) continue;
    if ('start' in obj || 'end' in obj) {
      const start = typeof obj.start === 'string' ? parseDateRange(obj.start)?.start : undefined;
      const end = typeof obj.end === 'string' ? parseDateRange(obj.end)?.end : undefined;
      if (start === undefined && end === undefined && (obj.start !== undefined || obj.end !== undefined)) continue;
      out.push({ start: start ?? -Infinity, end: end ?? Infinity });
    } else if (Array.isArray(obj.event)) {
      for (const e of obj.event) {
        const range = typeof e === 'string' ? parseDateRange(e) : null;
        if (range) out.push(range);
      }
    }
  }
  return out;
}

type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';
const PREFIX_RE = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)/;

function splitPrefix(value: string): [Prefix, string] {
  const m = PREFIX_RE.exec(value);
  return m ? [m[1] as Prefix, value.slice(2)] : ['eq', value];
}

function dateMatches(prefix: Prefix, r: DateRange, p: DateRange): boolean {
  const contained = r.start >= p.start && r.end <= p.end;
  switch (prefix) {
    case 'eq':
      return contained;
    case 'ne':
      return !contained;
    case 'gt':
      return r.end > p.end;
    case 'lt':
      return r.start < p.start;
    case 'ge':
      return r.end > p.end || contained;
    case 'le':
      return r.start < p.start || contained;
    case 'sa':
      return r.start >= p.end;
    case 'eb':
      return r.end <= p.start;
    case 'ap':
      return r.start < p.end && r.end > p.start;
  }
}

function numberMatches(prefix: Prefix, x: number, v: number, halfWidth: number): boolean {
  switch (prefix) {
    case 'eq':
      return x >= v - halfWidth && x < v + halfWidth;
    case 'ne':
      return !(x >= v - halfWidth && x < v + halfWidth);
    case 'gt':
    case 'sa':
      return x > v;
    case 'lt':
    case 'eb':
      return x < v;
    case 'ge':
      return x >= v;
    case 'le':
      return x <= v;
    case 'ap':
      return Math.abs(x - v) <= Math.abs(v) * 0.1;
  }
}

function parseNumber(raw: string, param: string): { value: number; halfWidth: number } {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw)) throw badRequest(`Search parameter '${param}': '${raw}' is not a number.`, 'value');
  const decimals = /\.(\d*)/.exec(raw)?.[1]?.length ?? 0;
  return { value: Number(raw), halfWidth: 0.5 * 10 ** -decimals };
}

// ---------------------------------------------------------------------------------------------
// Value escaping (FHIR: `\,` `\|` `\$` `\\`)

/** Splits a parameter value on unescaped commas (escapes are kept). */
function splitOr(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === ',') {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

/** Index of the first unescaped `|`, or -1. */
function unescapedPipe(value: string): number {
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === '|') return i;
  }
  return -1;
}

function unescape(value: string): string {
  return value.replace(/\\([,|$\\])/g, '$1');
}

// ---------------------------------------------------------------------------------------------
// Parsing a query into predicates

type Predicate = (resource: Resource) => boolean;

interface ParsedQuery {
  predicates: Predicate[];
  /** Candidate resources from an index (a superset of the matches), when one applies. */
  candidates?: () => Iterable<Resource>;
  sort: { def: SearchParamDef; name: string; descending: boolean }[];
  count: number;
  offset: number;
  summaryCount: boolean;
  /** `_elements`: the top-level elements to return of each match (undefined: whole resources). */
  elements?: ReadonlySet<string>;
  includes: { param: string; sourceType: string; targetType?: string; def: SearchParamDef }[];
  revincludes: { param: string; sourceType: string; def: SearchParamDef }[];
}

function unknownParam(type: string, name: string): FhirServerError {
  const known = Object.keys(searchParamsOf(type)).sort().join(', ');
  return new FhirServerError(
    400,
    issue('not-supported', `Unknown search parameter '${name}' for ${type}. This server supports: ${known}, and _count, _offset, _sort, _summary, _elements, _include, _revinclude.`),
  );
}

function badModifier(name: string, modifier: string, type: string): FhirServerError {
  return new FhirServerError(400, issue('not-supported', `The modifier ':${modifier}' is not supported on the ${type} search parameter '${name}'.`));
}

function parseMissing(name: string, values: string[]): boolean {
  const v = values.join(',');
  if (v !== 'true' && v !== 'false') throw badRequest(`Search parameter '${name}:missing' takes true or false, not '${v}'.`, 'value');
  return v === 'true';
}

function hasAnyValue(resource: Resource, def: SearchParamDef): boolean {
  if (def.type === 'reference') return referenceKeysOf(resource, def).length > 0;
  return extractValues(resource, def).length > 0;
}

interface SearchContext {
  source: SearchSource;
  /** Chained searches already resolved in this request (a chain is asked once, not per use). */
  chains: Map<string, Set<string>>;
}

/** The "Type/id" keys of the resources of `targetType` a chained search (`param.chain=value`) names. */
function chainedKeys(ctx: SearchContext, targetType: string, chain: string, rawValues: string[]): Set<string> {
  const cacheKey = `${targetType}|${chain}|${rawValues.join('&')}`;
  const cached = ctx.chains.get(cacheKey);
  if (cached) return cached;
  const sub = new URLSearchParams();
  for (const v of rawValues) sub.append(chain, v);
  const matched = new Set<string>();
  for (const r of filterResources(ctx, targetType, parseQuery(ctx, targetType, sub, false))) matched.add(`${targetType}/${r.id}`);
  ctx.chains.set(cacheKey, matched);
  return matched;
}

/**
 * The keys a plain reference parameter (no chain; no modifier or a type modifier) asks for, when
 * every value names its type, so the reference index can answer it; else undefined.
 */
function plainReferenceKeys(def: SearchParamDef, modifier: string | undefined, values: string[]): Set<string> | undefined {
  if (def.type !== 'reference') return undefined;
  if (modifier !== undefined && !isResourceType(modifier)) return undefined;
  const keys = new Set<string>();
  for (const value of values) {
    for (const raw of splitOr(value)) {
      const v = unescape(raw);
      if (v.includes('/')) {
        const k = referenceKey(v);
        if (modifier && typeOfKey(k) !== modifier) continue;
        keys.add(k);
      } else if (modifier) keys.add(`${modifier}/${v}`);
      else if (def.target?.length === 1) keys.add(`${def.target[0]}/${v}`);
      else return undefined;
    }
  }
  return keys;
}

function buildPredicate(ctx: SearchContext, type: string, key: string, rawValues: string[], def: SearchParamDef, name: string, modifier: string | undefined, chain: string | undefined): Predicate {
  const orValues = rawValues.flatMap(splitOr);
  if (chain !== undefined) {
    if (def.type !== 'reference') throw badRequest(`Search parameter '${name}' is not a reference, so it cannot be chained ('${key}').`, 'not-supported');
    let targetType: string | undefined;
    if (modifier && isResourceType(modifier)) targetType = modifier;
    else if (modifier) throw badModifier(name, modifier, type);
    else if (def.target?.length === 1) targetType = def.target[0];
    if (!targetType) {
      throw badRequest(`Chained search '${key}' is ambiguous: say which type '${name}' points to, e.g. '${name}:${def.target?.[0] ?? 'Patient'}.${chain}'.`, 'not-supported');
    }
    const matched = chainedKeys(ctx, targetType, chain, rawValues);
    return (r) => referenceKeysFor(r, def).some((k) => matched.has(k));
  }

  if (modifier === 'missing') {
    const missing = parseMissing(name, rawValues);
    return (r) => hasAnyValue(r, def) !== missing;
  }

  switch (def.type) {
    case 'token': {
      if (modifier !== undefined && modifier !== 'not' && modifier !== 'text') throw badModifier(name, modifier, type);
      if (modifier === 'text') {
        const queries = orValues.map((v) => words(unescape(v)));
        return (r) => {
          const texts = tokensFor(r, def).flatMap((t) => (t.text ? words(t.text) : []));
          return queries.some((q) => q.length > 0 && q.every((w) => texts.some((t) => t.startsWith(w))));
        };
      }
      const queries = orValues.map((v) => {
        const pipe = unescapedPipe(v);
        if (pipe < 0) return { code: unescape(v) } as { system?: string; code?: string; noSystem?: boolean };
        const system = unescape(v.slice(0, pipe));
        const code = unescape(v.slice(pipe + 1));
        return { system: system || undefined, code: code || undefined, noSystem: system === '' };
      });
      const matches = (t: TokenValue) =>
        queries.some((q) => {
          if (q.noSystem) return t.system === undefined && t.code === q.code;
          if (q.system !== undefined && t.system !== q.system) return false;
          if (q.code !== undefined && t.code !== q.code) return false;
          return q.system !== undefined || q.code !== undefined;
        });
      if (name === '_id' && modifier === undefined) {
        const ids = new Set(queries.map((q) => q.code));
        return (r) => ids.has(r.id);
      }
      const predicate: Predicate = (r) => tokensFor(r, def).some(matches);
      return modifier === 'not' ? (r) => !predicate(r) : predicate;
    }
    case 'string': {
      if (modifier === 'exact') {
        const wanted = new Set(orValues.map(unescape));
        return (r) => stringsOf(extractValues(r, def)).some((s) => wanted.has(s));
      }
      if (modifier === 'contains') {
        const wanted = orValues.map((v) => normalizeText(unescape(v))).filter((v) => v.length > 0);
        return (r) => stringsOf(extractValues(r, def)).some((s) => {
          const n = normalizeText(s);
          return wanted.some((w) => n.includes(w));
        });
      }
      if (modifier !== undefined) throw badModifier(name, modifier, type);
      const queries = orValues.map((v) => words(unescape(v))).filter((q) => q.length > 0);
      if (queries.length === 0) return () => true;
      return (r) => {
        const ws = wordsOf(r, def);
        return queries.some((q) => q.every((w) => ws.some((x) => x.startsWith(w))));
      };
    }
    case 'reference': {
      if (modifier === 'identifier') {
        const sub = buildTokenMatcher(orValues);
        return (r) => referenceIdentifiersOf(r, def).some(sub);
      }
      let typeModifier: string | undefined;
      if (modifier !== undefined) {
        if (!isResourceType(modifier)) throw badModifier(name, modifier, type);
        typeModifier = modifier;
      }
      const keys = new Set<string>();
      const bareIds = new Set<string>();
      for (const raw of orValues) {
        const v = unescape(raw);
        if (v.includes('/')) {
          const k = referenceKey(v);
          if (typeModifier && typeOfKey(k) !== typeModifier) continue;
          keys.add(k);
        } else if (typeModifier) keys.add(`${typeModifier}/${v}`);
        else if (def.target?.length === 1) keys.add(`${def.target[0]}/${v}`);
        else bareIds.add(v);
      }
      return (r) =>
        referenceKeysFor(r, def).some((k) => {
          if (keys.has(k)) return true;
          if (bareIds.size === 0) return false;
          const slash = k.lastIndexOf('/');
          return slash >= 0 && bareIds.has(k.slice(slash + 1)) && (!typeModifier || k.startsWith(`${typeModifier}/`));
        });
    }
    case 'date': {
      if (modifier !== undefined) throw badModifier(name, modifier, type);
      const queries = orValues.map((raw) => {
        const [prefix, rest] = splitPrefix(unescape(raw));
        // A '+' in a time zone offset arrives as a space when the client did not encode it.
        const value = rest.replace(/ (\d{2}:\d{2})$/, '+$1');
        const range = parseDateRange(value);
        if (!range) throw badRequest(`Search parameter '${name}': '${raw}' is not a valid date. Use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz, optionally prefixed with eq, ne, lt, gt, le, ge, sa, eb or ap.`, 'value');
        return { prefix, range };
      });
      return (r) => {
        const ranges = dateRangesFor(r, def);
        return queries.some((q) => ranges.some((range) => dateMatches(q.prefix, range, q.range)));
      };
    }
    case 'number': {
      if (modifier !== undefined) throw badModifier(name, modifier, type);
      const queries = orValues.map((raw) => {
        const [prefix, rest] = splitPrefix(raw);
        return { prefix, ...parseNumber(rest, name) };
      });
      return (r) => {
        const nums = extractValues(r, def).filter((v): v is number => typeof v === 'number');
        return queries.some((q) => nums.some((x) => numberMatches(q.prefix, x, q.value, q.halfWidth)));
      };
    }
    case 'quantity': {
      if (modifier !== undefined) throw badModifier(name, modifier, type);
      const queries = orValues.map((raw) => {
        const [prefix, rest] = splitPrefix(raw);
        const parts = rest.split('|');
        return { prefix, ...parseNumber(parts[0] ?? '', name), system: parts[1] || undefined, code: parts[2] || undefined };
      });
      return (r) => {
        const quantities = extractValues(r, def).map(asRecord).filter((q) => q !== undefined);
        return queries.some((q) =>
          quantities.some((x) => {
            if (typeof x.value !== 'number') return false;
            if (q.system !== undefined && x.system !== q.system) return false;
            if (q.code !== undefined && x.code !== q.code && x.unit !== q.code) return false;
            return numberMatches(q.prefix, x.value, q.value, q.halfWidth);
          }),
        );
      };
    }
    case 'uri': {
      const wanted = orValues.map(unescape);
      if (modifier === 'below') return (r) => extractValues(r, def).some((v) => typeof v === 'string' && wanted.some((w) => v.startsWith(w)));
      if (modifier === 'above') return (r) => extractValues(r, def).some((v) => typeof v === 'string' && wanted.some((w) => w.startsWith(v)));
      if (modifier !== undefined) throw badModifier(name, modifier, type);
      return (r) => extractValues(r, def).some((v) => typeof v === 'string' && wanted.includes(v));
    }
  }
}

function buildTokenMatcher(orValues: string[]): (t: TokenValue) => boolean {
  const queries = orValues.map((v) => {
    const pipe = unescapedPipe(v);
    if (pipe < 0) return { code: unescape(v), system: undefined as string | undefined };
    return { system: unescape(v.slice(0, pipe)) || undefined, code: unescape(v.slice(pipe + 1)) };
  });
  return (t) => queries.some((q) => (q.system === undefined || t.system === q.system) && t.code === q.code);
}

function parseInteger(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value)) throw badRequest(`'${name}' must be a whole number, not '${value}'.`, 'value');
  const n = Number(value);
  if (n < min) throw badRequest(`'${name}' must be at least ${min}.`, 'value');
  return n;
}

function parseQuery(ctx: SearchContext, type: string, params: URLSearchParams, withControls: boolean): ParsedQuery {
  const defs = searchParamsOf(type);
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    const list = grouped.get(key);
    if (list) list.push(value);
    else grouped.set(key, [value]);
  }
  const query: ParsedQuery = { predicates: [], sort: [], count: DEFAULT_COUNT, offset: 0, summaryCount: false, includes: [], revincludes: [] };
  const patientIds: Set<string>[] = [];
  let idFilter: Set<string> | undefined;
  let referenceKeys: { def: SearchParamDef; keys: Set<string> } | undefined;

  for (const [key, values] of grouped) {
    const dot = key.indexOf('.');
    const head = dot >= 0 ? key.slice(0, dot) : key;
    const chain = dot >= 0 ? key.slice(dot + 1) : undefined;
    const colon = head.indexOf(':');
    const name = colon >= 0 ? head.slice(0, colon) : head;
    const modifier = colon >= 0 ? head.slice(colon + 1) : undefined;

    if (IGNORED.has(name)) continue;
    if (UNSUPPORTED.has(name)) throw new FhirServerError(400, issue('not-supported', `The search parameter '${name}' is not supported by this server.`));
    if (CONTROL.has(name)) {
      if (!withControls) throw badRequest(`'${key}' cannot be used inside a chained search.`, 'not-supported');
      const last = values[values.length - 1] ?? '';
      switch (name) {
        case '_count':
          query.count = Math.min(parseInteger('_count', last, 0), MAX_COUNT);
          break;
        case '_offset':
          query.offset = parseInteger('_offset', last, 0);
          break;
        case '_summary':
          if (!['true', 'false', 'text', 'data', 'count'].includes(last)) throw badRequest(`'_summary' must be one of true, false, text, data, count; not '${last}'.`, 'value');
          query.summaryCount = last === 'count';
          break;
        case '_elements': {
          const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
          for (const n of names) {
            if (!/^[a-z][A-Za-z0-9]*$/.test(n)) throw badRequest(`'_elements=${n}': give top-level element names of ${type}, e.g. _elements=name,birthDate.`, 'value');
          }
          query.elements = new Set(names);
          break;
        }
        case '_sort':
          for (const item of values.flatMap((v) => v.split(','))) {
            const trimmed = item.trim();
            if (!trimmed) continue;
            const descending = trimmed.startsWith('-');
            const sortName = descending ? trimmed.slice(1) : trimmed;
            const def = defs[sortName];
            if (!def) throw new FhirServerError(400, issue('not-supported', `Cannot sort ${type} by '${sortName}': it is not a search parameter of ${type}.`));
            query.sort.push({ def, name: sortName, descending });
          }
          break;
        case '_include':
        case '_revinclude':
          if (modifier !== undefined && modifier !== 'iterate') throw badModifier(name, modifier, type);
          for (const value of values) {
            const [sourceType = '', param = '', targetType] = value.split(':');
            if (!isResourceType(sourceType)) throw badRequest(`'${name}=${value}': '${sourceType}' is not a resource type. Use Type:parameter, e.g. ${type}:subject.`, 'value');
            const def = searchParamsOf(sourceType)[param];
            if (!def || def.type !== 'reference') throw badRequest(`'${name}=${value}': '${param}' is not a reference search parameter of ${sourceType}.`, 'value');
            if (targetType !== undefined && !isResourceType(targetType)) throw badRequest(`'${name}=${value}': '${targetType}' is not a resource type.`, 'value');
            if (name === '_include') query.includes.push({ param, sourceType, targetType, def });
            else query.revincludes.push({ param, sourceType, def });
          }
          break;
      }
      continue;
    }

    const def = defs[name];
    if (!def) throw unknownParam(type, name);

    // Index use: patient.x=…, subject:Patient.x=… (the chain names the patients first).
    if (def.type === 'reference' && (name === 'patient' || name === 'subject') && chain !== undefined && type !== 'Patient') {
      const target = modifier ?? (def.target?.length === 1 ? def.target[0] : undefined);
      if (target === 'Patient') {
        const keys = chainedKeys(ctx, 'Patient', chain, values);
        patientIds.push(new Set([...keys].map((k) => k.slice(8))));
      }
    }
    // Index use: a plain reference (actor=PractitionerRole/…, service-provider=…), by the source's reference index.
    if (chain === undefined && name !== 'patient' && name !== 'subject' && !referenceKeys) {
      const keys = plainReferenceKeys(def, modifier, values);
      if (keys) referenceKeys = { def, keys };
    }
    // Index use: patient=…, subject=Patient/…, subject:Patient=… (only plain equality, no chain).
    if (def.type === 'reference' && (name === 'patient' || name === 'subject') && chain === undefined && (modifier === undefined || modifier === 'Patient')) {
      for (const value of values) {
        const ids = new Set<string>();
        let usable = true;
        for (const raw of splitOr(value)) {
          const v = unescape(raw);
          if (v.includes('/')) {
            const k = referenceKey(v);
            if (k.startsWith('Patient/')) ids.add(k.slice(8));
            else usable = false;
          } else if (modifier === 'Patient' || name === 'patient' || (def.target?.length === 1 && def.target[0] === 'Patient')) ids.add(v);
          else usable = false;
        }
        if (usable) patientIds.push(ids);
      }
    }
    if (name === '_id' && modifier === undefined) {
      for (const value of values) {
        const ids = new Set(splitOr(value).map(unescape));
        idFilter = idFilter ? new Set([...idFilter].filter((id) => ids.has(id))) : ids;
      }
    }

    for (const value of values) query.predicates.push(buildPredicate(ctx, type, key, [value], def, name, modifier, chain));
  }

  if (idFilter) {
    const ids = idFilter;
    query.candidates = () => {
      const out: Resource[] = [];
      for (const id of ids) {
        const r = ctx.source.get(type, id);
        if (r) out.push(r);
      }
      return out;
    };
  } else if (patientIds.length > 0) {
    // The smallest OR-set of patients among the AND-ed patient parameters drives the index.
    const smallest = patientIds.reduce((a, b) => (b.size < a.size ? b : a));
    if (type === 'Patient') {
      // Patient has no patient index; handled by predicates.
    } else {
      const indexed = [...smallest].map((id) => ctx.source.byPatient(type, id));
      if (indexed.every((x) => x !== undefined)) {
        query.candidates = () => {
          if (indexed.length === 1) return indexed[0] as Iterable<Resource>;
          const seen = new Set<Resource>();
          for (const list of indexed) for (const r of list as Iterable<Resource>) seen.add(r);
          return seen;
        };
      }
    }
  }
  const byReference = ctx.source.byReference?.bind(ctx.source);
  if (!query.candidates && referenceKeys && byReference) {
    const { def, keys } = referenceKeys;
    query.candidates = () => {
      const lists = [...keys].map((k) => byReference(type, def, k));
      if (lists.length === 1) return lists[0] as readonly Resource[];
      const seen = new Set<Resource>();
      for (const list of lists) for (const r of list) seen.add(r);
      return seen;
    };
  }
  return query;
}

function filterResources(ctx: SearchContext, type: string, query: ParsedQuery): Resource[] {
  const source = query.candidates ? query.candidates() : ctx.source.all(type);
  const out: Resource[] = [];
  const predicates = query.predicates;
  outer: for (const r of source) {
    for (const p of predicates) if (!p(r)) continue outer;
    out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sorting

/** Sort keys: Norwegian order for æ, ø, å (after z, in that order). */
function sortableText(value: string): string {
  return normalizeText(value).replace(/[æøå]/g, (ch) => (ch === 'æ' ? '{' : ch === 'ø' ? '|' : '}'));
}

function sortKey(resource: Resource, def: SearchParamDef, descending: boolean): string | number | undefined {
  switch (def.type) {
    case 'string': {
      const values = extractValues(resource, def);
      const first = values[0];
      if (first === undefined) return undefined;
      const texts = stringsOf([first]);
      return texts.length ? sortableText(texts.join(' ')) : undefined;
    }
    case 'date': {
      const ranges = dateRangesOf(extractValues(resource, def));
      if (ranges.length === 0) return undefined;
      let key = descending ? -Infinity : Infinity;
      for (const r of ranges) key = descending ? Math.max(key, r.start) : Math.min(key, r.start);
      return key;
    }
    case 'token': {
      const t = tokensOf(extractValues(resource, def)).find((x) => x.code !== undefined);
      return t?.code;
    }
    case 'reference':
      return referenceKeysOf(resource, def)[0];
    case 'number': {
      const n = extractValues(resource, def).find((v): v is number => typeof v === 'number');
      return n;
    }
    case 'quantity': {
      const q = extractValues(resource, def).map(asRecord).find((x) => typeof x?.value === 'number');
      return q?.value as number | undefined;
    }
    case 'uri': {
      const u = extractValues(resource, def).find((v): v is string => typeof v === 'string');
      return u;
    }
  }
}

function sortResources(resources: Resource[], sort: ParsedQuery['sort']): Resource[] {
  if (sort.length === 0) return resources;
  const keyed = resources.map((r) => ({ r, keys: sort.map((s) => sortKey(r, s.def, s.descending)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < sort.length; i++) {
      const x = a.keys[i];
      const y = b.keys[i];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const cmp = x < y ? -1 : x > y ? 1 : 0;
      if (cmp !== 0) return sort[i]?.descending ? -cmp : cmp;
    }
    return 0;
  });
  return keyed.map((k) => k.r);
}

// ---------------------------------------------------------------------------------------------
// The search

/** The tag FHIR puts on a resource that is not whole (R4 3.1.1.5.9 "_elements"). */
export const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED', display: 'subsetted' } as const;

/**
 * A copy of `resource` with only the named top-level elements, plus what FHIR always returns
 * (resourceType, id, meta) and the SUBSETTED tag. A choice element is named without its type
 * ("deceased" keeps deceasedBoolean and deceasedDateTime), as in the element definitions.
 */
export function subsetElements(resource: Resource, elements: ReadonlySet<string>): Resource {
  const source = resource as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { resourceType: resource.resourceType };
  if (resource.id !== undefined) out.id = resource.id;
  out.meta = { ...resource.meta, tag: [...(resource.meta?.tag ?? []), SUBSETTED] };
  for (const key of Object.keys(source)) {
    if (key in out) continue;
    if (elements.has(key)) {
      out[key] = source[key];
      continue;
    }
    for (const name of elements) {
      if (key.length > name.length && key.startsWith(name) && isUpper(key[name.length])) {
        out[key] = source[key];
        break;
      }
    }
  }
  return out as unknown as Resource;
}

function pageUrl(baseUrl: string, type: string, params: URLSearchParams, count: number, offset: number): string {
  const copy = new URLSearchParams();
  for (const [k, v] of params) if (k !== '_offset' && k !== '_count') copy.append(k, v);
  copy.set('_count', String(count));
  if (offset > 0) copy.set('_offset', String(offset));
  return `${baseUrl}/${type}?${copy.toString()}`;
}

/** The resources of `type` that match the (non-control) parameters, unsorted and unpaged. */
export function matchResources(source: SearchSource, type: string, params: URLSearchParams): Resource[] {
  const ctx: SearchContext = { source, chains: new Map() };
  return filterResources(ctx, type, parseQuery(ctx, type, params, true));
}

/**
 * What the caller may see (the server's access control, readAccess.ts): `visible` leaves out
 * matches and includes before paging, so totals and pages agree; `transform` changes what is
 * sent of each (a reduced Patient, a message without payload).
 */
export interface SearchAccess {
  visible?: (resource: Resource) => boolean;
  transform?: (resource: Resource) => Resource;
}

/**
 * Runs a FHIR search and returns a searchset Bundle with `total` and self/first/next/previous
 * links (absolute, under `baseUrl`, e.g. "http://localhost:8787/fhir").
 */
export function executeSearch(source: SearchSource, type: string, params: URLSearchParams, baseUrl: string, access: SearchAccess = {}): Bundle {
  const ctx: SearchContext = { source, chains: new Map() };
  const query = parseQuery(ctx, type, params, true);
  const visible = access.visible;
  const transform = access.transform ?? ((r: Resource) => r);
  const matches = visible ? filterResources(ctx, type, query).filter(visible) : filterResources(ctx, type, query);
  const total = matches.length;
  const selfQuery = params.toString();
  const self: BundleLink = { relation: 'self', url: `${baseUrl}/${type}${selfQuery ? `?${selfQuery}` : ''}` };
  if (query.summaryCount) {
    return { resourceType: 'Bundle', type: 'searchset', total, link: [self] };
  }
  const sorted = sortResources(matches, query.sort);
  const { count, offset } = query;
  const page = sorted.slice(offset, offset + count);
  const link: BundleLink[] = [self, { relation: 'first', url: pageUrl(baseUrl, type, params, count, 0) }];
  if (count > 0 && offset + count < total) link.push({ relation: 'next', url: pageUrl(baseUrl, type, params, count, offset + count) });
  if (count > 0 && offset > 0) link.push({ relation: 'previous', url: pageUrl(baseUrl, type, params, count, Math.max(0, offset - count)) });
  if (count > 0 && total > 0) link.push({ relation: 'last', url: pageUrl(baseUrl, type, params, count, Math.floor((total - 1) / count) * count) });

  const elements = query.elements;
  const entry: BundleEntry[] = page.map((resource) => ({
    fullUrl: `${baseUrl}/${type}/${resource.id}`,
    resource: asFhirResource(elements ? subsetElements(transform(resource), elements) : transform(resource)),
    search: { mode: 'match' },
  }));
  const seen = new Set(page.map((r) => `${type}/${r.id}`));
  const addInclude = (r: Resource) => {
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (visible && !visible(r)) return;
    entry.push({ fullUrl: `${baseUrl}/${key}`, resource: asFhirResource(transform(r)), search: { mode: 'include' } });
  };
  for (const inc of query.includes) {
    for (const r of page) {
      if (r.resourceType !== inc.sourceType) continue;
      for (const key of referenceKeysOf(r, inc.def)) {
        const refType = typeOfKey(key);
        if (!refType || (inc.targetType && refType !== inc.targetType)) continue;
        const target = source.get(refType, key.slice(refType.length + 1));
        if (target) addInclude(target);
      }
    }
  }
  for (const rev of query.revincludes) {
    const wanted = new Set(page.map((r) => `${type}/${r.id}`));
    if (wanted.size === 0) continue;
    let candidates: Iterable<Resource> = source.all(rev.sourceType);
    if (type === 'Patient' && (rev.param === 'patient' || rev.param === 'subject')) {
      const lists = page.map((p) => source.byPatient(rev.sourceType, p.id ?? ''));
      if (lists.every((l) => l !== undefined)) candidates = lists.flatMap((l) => [...(l as Iterable<Resource>)]);
    } else if (source.byReference) {
      const byReference = source.byReference.bind(source);
      candidates = [...wanted].flatMap((k) => byReference(rev.sourceType, rev.def, k));
    }
    for (const r of candidates) if (referenceKeysOf(r, rev.def).some((k) => wanted.has(k))) addInclude(r);
  }

  const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', total, link };
  if (entry.length > 0) bundle.entry = entry;
  return bundle;
}
