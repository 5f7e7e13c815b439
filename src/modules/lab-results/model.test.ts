// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Bundle, DiagnosticReport, Observation } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import {
  INTERPRETATION_SYSTEM,
  SECTION_SYSTEM,
  analysisOptions,
  buildViews,
  collectBundles,
  countReports,
  defaultAnalysis,
  filterReports,
  flagOf,
  orderReports,
  reportKind,
  toReportView,
  trendSeries,
  type ReportView,
} from '../../fhir/results/model';
import { REVIEW_STATUS_SYSTEM } from '../../fhir/results/review';
import { niceStep, timeFormatFor, valueDomain } from './TrendChart';

const UNSEEN = { system: REVIEW_STATUS_SYSTEM, code: 'unseen' };

function obs(id: string, o: { code: string; name: string; value?: number; unit?: string; low?: number; high?: number; flag?: string; at: string; unseen?: boolean }): Observation {
  const r: Observation = {
    resourceType: 'Observation',
    id,
    meta: { versionId: '1', ...(o.unseen ? { tag: [UNSEEN] } : {}) },
    status: 'final',
    code: { coding: [{ system: CODE_SYSTEM.nlk, code: o.code, display: o.name }] },
    effectiveDateTime: o.at,
  };
  if (o.value !== undefined) r.valueQuantity = { value: o.value, unit: o.unit ?? 'mmol/L' };
  if (o.low !== undefined || o.high !== undefined) {
    r.referenceRange = [{ ...(o.low !== undefined ? { low: { value: o.low } } : {}), ...(o.high !== undefined ? { high: { value: o.high } } : {}) }];
  }
  if (o.flag) r.interpretation = [{ coding: [{ system: INTERPRETATION_SYSTEM, code: o.flag }] }];
  return r;
}

function report(id: string, o: { title: string; at: string; issued?: string; results?: string[]; rad?: boolean; unseen?: boolean; performer?: string }): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id,
    meta: { versionId: '1', ...(o.unseen ? { tag: [UNSEEN] } : {}) },
    status: 'final',
    category: [{ coding: [{ system: SECTION_SYSTEM, code: o.rad ? 'RAD' : 'LAB' }] }],
    code: { text: o.title },
    effectiveDateTime: o.at,
    issued: o.issued ?? o.at,
    performer: [{ reference: `Organization/${o.performer ?? 'org-hus-lab'}`, display: 'Lab' }],
    result: (o.results ?? []).map((r) => ({ reference: `Observation/${r}` })),
    ...(o.rad ? { conclusion: 'Ingen funn.' } : {}),
  };
}

const K1 = obs('k1', { code: 'NPU03230', name: 'P-Kalium', value: 4.1, low: 3.5, high: 4.4, flag: 'N', at: '2026-01-10T08:00:00+01:00' });
const K2 = obs('k2', { code: 'NPU03230', name: 'P-Kalium', value: 6.4, low: 3.5, high: 4.4, flag: 'H', at: '2026-11-25T08:00:00+01:00', unseen: true });
const NA2 = obs('na2', { code: 'NPU03429', name: 'P-Natrium', value: 139, unit: 'mmol/L', low: 137, high: 145, flag: 'N', at: '2026-11-25T08:00:00+01:00', unseen: true });
const K3 = obs('k3', { code: 'NPU03230', name: 'P-Kalium', value: 3.2, low: 3.5, high: 4.4, at: '2026-06-01T08:00:00+02:00' });
const OBS = new Map([K1, K2, NA2, K3].map((o) => [o.id!, o]));

const R_OLD = report('r-old', { title: 'Nyrefunksjon', at: '2026-01-10T08:00:00+01:00', results: ['k1'] });
const R_NEW = report('r-new', { title: 'Nyrefunksjon', at: '2026-11-25T08:00:00+01:00', results: ['k2', 'na2'], unseen: true });
const R_MID = report('r-mid', { title: 'Kalium', at: '2026-06-01T08:00:00+02:00', results: ['k3', 'missing'], performer: 'org-4601-gp-1-lab' });
const R_RAD = report('r-rad', { title: 'Røntgen thorax', at: '2026-11-26T07:00:00+01:00', rad: true });

function views(): ReportView[] {
  return buildViews({ reports: [R_OLD, R_MID, R_NEW, R_RAD], observations: OBS });
}

describe('flags', () => {
  it('takes the lab’s own interpretation first', () => {
    expect(flagOf(K2)).toBe('H');
    expect(flagOf({ interpretation: [{ coding: [{ system: INTERPRETATION_SYSTEM, code: 'LL' }] }] })).toBe('LL');
    expect(flagOf({ interpretation: [{ coding: [{ system: INTERPRETATION_SYSTEM, code: 'HU' }] }] })).toBe('HH');
    // The lab said normal although the number is above the range: the lab's word wins.
    expect(flagOf({ interpretation: [{ coding: [{ system: INTERPRETATION_SYSTEM, code: 'N' }] }], valueQuantity: { value: 9 }, referenceRange: [{ high: { value: 5 } }] })).toBe('N');
  });

  it('compares the value with the reference range when there is no interpretation', () => {
    expect(flagOf(K3)).toBe('L');
    expect(flagOf({ valueQuantity: { value: 87 }, referenceRange: [{ high: { value: 5 } }] })).toBe('H');
    expect(flagOf({ valueQuantity: { value: 5 }, referenceRange: [{ high: { value: 5 } }] })).toBe('N');
    expect(flagOf({ valueQuantity: { value: 5 } })).toBeUndefined();
    // Interpretations from another code system are not read as flags.
    expect(flagOf({ interpretation: [{ coding: [{ system: 'urn:other', code: 'H' }] }], valueQuantity: { value: 1 }, referenceRange: [{ low: { value: 2 } }] })).toBe('L');
  });
});

describe('grouping by request', () => {
  it('reads a report with its analyses: values, units, ranges, flags', () => {
    const v = toReportView(R_NEW, OBS);
    expect(v).toMatchObject({ id: 'r-new', kind: 'lab', title: 'Nyrefunksjon', unseen: true, abnormal: true, missing: 0, sampled: '2026-11-25T08:00:00+01:00' });
    expect(v.analyses.map((a) => [a.name, a.value, a.unit, a.low, a.high, a.flag, a.abnormal])).toEqual([
      ['P-Kalium', 6.4, 'mmol/L', 3.5, 4.4, 'H', true],
      ['P-Natrium', 139, 'mmol/L', 137, 145, 'N', false],
    ]);
    expect(v.analyses[0]?.code).toBe('NPU03230');
  });

  it('counts results it could not find, and tells radiology from lab by category', () => {
    expect(toReportView(R_MID, OBS).missing).toBe(1);
    expect(reportKind(R_RAD)).toBe('rad');
    expect(reportKind(R_OLD)).toBe('lab');
    expect(toReportView(R_RAD, OBS)).toMatchObject({ kind: 'rad', conclusion: 'Ingen funn.', analyses: [], abnormal: false });
  });

  it('puts unseen abnormal results first, then everything newest first', () => {
    expect(views().map((v) => v.id)).toEqual(['r-new', 'r-rad', 'r-mid', 'r-old']);
    // Once seen, the report goes back to its place by date.
    const seen = { ...toReportView(R_NEW, OBS), unseen: false };
    expect(orderReports([toReportView(R_RAD, OBS), seen]).map((v) => v.id)).toEqual(['r-rad', 'r-new']);
  });

  it('collects reports and included results from every page, once each', () => {
    const page = (entries: [DiagnosticReport | Observation, 'match' | 'include'][]): Bundle => ({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: entries.map(([resource, mode]) => ({ resource, search: { mode } })),
    });
    const data = collectBundles([
      page([
        [R_NEW, 'match'],
        [K2, 'include'],
        [NA2, 'include'],
      ]),
      page([
        [R_NEW, 'match'],
        [R_OLD, 'match'],
        [K1, 'include'],
      ]),
    ]);
    expect(data.reports.map((r) => r.id)).toEqual(['r-new', 'r-old']);
    expect([...data.observations.keys()].sort()).toEqual(['k1', 'k2', 'na2']);
  });
});

describe('filters', () => {
  const service = (v: ReportView) => (v.performer?.reference === 'Organization/org-4601-gp-1-lab' ? 'gp' : 'hospital');

  it('filters by lab or radiology and by service', () => {
    expect(filterReports(views(), { kind: 'rad', abnormalOnly: false, service: '' }, service).map((v) => v.id)).toEqual(['r-rad']);
    expect(filterReports(views(), { kind: 'lab', abnormalOnly: false, service: 'gp' }, service).map((v) => v.id)).toEqual(['r-mid']);
  });

  it('"only abnormal" keeps the abnormal results and says how many normal ones are hidden', () => {
    const out = filterReports(views(), { kind: 'all', abnormalOnly: true, service: '' }, service);
    expect(out.map((v) => v.id)).toEqual(['r-new', 'r-mid']);
    expect(out[0]?.analyses.map((a) => a.name)).toEqual(['P-Kalium']);
    expect(out[0]?.hiddenNormal).toBe(1);
  });

  it('counts results by kind and unseen', () => {
    expect(countReports(views())).toEqual({ total: 4, lab: 3, rad: 1, unseen: 1, unseenAbnormal: 1 });
  });
});

describe('trend', () => {
  it('lists the analyses with numeric results by name, with counts', () => {
    expect(analysisOptions(views()).map((o) => [o.name, o.code, o.unit, o.count, o.abnormalCount])).toEqual([
      ['P-Kalium', 'NPU03230', 'mmol/L', 3, 2],
      ['P-Natrium', 'NPU03429', 'mmol/L', 1, 0],
    ]);
  });

  it('gives one analysis’ results oldest first, with the newest reference range as the band', () => {
    const key = analysisOptions(views())[0]!.key;
    const s = trendSeries(views(), key)!;
    expect(s.points.map((p) => [p.value, p.flag, p.abnormal])).toEqual([
      [4.1, 'N', false],
      [3.2, 'L', true],
      [6.4, 'H', true],
    ]);
    expect(s.band).toEqual({ low: 3.5, high: 4.4 });
    expect(s.unit).toBe('mmol/L');
    expect(trendSeries(views(), 'nothing')).toBeUndefined();
  });

  it('starts with the newest abnormal result’s analysis', () => {
    const v = views();
    expect(defaultAnalysis(v, analysisOptions(v))).toBe(analysisOptions(v)[0]!.key);
  });

  it('keeps results in other units apart', () => {
    const gdl = obs('hb1', { code: 'NPU28309', name: 'B-Hemoglobin', value: 13.1, unit: 'g/dL', at: '2025-01-01T08:00:00+01:00' });
    const gl = obs('hb2', { code: 'NPU28309', name: 'B-Hemoglobin', value: 131, unit: 'g/L', at: '2026-01-01T08:00:00+01:00' });
    const v = buildViews({ reports: [report('a', { title: 'Hb', at: '2025-01-01T08:00:00+01:00', results: ['hb1'] }), report('b', { title: 'Hb', at: '2026-01-01T08:00:00+01:00', results: ['hb2'] })], observations: new Map([['hb1', gdl], ['hb2', gl]]) });
    expect(analysisOptions(v).map((o) => o.unit)).toEqual(['g/dL', 'g/L']);
  });

  it('chart axes: round steps, room for the reference range, never below zero for positive values', () => {
    expect(niceStep(10, 4)).toBe(5);
    expect(niceStep(0.9, 4)).toBe(0.5);
    const [lo, hi] = valueDomain([6.4, 4.1], { low: 3.5, high: 4.4 });
    expect(lo).toBeLessThan(3.5);
    expect(hi).toBeGreaterThan(6.4);
    expect(valueDomain([0.2, 0.4], { high: 5 })[0]).toBe(0);
    expect(valueDomain([-2, 1])[0]).toBeLessThan(-2);
    expect(timeFormatFor(3600_000)).toBe('dd.MM HH:mm');
    expect(timeFormatFor(400 * 24 * 3600_000)).toBe('MM.yyyy');
  });
});
