// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Bundle, DiagnosticReport, Observation, Patient } from 'fhir/r4';
import { REVIEW_STATUS_SYSTEM } from '../../fhir/results/review';
import { reviewList } from './model';

const unseen = { tag: [{ system: REVIEW_STATUS_SYSTEM, code: 'unseen' }] };
const patient = (id: string, family: string): Patient => ({ resourceType: 'Patient', id, name: [{ family, given: ['Test'] }] });
const obs = (id: string, interpretation?: string): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  meta: unseen,
  code: { text: `Analyse ${id}` },
  valueQuantity: { value: 5, unit: 'mmol/L' },
  ...(interpretation ? { interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: interpretation }] }] } : {}),
});
const report = (id: string, patientId: string, date: string, results: string[], tagged = true): DiagnosticReport => ({
  resourceType: 'DiagnosticReport',
  id,
  status: 'final',
  ...(tagged ? { meta: unseen } : {}),
  code: { text: `Rapport ${id}` },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: date,
  result: results.map((r) => ({ reference: `Observation/${r}` })),
});

function bundle(reports: DiagnosticReport[], included: (Observation | Patient)[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: reports.length,
    entry: [...reports.map((resource) => ({ resource, search: { mode: 'match' as const } })), ...included.map((resource) => ({ resource, search: { mode: 'include' as const } }))],
  };
}

describe('reviewList', () => {
  it('puts results outside the reference range first, newest first within each part, each with its patient', () => {
    const list = reviewList(
      bundle(
        [report('r-new', 'p1', '2026-11-25', ['o1']), report('r-abnormal-old', 'p2', '2026-11-01', ['o2', 'o3']), report('r-abnormal-new', 'p1', '2026-11-20', ['o4']), report('r-old', 'p2', '2026-10-01', ['o5'])],
        [obs('o1'), obs('o2', 'H'), obs('o3'), obs('o4', 'LL'), obs('o5'), patient('p1', 'Moe'), patient('p2', 'Dahl')],
      ),
    );
    expect(list.items.map((i) => i.view.id)).toEqual(['r-abnormal-new', 'r-abnormal-old', 'r-new', 'r-old']);
    expect(list.abnormalCount).toBe(2);
    expect(list.items[1]!.patient?.name?.[0]?.family).toBe('Dahl');
    expect(list.items[1]!.abnormal.map((a) => a.name)).toEqual(['Analyse o2']);
    expect(list.total).toBe(4);
  });

  it('leaves out a report someone has marked seen meanwhile, and copes with a missing patient', () => {
    const seenObs = { ...obs('o1'), meta: {} };
    const list = reviewList(bundle([report('r-seen', 'p1', '2026-11-25', ['o1'], false), report('r-orphan', 'gone', '2026-11-24', ['o2'])], [seenObs, obs('o2'), patient('p1', 'Moe')]));
    expect(list.items.map((i) => i.view.id)).toEqual(['r-orphan']);
    expect(list.items[0]!.patient).toBeUndefined();
  });

  it('is empty before the search has answered', () => {
    expect(reviewList(undefined)).toEqual({ items: [], abnormalCount: 0, total: undefined });
  });
});
