// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { MedicationStatement } from 'fhir/r4';
import { CODE_SYSTEM } from '../domain/codeSystems';
import { buildEpikrise, type MedicationChange } from './builders';
import { reconcile } from './reconcile';
import { statusOf } from './status';

const NOW = '2026-11-26T10:00:00+01:00';
const gp = { reference: 'PractitionerRole/gp', display: 'Lege Lars' };
const hospital = { reference: 'Organization/org-hus', display: 'Haukeland' };
const statement = (id: string, atc: string, name: string): MedicationStatement => ({
  resourceType: 'MedicationStatement',
  id,
  meta: { versionId: '2' },
  status: 'active',
  medicationCodeableConcept: { coding: [{ system: CODE_SYSTEM.atc, code: atc }], text: name },
  subject: { reference: 'Patient/p1' },
  dosage: [{ text: '1 x 1' }],
});
const current = [statement('ms-1', 'C09AA05', 'Ramipril 5 mg'), statement('ms-2', 'C07AB02', 'Metoprolol 50 mg')];
const changes: MedicationChange[] = [
  { action: 'start', atc: 'C03CA01', name: 'Furosemid 40 mg', dosage: '1 morgen' },
  { action: 'stop', atc: 'C09AA05', name: 'Ramipril 5 mg' },
  { action: 'change', atc: 'C07AB02', name: 'Metoprolol 50 mg', dosage: '1/2 morgen' },
];
const message = { ...buildEpikrise({ patient: { reference: 'Patient/p1' }, sender: { unit: hospital }, hospital, recipients: [gp], sent: NOW, title: 'Epikrise', text: 'x', medicationChanges: changes }).message, id: 'm1', meta: { versionId: '4' } };

describe('epikrise medication reconciliation', () => {
  it('asks for a decision on every change before anything is written', () => {
    expect(reconcile({ message, changes, decisions: ['accept', undefined, undefined], current, patientId: 'p1', prescriber: gp, now: NOW })).toEqual({ ok: false, missing: [1, 2] });
  });

  it('writes only the accepted changes: a start adds a statement, a stop ends the current one (If-Match); a rejected change leaves the list alone', () => {
    const result = reconcile({ message, changes, decisions: ['accept', 'accept', 'reject'], current, patientId: 'p1', prescriber: gp, now: NOW });
    if (!result.ok) throw new Error('not ok');
    expect(result.accepted).toBe(2);
    expect(result.rejected).toBe(1);
    const entries = result.bundle.entry ?? [];
    expect(entries.map((e) => [e.request?.method, e.request?.url, e.request?.ifMatch])).toEqual([
      ['POST', 'MedicationStatement', undefined],
      ['PUT', 'MedicationStatement/ms-1', 'W/"2"'],
      ['PUT', 'Communication/m1', 'W/"4"'],
    ]);
    const started = entries[0]?.resource as MedicationStatement;
    expect(started).toMatchObject({ status: 'active', subject: { reference: 'Patient/p1' }, informationSource: gp, dosage: [{ text: '1 morgen' }] });
    expect(started.medicationCodeableConcept?.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.atc, code: 'C03CA01' });
    expect(entries[1]?.resource).toMatchObject({ status: 'stopped', effectivePeriod: { end: '2026-11-26' } });
    const recorded = entries[2]?.resource as typeof message;
    expect(statusOf(recorded)).toBe('handled');
    expect(recorded.note?.[0]?.text).toContain('Avvist: endre dosering Metoprolol 50 mg');
  });

  it('a dosage change updates the current statement', () => {
    const result = reconcile({ message, changes, decisions: ['reject', 'reject', 'accept'], current, patientId: 'p1', prescriber: gp, now: NOW });
    if (!result.ok) throw new Error('not ok');
    expect(result.bundle.entry?.[0]?.resource).toMatchObject({ id: 'ms-2', status: 'active', dosage: [{ text: '1/2 morgen' }] });
    expect(result.bundle.entry).toHaveLength(2);
  });
});
