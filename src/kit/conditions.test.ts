// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Composition, Encounter, Immunization, Resource } from 'fhir/r4';
import { conditionSearch, isConditionMet, matches, type SuccessCondition } from './conditions';

const NOTE = 'urn:akson:codesystem:note-type';
const TRIAGE = 'urn:akson:codesystem:triage-level';

function note(id: string, version: string, status: Composition['status'], code = 'home-visit-report', patient = 'pat-1'): Composition {
  return { resourceType: 'Composition', id, meta: { versionId: version }, status, type: { coding: [{ system: NOTE, code }] }, subject: { reference: `Patient/${patient}` }, date: '2026-11-26T10:00:00+01:00', author: [{ reference: 'PractitionerRole/r' }], title: 'Rapport' };
}

function edVisit(id: string, version: string, colour: string | undefined, patient = 'pat-2'): Encounter {
  return { resourceType: 'Encounter', id, meta: { versionId: version }, status: 'triaged', class: { code: 'EMER' }, subject: { reference: `Patient/${patient}` }, ...(colour ? { priority: { coding: [{ system: TRIAGE, code: colour }] } } : {}) };
}

describe('success conditions', () => {
  const signedReport: SuccessCondition = { kind: 'note-signed', noteType: 'home-visit-report', patient: 'pat-1' };

  it('a home visit report signed for patient X: a new final report for X during the task', () => {
    const before: Resource[] = [note('old', '1', 'final')];
    expect(isConditionMet(signedReport, before, [...before, note('new', '1', 'final')])).toBe(true);
  });

  it('is not met by what was there before, a draft, another type or another patient', () => {
    const before: Resource[] = [note('old', '1', 'final')];
    expect(isConditionMet(signedReport, before, before)).toBe(false);
    expect(isConditionMet(signedReport, before, [...before, note('d', '1', 'preliminary')])).toBe(false);
    expect(isConditionMet(signedReport, before, [...before, note('g', '1', 'final', 'progress-note')])).toBe(false);
    expect(isConditionMet(signedReport, before, [...before, note('o', '1', 'final', 'home-visit-report', 'pat-9')])).toBe(false);
  });

  it('a draft from before that is signed during the task counts (a new version)', () => {
    const before: Resource[] = [note('d', '1', 'preliminary')];
    expect(isConditionMet(signedReport, before, [note('d', '2', 'final')])).toBe(true);
  });

  it('triage level orange set: the visit gets priority orange during the task', () => {
    const orange: SuccessCondition = { kind: 'triage-level', level: 'orange' };
    const before = [edVisit('e1', '1', undefined), edVisit('e2', '3', 'orange')];
    expect(isConditionMet(orange, before, [edVisit('e1', '2', 'orange'), before[1]!])).toBe(true);
    expect(isConditionMet(orange, before, [edVisit('e1', '2', 'yellow'), before[1]!])).toBe(false);
    expect(isConditionMet({ kind: 'triage-level', level: 'orange', patient: 'pat-7' }, before, [edVisit('e1', '2', 'orange')])).toBe(false);
  });

  it('a vaccine given, by ATC code', () => {
    const mmr: Immunization = { resourceType: 'Immunization', id: 'i1', meta: { versionId: '1' }, status: 'completed', vaccineCode: { coding: [{ code: 'J07BD52' }] }, patient: { reference: 'Patient/child' }, occurrenceDateTime: '2026-11-26' };
    expect(matches({ kind: 'immunization-given', atc: 'J07BD52', patient: 'child' }, mmr)).toBe(true);
    expect(matches({ kind: 'immunization-given', atc: 'J07AL02' }, mmr)).toBe(false);
    expect(matches({ kind: 'immunization-given' }, { ...mmr, status: 'not-done' } as Immunization)).toBe(false);
  });

  it('a home visit checked out', () => {
    const visit: Encounter = { resourceType: 'Encounter', id: 'v', meta: { versionId: '2' }, status: 'finished', class: { code: 'HH' }, subject: { reference: 'Patient/p' } };
    expect(isConditionMet({ kind: 'home-visit-completed' }, [{ ...visit, status: 'in-progress', meta: { versionId: '1' } } as Encounter], [visit])).toBe(true);
  });

  it('searches the newest of the right type, for the patient when given', () => {
    expect(conditionSearch(signedReport)).toEqual({
      resourceType: 'Composition',
      params: { type: `${NOTE}|home-visit-report`, status: 'final', patient: 'Patient/pat-1', _sort: '-_lastUpdated', _count: 100 },
    });
    expect(conditionSearch({ kind: 'triage-level', level: 'red' }).params.class).toBe('EMER');
  });
});
