// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Bundle, DiagnosticReport, Observation } from 'fhir/r4';
import { CODE_SYSTEM, LOINC, SNOMED } from '../../domain/codeSystems';
import { REVIEW_STATUS_SYSTEM, latestVitals, sectionsOf, summariseReports, OVERVIEW_SECTIONS } from './model';

function obs(id: string, code: string, system: string, date: string, extra: Partial<Observation>): Observation {
  return { resourceType: 'Observation', id, status: 'final', code: { coding: [{ system, code }] }, effectiveDateTime: date, ...extra };
}

describe('overview model', () => {
  it('shows every section by default, and the chosen ones in the chosen order', () => {
    expect(sectionsOf({})).toEqual(OVERVIEW_SECTIONS);
    expect(sectionsOf({ sections: ['notes', 'critical', 'bogus', 'notes'] })).toEqual(['notes', 'critical']);
    expect(sectionsOf({ sections: [] })).toEqual(OVERVIEW_SECTIONS);
  });

  it('takes the newest value of each vital sign, blood pressure from its components', () => {
    const list: Observation[] = [
      obs('n', SNOMED.news2Total, CODE_SYSTEM.snomed, '2026-11-26T08:00:00+01:00', { valueInteger: 6 }),
      obs('p2', LOINC.heartRate, CODE_SYSTEM.loinc, '2026-11-26T08:00:00+01:00', { valueQuantity: { value: 112, unit: '/min' } }),
      obs('bad', LOINC.temperature, CODE_SYSTEM.loinc, '2026-11-26T08:00:00+01:00', { status: 'entered-in-error', valueQuantity: { value: 45, unit: '°C' } }),
      obs('t', LOINC.temperature, CODE_SYSTEM.loinc, '2026-11-25T08:00:00+01:00', { valueQuantity: { value: 38.25, unit: '°C' } }),
      obs('p1', LOINC.heartRate, CODE_SYSTEM.loinc, '2026-11-25T08:00:00+01:00', { valueQuantity: { value: 70, unit: '/min' } }),
      obs('bp', LOINC.bpPanel, CODE_SYSTEM.loinc, '2026-11-26T08:00:00+01:00', {
        component: [
          { code: { coding: [{ system: CODE_SYSTEM.loinc, code: LOINC.systolic }] }, valueQuantity: { value: 92 } },
          { code: { coding: [{ system: CODE_SYSTEM.loinc, code: LOINC.diastolic }] }, valueQuantity: { value: 60 } },
        ],
      }),
    ];
    const latest = latestVitals(list, 'nb-NO');
    expect(latest.map((v) => [v.key, v.value, v.unit])).toEqual([
      ['news2', '6', ''],
      ['bloodPressure', '92/60', 'mmHg'],
      ['pulse', '112', '/min'],
      ['temperature', '38,3', '°C'],
    ]);
    expect(latest[0]?.score).toBe(6);
  });

  it('marks a report abnormal from its included results, and unseen from its tag', () => {
    const high: Observation = obs('o1', 'NPU02319', CODE_SYSTEM.nlk, '2026-11-20', { code: { text: 'Hemoglobin' }, interpretation: [{ coding: [{ code: 'L' }] }] });
    const normal: Observation = obs('o2', 'NPU01', CODE_SYSTEM.nlk, '2026-11-20', { code: { text: 'CRP' }, interpretation: [{ coding: [{ code: 'N' }] }] });
    const lab: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      id: 'r1',
      status: 'final',
      code: { text: 'Blodprøver' },
      meta: { tag: [{ system: REVIEW_STATUS_SYSTEM, code: 'unseen' }] },
      result: [{ reference: 'Observation/o1' }, { reference: 'Observation/o2' }],
    };
    const rad: DiagnosticReport = { resourceType: 'DiagnosticReport', id: 'r2', status: 'final', code: { text: 'Rtg. thorax' }, category: [{ coding: [{ code: 'RAD' }] }], conclusion: 'Ingen funn.' };
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: lab, search: { mode: 'match' } },
        { resource: rad, search: { mode: 'match' } },
        { resource: high, search: { mode: 'include' } },
        { resource: normal, search: { mode: 'include' } },
      ],
    };
    const [first, second] = summariseReports(bundle);
    expect(first).toMatchObject({ kind: 'lab', abnormal: true, abnormalNames: ['Hemoglobin'], unseen: true });
    expect(second).toMatchObject({ kind: 'radiology', abnormal: false, unseen: false });
  });
});
