// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Condition } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { findDiagnosisCode } from '../../domain/diagnosisCodes';
import type { Persona } from '../../session/personnel';
import {
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  EDITED_BY_EXTENSION,
  EMPTY_FORM,
  canSetDiagnoses,
  categoryOf,
  clinicalStatusOf,
  conditionFromForm,
  conflictValues,
  dateInputOf,
  editedByOf,
  formFromCondition,
  isListed,
  parseDateInput,
  sortProblems,
  validateProblem,
  withCode,
  type ProblemForm,
} from './model';

const NOW = new Date('2026-11-26T10:00:00+01:00');

const persona = {
  id: 'bergen-gp',
  name: 'Kari Nordmann',
  personnelGroup: 'gp',
  practitionerId: 'pr-1',
  practitionerRoleId: 'role-1',
  organizationId: 'org-1',
  unitName: 'Legekontoret',
  unitKind: 'gp-office',
  municipalityCode: '4601',
  municipalityName: 'Bergen',
} satisfies Persona;

const other = { ...persona, id: 'bergen-gp-2', name: 'Ola Hansen', practitionerRoleId: 'role-2' } satisfies Persona;

const T90 = findDiagnosisCode('icpc2', 'T90')!;
const K86 = findDiagnosisCode('icpc2', 'K86')!;

function stored(overrides: Partial<Condition> = {}): Condition {
  return {
    resourceType: 'Condition',
    id: 'cond-1',
    meta: { versionId: '3', lastUpdated: '2026-01-02T10:00:00+01:00' },
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active', display: 'Active' }], text: 'Aktiv' },
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: { coding: [{ system: CODE_SYSTEM.icpc2, code: 'T90', display: 'Diabetes type 2' }], text: 'Diabetes type 2' },
    subject: { reference: 'Patient/pat-1' },
    onsetDateTime: '2019-03-12',
    recordedDate: '2019-03-12T10:15:00+01:00',
    recorder: { reference: 'PractitionerRole/role-9', display: 'Dr. Første' },
    ...overrides,
  };
}

const filled: ProblemForm = { ...EMPTY_FORM, code: T90, text: 'Diabetes type 2', onset: '12.03.2019' };

describe('who may set diagnoses', () => {
  it('is doctors: GPs and emergency clinic doctors', () => {
    expect(canSetDiagnoses('gp')).toBe(true);
    expect(canSetDiagnoses('ed-doctor')).toBe(true);
    expect(canSetDiagnoses('gp-nurse')).toBe(false);
    expect(canSetDiagnoses('homecare-nurse')).toBe(false);
    expect(canSetDiagnoses(undefined)).toBe(false);
  });
});

describe('reading conditions', () => {
  it('counts remission and inactive as resolved, recurrence as active', () => {
    const status = (code: string) => clinicalStatusOf(stored({ clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code }] } }));
    expect(status('active')).toBe('active');
    expect(status('recurrence')).toBe('active');
    expect(status('resolved')).toBe('resolved');
    expect(status('remission')).toBe('resolved');
    expect(status('inactive')).toBe('resolved');
  });

  it('leaves out conditions entered in error or refuted', () => {
    expect(isListed(stored())).toBe(true);
    expect(isListed(stored({ verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'entered-in-error' }] } }))).toBe(false);
    expect(isListed(stored({ verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'refuted' }] } }))).toBe(false);
  });

  it('knows problem-list items from encounter diagnoses', () => {
    expect(categoryOf(stored())).toBe('problem-list-item');
    expect(categoryOf(stored({ category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'encounter-diagnosis' }] }] }))).toBe('encounter-diagnosis');
    expect(categoryOf(stored({ category: undefined }))).toBeUndefined();
  });

  it('sorts by onset, newest first, without onset last', () => {
    const a = stored({ id: 'a', onsetDateTime: '2019-03-12' });
    const b = stored({ id: 'b', onsetDateTime: '2024-05-01T08:00:00+02:00' });
    const c = stored({ id: 'c', onsetDateTime: undefined });
    const d = stored({ id: 'd', onsetDateTime: '2021-01-01' });
    expect(sortProblems([a, b, c, d]).map((x) => x.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('dates as typed', () => {
  it('accepts dd.mm.åååå, d.m.åååå, slashes and ISO dates', () => {
    expect(parseDateInput('12.03.2019')).toBe('2019-03-12');
    expect(parseDateInput(' 1.3.2019 ')).toBe('2019-03-01');
    expect(parseDateInput('01/03/2019')).toBe('2019-03-01');
    expect(parseDateInput('2019-03-01')).toBe('2019-03-01');
  });

  it('refuses what is not a real date', () => {
    expect(parseDateInput('31.02.2019')).toBeNull();
    expect(parseDateInput('12.13.2019')).toBeNull();
    expect(parseDateInput('i fjor')).toBeNull();
    expect(parseDateInput('12.03.19')).toBeNull();
  });

  it('shows stored dates and dateTimes as dd.mm.åååå', () => {
    expect(dateInputOf('2019-03-12')).toBe('12.03.2019');
    expect(dateInputOf('2024-05-01T08:00:00+02:00')).toBe('01.05.2024');
    expect(dateInputOf(undefined)).toBe('');
  });
});

describe('validation', () => {
  it('needs a code and an onset date', () => {
    expect(validateProblem(EMPTY_FORM, NOW)).toEqual({ code: 'required', onset: 'required' });
    expect(validateProblem(filled, NOW)).toEqual({});
  });

  it('refuses an onset that is not a date or lies in the future', () => {
    expect(validateProblem({ ...filled, onset: '32.01.2020' }, NOW).onset).toBe('invalid');
    expect(validateProblem({ ...filled, onset: '27.11.2026' }, NOW).onset).toBe('future');
    expect(validateProblem({ ...filled, onset: '26.11.2026' }, NOW).onset).toBeUndefined();
  });

  it('needs a resolved date, not before onset and not in the future, when resolved', () => {
    const resolved = { ...filled, status: 'resolved' as const };
    expect(validateProblem(resolved, NOW).abatement).toBe('required');
    expect(validateProblem({ ...resolved, abatement: '01.01.2019' }, NOW).abatement).toBe('beforeOnset');
    expect(validateProblem({ ...resolved, abatement: '01.12.2026' }, NOW).abatement).toBe('future');
    expect(validateProblem({ ...resolved, abatement: 'snart' }, NOW).abatement).toBe('invalid');
    expect(validateProblem({ ...resolved, abatement: '01.06.2026' }, NOW)).toEqual({});
    // An active problem ignores a leftover resolved date.
    expect(validateProblem({ ...filled, abatement: 'snart' }, NOW)).toEqual({});
  });
});

describe('picking a code', () => {
  it("fills the text with the code's text unless the user wrote their own", () => {
    expect(withCode(EMPTY_FORM, T90).text).toBe('Diabetes type 2');
    expect(withCode(withCode(EMPTY_FORM, T90), K86).text).toBe('Hypertensjon ukomplisert');
    expect(withCode({ ...EMPTY_FORM, code: T90, text: 'Kostregulert diabetes' }, K86).text).toBe('Kostregulert diabetes');
  });
});

describe('form → Condition', () => {
  it('writes a new problem as an active, confirmed problem-list item recorded now by the user', () => {
    const c = conditionFromForm({ ...filled, note: '  Oppdaget ved helsesjekk. ' }, { patientId: 'pat-1', persona, now: NOW });
    expect(c).toEqual({
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active', display: 'Active' }] },
      verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed', display: 'Confirmed' }] },
      category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item', display: 'Problem List Item' }], text: 'Problemliste' }],
      code: { coding: [{ system: CODE_SYSTEM.icpc2, code: 'T90', display: 'Diabetes type 2' }], text: 'Diabetes type 2' },
      subject: { reference: 'Patient/pat-1' },
      onsetDateTime: '2019-03-12',
      recordedDate: expect.any(String),
      recorder: { reference: 'PractitionerRole/role-1', display: 'Kari Nordmann' },
      note: [{ text: 'Oppdaget ved helsesjekk.', authorReference: { reference: 'PractitionerRole/role-1', display: 'Kari Nordmann' }, time: c.recordedDate }],
    });
    // Recorded now, as a dateTime with its offset.
    expect(c.recordedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
    expect(new Date(c.recordedDate!).getTime()).toBe(NOW.getTime());
    expect(c.extension).toBeUndefined();
  });

  it('writes ICD-10 codes with their system and the text the user chose', () => {
    const e11 = findDiagnosisCode('icd10', 'E11')!;
    const c = conditionFromForm({ ...filled, code: e11, text: 'Diabetes, tablettbehandlet' }, { patientId: 'pat-1', persona, now: NOW });
    expect(c.code).toEqual({ coding: [{ system: CODE_SYSTEM.icd10, code: 'E11', display: 'Diabetes mellitus type 2' }], text: 'Diabetes, tablettbehandlet' });
  });

  it('reads a stored condition back into the form', () => {
    const base = stored({ note: [{ text: 'Kostregulert' }] });
    expect(formFromCondition(base)).toEqual({ code: T90, text: 'Diabetes type 2', onset: '12.03.2019', status: 'active', abatement: '', note: 'Kostregulert' });
  });

  it('round-trips an untouched form to the same condition, apart from who changed it', () => {
    const base = stored({ onsetDateTime: '2024-05-01T08:00:00+02:00', note: [{ text: 'Kostregulert', time: '2019-03-12T10:15:00+01:00' }] });
    const again = conditionFromForm(formFromCondition(base), { patientId: 'pat-1', persona: other, now: NOW, base });
    const { extension, ...rest } = again;
    expect(rest).toEqual(base);
    expect(extension).toEqual([{ url: EDITED_BY_EXTENSION, valueReference: { reference: 'PractitionerRole/role-2', display: 'Ola Hansen' } }]);
    expect(editedByOf(again)?.display).toBe('Ola Hansen');
  });

  it('marks a problem resolved with its date, keeping who set it', () => {
    const base = stored();
    const c = conditionFromForm({ ...formFromCondition(base), status: 'resolved', abatement: '01.06.2026' }, { patientId: 'pat-1', persona, now: NOW, base });
    expect(c.clinicalStatus?.coding?.[0]?.code).toBe('resolved');
    expect(c.abatementDateTime).toBe('2026-06-01');
    expect(c.recorder).toEqual(base.recorder);
    expect(c.recordedDate).toBe(base.recordedDate);
    expect(c.id).toBe('cond-1');
  });

  it('reactivates a resolved problem and drops its resolved date', () => {
    const base = stored({ clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'resolved' }] }, abatementDateTime: '2025-01-01' });
    const c = conditionFromForm({ ...formFromCondition(base), status: 'active' }, { patientId: 'pat-1', persona, now: NOW, base });
    expect(c.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(c.abatementDateTime).toBeUndefined();
  });

  it('changes the onset and the note, and removes an emptied note', () => {
    const base = stored({ note: [{ text: 'Gammel' }] });
    const changed = conditionFromForm({ ...formFromCondition(base), onset: '01.02.2020', note: 'Ny' }, { patientId: 'pat-1', persona, now: NOW, base });
    expect(changed.onsetDateTime).toBe('2020-02-01');
    expect(changed.note?.[0]).toMatchObject({ text: 'Ny', authorReference: { reference: 'PractitionerRole/role-1' } });
    const emptied = conditionFromForm({ ...formFromCondition(base), note: '   ' }, { patientId: 'pat-1', persona, now: NOW, base });
    expect(emptied.note).toBeUndefined();
  });

  it('replaces an earlier edited-by mark and keeps other extensions', () => {
    const base = stored({ extension: [{ url: EDITED_BY_EXTENSION, valueReference: { display: 'Noen' } }, { url: 'urn:other', valueString: 'x' }] });
    const c = conditionFromForm(formFromCondition(base), { patientId: 'pat-1', persona, now: NOW, base });
    expect(c.extension).toEqual([
      { url: 'urn:other', valueString: 'x' },
      { url: EDITED_BY_EXTENSION, valueReference: { reference: 'PractitionerRole/role-1', display: 'Kari Nordmann' } },
    ]);
  });
});

describe('conflict values', () => {
  it('shows each field of a version in words', () => {
    const values = conflictValues({ ...filled, status: 'resolved', abatement: '01.06.2026', note: ' Kontroll ' }, (s) => (s === 'icpc2' ? 'ICPC-2' : 'ICD-10'));
    expect(values).toEqual({ code: 'T90 Diabetes type 2 (ICPC-2)', text: 'Diabetes type 2', onset: '12.03.2019', status: 'resolved', abatement: '01.06.2026', note: 'Kontroll' });
    // An active version has no resolved date, whatever the field held.
    expect(conflictValues({ ...filled, abatement: '01.06.2026' }, () => '').abatement).toBe('');
  });
});
