// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Observation, Organization, PractitionerRole } from 'fhir/r4';
import { EMPTY_DRAFT, checkDraft, parseTyped, valuesToSave, warningSignature, type VitalsDraft } from './draft';
import { buildVitalsTransaction, groupVitalSets, news2OfSet, recorderOf, type VitalValues } from '../../fhir/vitalSignShapes';
import { formatNumber, valueWithUnit } from './format';
import { vitalsEn, vitalsNb } from './i18n';
import { vitalSearches } from './searches';
import { manifest } from './manifest';

const fmt = (n: number) => formatNumber(n, 'nb', 3);
const draft = (d: Partial<VitalsDraft>): VitalsDraft => ({ ...EMPTY_DRAFT, ...d });

describe('reading what was typed', () => {
  it('accepts a comma or a point as decimal mark, and spaces', () => {
    expect(parseTyped('38,5')).toEqual({ kind: 'number', value: 38.5, decimals: 1 });
    expect(parseTyped(' 38.5 ')).toEqual({ kind: 'number', value: 38.5, decimals: 1 });
    expect(parseTyped('120')).toEqual({ kind: 'number', value: 120, decimals: 0 });
    expect(parseTyped('')).toEqual({ kind: 'empty' });
    expect(parseTyped('12a')).toEqual({ kind: 'invalid' });
    expect(parseTyped('38,5,1')).toEqual({ kind: 'invalid' });
  });

  it('finds impossible, unusual and malformed values with the domain message keys', () => {
    const check = checkDraft(draft({ pulse: '400', temperature: '38,55', respiratoryRate: 'tolv', systolic: '250', spo2: '96' }), fmt);
    expect(check.findings.pulse).toMatchObject({ level: 'error', key: 'vitals.error.impossible.pulse', params: { value: '400', min: '0', max: '300' } });
    expect(check.findings.temperature).toMatchObject({ level: 'error', key: 'vitals.error.decimals', params: { count: 1 } });
    expect(check.findings.respiratoryRate).toMatchObject({ level: 'error', key: 'vitals.error.notANumber' });
    expect(check.findings.systolic).toMatchObject({ level: 'warning', key: 'vitals.warning.unusual.systolicBp' });
    expect(check.errors).toEqual(['respiratoryRate', 'pulse', 'temperature']);
    expect(check.warnings).toEqual(['systolic']);
    // Impossible values are left out of the values (and so of NEWS2); warnings are kept.
    expect(check.values).toEqual({ spo2: 96, spo2Scale: 1, systolic: 250 });
  });

  it('says when the diastolic is not below the systolic, or has no systolic', () => {
    expect(checkDraft(draft({ systolic: '120', diastolic: '130' }), fmt).findings.diastolic).toMatchObject({ level: 'error', key: 'vitals.error.diastolicNotBelowSystolic' });
    expect(checkDraft(draft({ diastolic: '80' }), fmt).findings.diastolic).toMatchObject({ level: 'error', key: 'vitals.error.diastolicWithoutSystolic' });
    expect(checkDraft(draft({ systolic: '120', diastolic: '80' }), fmt).errors).toEqual([]);
  });

  it('asks for a new confirmation when a warned value changes', () => {
    const a = draft({ pulse: '150' });
    const b = draft({ pulse: '155' });
    expect(warningSignature(a, checkDraft(a, fmt))).not.toEqual(warningSignature(b, checkDraft(b, fmt)));
    expect(warningSignature(draft({ pulse: '80' }), checkDraft(draft({ pulse: '80' }), fmt))).toBe('');
  });

  it('is empty until a measurement is entered', () => {
    expect(checkDraft(EMPTY_DRAFT, fmt).empty).toBe(true);
    expect(checkDraft(draft({ oxygen: 'air' }), fmt).empty).toBe(true);
    expect(checkDraft(draft({ consciousness: 'A' }), fmt).empty).toBe(false);
    expect(valuesToSave(checkDraft(draft({ oxygen: 'oxygen', pulse: '80' }), fmt))).toEqual({ pulse: 80 });
  });
});

const FULL: VitalValues = { respiratoryRate: 24, spo2: 94, spo2Scale: 1, onOxygen: false, systolic: 105, diastolic: 70, pulse: 115, consciousness: 'A', temperature: 38.5, weight: 72.4 };
const performer = [
  { reference: 'PractitionerRole/role-1', display: 'Kari Nordmann (Sykepleier, hjemmetjenesten)' },
  { reference: 'Organization/org-1', display: 'Hjemmetjenesten Årstad' },
];

function transaction(values: VitalValues) {
  let n = 0;
  return buildVitalsTransaction(values, { patientId: 'pat-1', performer, effective: '2026-11-26T10:00:00+01:00', newId: () => `id-${++n}` });
}

describe('the FHIR resources a recording writes', () => {
  it('writes one Observation per parameter and the NEWS2 total derived from them, in one transaction', () => {
    const bundle = transaction(FULL);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    const resources = (bundle.entry ?? []).map((e) => e.resource as Observation);
    const codes = resources.map((o) => o.code.coding?.[0]?.code);
    expect(codes).toEqual(['9279-1', '2708-6', '85354-9', '8867-4', '1104441000000107', '8310-5', '29563-7', '1104051000000101']);
    for (const entry of bundle.entry ?? []) {
      expect(entry.request).toEqual({ method: 'POST', url: 'Observation' });
      expect(entry.fullUrl).toMatch(/^urn:uuid:/);
      const o = entry.resource as Observation;
      expect(o.status).toBe('final');
      expect(o.subject).toEqual({ reference: 'Patient/pat-1' });
      expect(o.effectiveDateTime).toBe('2026-11-26T10:00:00+01:00');
      expect(o.performer).toEqual(performer);
    }
    const news2 = resources[7]!;
    expect(news2.valueInteger).toBe(7);
    expect(news2.category?.[0]?.coding?.[0]?.code).toBe('survey');
    // derivedFrom the six NEWS2 parameters (not the weight)
    expect(news2.derivedFrom?.map((r) => r.reference)).toEqual(bundle.entry!.slice(0, 6).map((e) => e.fullUrl));
    expect(resources[0]!.valueQuantity).toEqual({ value: 24, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' });
    expect(resources[5]!.valueQuantity).toEqual({ value: 38.5, unit: '°C', system: 'http://unitsofmeasure.org', code: 'Cel' });
    expect(resources[2]!.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value, c.valueQuantity?.code])).toEqual([
      ['8480-6', 105, 'mm[Hg]'],
      ['8462-4', 70, 'mm[Hg]'],
    ]);
    expect(resources[1]!.component?.map((c) => [c.code.coding?.[0]?.code, c.valueBoolean ?? c.valueInteger])).toEqual([
      ['57485005', false],
      ['spo2-scale', 1],
    ]);
    expect(resources[4]!.valueCodeableConcept?.coding?.[0]).toMatchObject({ system: 'http://snomed.info/sct', code: '248234008' });
  });

  it('writes no NEWS2 total for an incomplete set', () => {
    const bundle = transaction({ pulse: 80, weight: 70 });
    expect(bundle.entry?.map((e) => (e.resource as Observation).code.coding?.[0]?.code)).toEqual(['8867-4', '29563-7']);
  });

  it('reads back what it writes, as one set', () => {
    const bundle = transaction({ ...FULL, onOxygen: true, spo2Scale: 2, consciousness: 'V' });
    const observations = (bundle.entry ?? []).map((e, i) => ({ ...(e.resource as Observation), id: `o${i}` }));
    const sets = groupVitalSets(observations);
    expect(sets).toHaveLength(1);
    expect(sets[0]!.values).toEqual({ ...FULL, onOxygen: true, spo2Scale: 2, consciousness: 'V' });
    const score = news2OfSet(sets[0]!);
    expect(score?.band).toBe('high');
    expect(score?.threes).toContain('consciousness');
  });

  it('reads a seed SpO2 without components as air, scale 1, and groups sets newest first', () => {
    const seed = (id: string, code: string, time: string, value: number): Observation => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code }] },
      effectiveDateTime: time,
      performer: [{ reference: 'PractitionerRole/role-2', display: 'Ola' }],
      valueQuantity: { value },
    });
    const sets = groupVitalSets([seed('a', '2708-6', '2025-01-01T10:00:00+01:00', 97), seed('b', '8867-4', '2026-01-01T10:00:00+01:00', 70), seed('c', '8867-4', '2025-01-01T10:00:00+01:00', 66)]);
    expect(sets.map((s) => s.values)).toEqual([{ pulse: 70 }, { spo2: 97, spo2Scale: 1, pulse: 66 }]);
  });
});

describe('who recorded it, and where', () => {
  it('takes the name and personnel group from the role, and unit, service and municipality from the unit', () => {
    const role: PractitionerRole = {
      resourceType: 'PractitionerRole',
      id: 'role-2',
      practitioner: { reference: 'Practitioner/p', display: 'Helen Tesfaye' },
      organization: { reference: 'Organization/org-2', display: 'Kvaløysletta legekontor' },
      code: [{ coding: [{ system: 'urn:akson:codesystem:personnel-group', code: 'gp' }] }],
    };
    const unit: Organization = { resourceType: 'Organization', id: 'org-2', name: 'Kvaløysletta legekontor', type: [{ text: 'Legekontor' }], address: [{ district: 'Tromsø' }] };
    expect(recorderOf([{ reference: 'PractitionerRole/role-2', display: 'Helen Tesfaye' }], new Map([['role-2', role]]), new Map([['org-2', unit]]))).toEqual({
      name: 'Helen Tesfaye',
      groupCode: 'gp',
      unit: 'Kvaløysletta legekontor',
      service: 'Legekontor',
      municipality: 'Tromsø',
    });
  });

  it('falls back to the references’ displays', () => {
    expect(recorderOf(performer, new Map(), new Map())).toEqual({ name: 'Kari Nordmann', unit: 'Hjemmetjenesten Årstad' });
  });
});

describe('the module', () => {
  it('declares the one search the component makes', () => {
    expect(manifest.data({ patientId: 'pat-1', persona: {} as never })).toEqual([{ type: 'Observation', params: vitalSearches.history('pat-1') }]);
    expect(manifest.data({ persona: {} as never })).toEqual([]);
    expect(vitalSearches.history('pat-1')).toMatchObject({ patient: 'pat-1', _sort: '-date', _include: 'Observation:performer' });
  });

  it('has the same strings in both languages, including every key the domain uses', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(vitalsEn).sort()).toEqual(keys(vitalsNb).sort());
    const nbKeys = new Set(keys(vitalsNb).map((k) => `vitals.${k}`));
    for (const p of ['pulse', 'systolicBp', 'diastolicBp', 'respiratoryRate', 'spo2', 'temperature', 'weight']) {
      expect(nbKeys).toContain(`vitals.error.impossible.${p}`);
      expect(nbKeys).toContain(`vitals.warning.unusual.${p}`);
    }
    expect(nbKeys).toContain('vitals.error.diastolicNotBelowSystolic');
  });

  it('writes values with units the Norwegian way', () => {
    const t = ((key: string) => key) as never;
    const f = (n: number, d?: number) => formatNumber(n, 'nb', d);
    expect(valueWithUnit('temperature', { temperature: 38.5 }, t, f)).toBe('38,5 °C');
    expect(valueWithUnit('bloodPressure', { systolic: 128, diastolic: 82 }, t, f)).toBe('128/82 mmHg');
    expect(valueWithUnit('spo2', { spo2: 94, onOxygen: false }, t, f)).toBe('94 % (vitals.oxygen.onAir)');
  });
});
