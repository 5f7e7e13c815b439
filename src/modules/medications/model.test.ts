// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import type { Condition, MedicationStatement } from 'fhir/r4';
import { MEDS } from '../../../mocks/seed/terminology';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { medsEn, medsNb } from './i18n';
import {
  REASON_OTHER,
  changedStatement,
  conflictRows,
  dosageText,
  emptyForm,
  fhirDosage,
  formFromStatement,
  isPrescriber,
  medicationHistory,
  mineOverTheirs,
  newStatement,
  parseDose,
  sameDosage,
  sortStatements,
  stoppedStatement,
  structuredOf,
  structuredText,
  validateForm,
  type MedForm,
  type StructuredDosage,
  type WriteContext,
} from './model';

let t: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'nb', resources: { nb: { translation: { medications: medsNb } }, en: { translation: { medications: medsEn } } }, interpolation: { escapeValue: false } });
  t = i18n.getFixedT('nb');
  tEn = i18n.getFixedT('en');
});

const d = (partial: Partial<StructuredDosage>): StructuredDosage => ({ dose: 1, unit: 'tablet', schedule: 'times', when: [], asNeeded: false, ...partial });

describe('dosage text', () => {
  it('writes the dosage in words the way PLL does', () => {
    expect(dosageText(d({ when: ['MORN', 'EVE'] }), t)).toBe('1 tablett morgen og kveld');
    expect(dosageText(d({ when: ['EVE', 'MORN', 'NOON'] }), t)).toBe('1 tablett morgen, middag og kveld');
    expect(dosageText(d({ dose: 2, schedule: 'perDay', count: 3, asNeeded: true }), t)).toBe('2 tabletter inntil 3 ganger daglig ved behov');
    expect(dosageText(d({ schedule: 'perDay', count: 4, durationDays: 5 }), t)).toBe('1 tablett 4 ganger daglig i 5 dager');
    expect(dosageText(d({ when: ['EVE'], instruction: ' tas med mat ' }), t)).toBe('1 tablett kveld, tas med mat');
    expect(dosageText(d({ when: ['HS'], asNeeded: true }), t)).toBe('1 tablett ved sengetid ved behov');
    expect(dosageText(d({ dose: 0.5, when: ['MORN'] }), t)).toBe('0,5 tablett morgen');
    expect(dosageText(d({ doseHigh: 2, unit: 'inhalation', schedule: 'perDay', count: 4, asNeeded: true }), t)).toBe('1–2 inhalasjoner inntil 4 ganger daglig ved behov');
    expect(dosageText(d({ schedule: 'perWeek', count: 1 }), t)).toBe('1 tablett én gang i uken');
    expect(dosageText(d({ dose: 4, schedule: 'perWeek', count: 2 }), t)).toBe('4 tabletter 2 ganger i uken');
    expect(dosageText(d({ schedule: 'perDay', count: 1 }), t)).toBe('1 tablett daglig');
    expect(dosageText(d({ schedule: 'perDay', asNeeded: true }), t)).toBe('1 tablett ved behov');
    expect(dosageText(d({ dose: 20, unit: 'unit', when: ['EVE'] }), t)).toBe('20 E kveld');
    expect(dosageText(d({ dose: 5, unit: 'ml', schedule: 'perDay', count: 4, durationDays: 1 }), t)).toBe('5 ml 4 ganger daglig i 1 dag');
  });

  it('in English only when asked (the saved text is bokmål)', () => {
    expect(dosageText(d({ when: ['MORN', 'EVE'] }), tEn)).toBe('1 tablet morning and evening');
    expect(dosageText(d({ dose: 2.5, schedule: 'perDay', count: 2 }), tEn)).toBe('2.5 tablets 2 times daily');
  });

  it('shows the structured dosage as dose × times', () => {
    expect(structuredText(d({ when: ['MORN', 'EVE'] }), t)).toBe('1 tablett × 2 per døgn (morgen, kveld)');
    expect(structuredText(d({ dose: 2, schedule: 'perDay', count: 3 }), t)).toBe('2 tabletter × 3 per døgn');
    expect(structuredText(d({ dose: 2, schedule: 'perDay', count: 3, asNeeded: true }), t)).toBe('2 tabletter ved behov, høyst 3 per døgn');
    expect(structuredText(d({ schedule: 'perWeek', count: 1, durationDays: 14 }), t)).toBe('1 tablett × 1 per uke, i 14 dager');
  });

  it('reads every dosage of the synthetic journal, and writes the same text back where PLL wording allows', () => {
    const same = ['ramipril', 'metformin', 'rivaroksaban', 'apixaban', 'salmeterolFlutikason', 'zopiklon', 'paracetamol', 'levotyroksin', 'omeprazol', 'alendronat', 'penicillin660', 'penicillinMikstur', 'prednisolon'];
    for (const med of Object.values(MEDS)) {
      const dosage = med.dosage[0]!;
      const structured = structuredOf(dosage, t);
      expect(structured, med.key).toBeDefined();
      // FHIR → structured → FHIR → structured keeps everything.
      expect(sameDosage(structuredOf(fhirDosage(structured!, 'x'), t), structured), med.key).toBe(true);
      if (same.includes(med.key)) expect(dosageText(structured!, t), med.key).toBe(dosage.text);
    }
    expect(structuredOf(MEDS.rivaroksaban!.dosage[0], t)?.instruction).toBe('tas med mat');
    expect(structuredOf(MEDS.salbutamol!.dosage[0], t)).toMatchObject({ dose: 1, doseHigh: 2, unit: 'inhalation', schedule: 'perDay', count: 4, asNeeded: true });
    expect(structuredOf(MEDS.alendronat!.dosage[0], t)).toMatchObject({ schedule: 'perWeek', count: 1 });
    expect(structuredOf({ text: 'Etter skjema' })).toBeUndefined();
  });
});

describe('the form', () => {
  const conditions: Condition[] = [{ resourceType: 'Condition', id: 'cond-1', subject: { reference: 'Patient/p1' }, code: { text: 'Diabetes type 2' } }];
  const ctx = (): WriteContext => ({ patientId: 'p1', author: { reference: 'PractitionerRole/role-1', display: 'Harald Sørensen' }, now: '2026-11-26T10:00:00+01:00', conditions, t });
  const startForm = (over: Partial<MedForm> = {}): MedForm => ({
    ...emptyForm('2026-11-26'),
    drugId: 'metformin-500',
    drugQuery: 'Metformin 500 mg tablett',
    dose: '1',
    unit: 'tablet',
    when: ['MORN', 'EVE'],
    reasonChoice: 'cond-1',
    ...over,
  });

  it('makes a new MedicationStatement: ATC-coded product, dosage text and structure, start, reason, prescriber', () => {
    const ms = newStatement(startForm(), ctx());
    expect(ms).toMatchObject({
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: { coding: [{ system: CODE_SYSTEM.atc, code: 'A10BA02', display: 'Metformin' }], text: 'Metformin 500 mg tablett' },
      subject: { reference: 'Patient/p1' },
      effectivePeriod: { start: '2026-11-26' },
      dateAsserted: '2026-11-26T10:00:00+01:00',
      informationSource: { reference: 'PractitionerRole/role-1', display: 'Harald Sørensen' },
      reasonReference: [{ reference: 'Condition/cond-1', display: 'Diabetes type 2' }],
    });
    expect(ms.id).toBeUndefined();
    const dosage = ms.dosage![0]!;
    expect(dosage.text).toBe('1 tablett morgen og kveld');
    expect(dosage.timing?.repeat).toEqual({ frequency: 2, period: 1, periodUnit: 'd', when: ['MORN', 'EVE'] });
    expect(dosage.doseAndRate?.[0]?.doseQuantity).toEqual({ value: 1, unit: 'tablett', system: 'http://unitsofmeasure.org', code: '{tbl}' });
    expect(dosage.route?.coding?.[0]?.code).toBe('26643006');
    expect(dosage.asNeededBoolean).toBeUndefined();
  });

  it('writes a free-text reason, a dose range, as-needed and an instruction', () => {
    const ms = newStatement(
      startForm({ drugId: 'salbutamol-0.1', unit: 'inhalation', dose: '1-2', schedule: 'perDay', when: [], count: '4', asNeeded: true, instruction: 'ved tung pust', reasonChoice: REASON_OTHER, reasonText: 'Astma' }),
      ctx(),
    );
    expect(ms.reasonCode).toEqual([{ text: 'Astma' }]);
    expect(ms.reasonReference).toBeUndefined();
    const dosage = ms.dosage![0]!;
    expect(dosage.text).toBe('1–2 inhalasjoner inntil 4 ganger daglig ved behov, ved tung pust');
    expect(dosage.asNeededBoolean).toBe(true);
    expect(dosage.doseAndRate?.[0]?.doseRange).toMatchObject({ low: { value: 1 }, high: { value: 2 } });
    expect(dosage.timing?.repeat).toMatchObject({ frequency: 1, frequencyMax: 4 });
    expect(dosage.additionalInstruction).toEqual([{ text: 'ved tung pust' }]);
  });

  it('reads a statement back into the same form', () => {
    const form = startForm({ dose: '0,5', schedule: 'perDay', when: [], count: '3', durationDays: '7', instruction: 'tas med mat' });
    const back = formFromStatement({ ...newStatement(form, ctx()), id: 'm1' }, t, '2026-12-01');
    expect(back).toEqual({ ...form, stopDate: '2026-12-01' });
    const free = formFromStatement({ ...newStatement(startForm({ reasonChoice: REASON_OTHER, reasonText: 'Forebygging' }), ctx()) }, t, '2026-12-01');
    expect(free.reasonChoice).toBe(REASON_OTHER);
    expect(free.reasonText).toBe('Forebygging');
    // A seed statement with a dateTime start and the instruction only in the text.
    const seed: MedicationStatement = {
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: MEDS.rivaroksaban!.concept,
      subject: { reference: 'Patient/p1' },
      effectivePeriod: { start: '2019-03-04T10:15:00+01:00' },
      dosage: MEDS.rivaroksaban!.dosage,
    };
    expect(formFromStatement(seed, t, '2026-12-01')).toMatchObject({ drugId: 'rivaroksaban-20', dose: '1', unit: 'tablet', schedule: 'times', when: ['EVE'], instruction: 'tas med mat', start: '2019-03-04', reasonChoice: '' });
  });

  it('changes the dosage with the reason as a note, and stops with status, end and reason', () => {
    const base: MedicationStatement = { ...newStatement(startForm(), ctx()), id: 'm1', meta: { versionId: '1' }, note: [{ text: 'Tidligere merknad' }] };
    const later = { ...ctx(), now: '2026-12-01T09:00:00+01:00', author: { reference: 'PractitionerRole/role-2', display: 'Hanna Amundsen' } };
    const changed = changedStatement(base, { ...formFromStatement(base, t, '2026-12-01'), dose: '2', changeReason: 'HbA1c fortsatt høy' }, later);
    expect(changed.id).toBe('m1');
    expect(changed.dosage?.[0]?.text).toBe('2 tabletter morgen og kveld');
    expect(changed.dosage?.[0]?.route?.coding?.[0]?.code).toBe('26643006');
    expect(changed.note).toEqual([{ text: 'Tidligere merknad' }, { authorReference: later.author, time: later.now, text: 'HbA1c fortsatt høy' }]);
    expect(changed.informationSource).toEqual(later.author);
    expect(changed.dateAsserted).toBe(later.now);
    expect(changed.effectivePeriod).toEqual(base.effectivePeriod);

    const stopped = stoppedStatement(base, { ...emptyForm('2026-12-01'), stopReason: ' Bivirkninger ' }, later);
    expect(stopped).toMatchObject({ status: 'stopped', effectivePeriod: { start: '2026-11-26', end: '2026-12-01' }, statusReason: [{ text: 'Bivirkninger' }], informationSource: later.author });
    expect(stopped.dosage).toEqual(base.dosage);
  });

  it('keeps their notes and adds mine when my version is written over theirs', () => {
    const base: MedicationStatement = { ...newStatement(startForm(), ctx()), id: 'm1', meta: { versionId: '1' }, note: [{ text: 'a' }] };
    const mine = { ...base, note: [{ text: 'a' }, { text: 'mine' }] };
    const theirs = { ...base, meta: { versionId: '2' }, note: [{ text: 'a' }, { text: 'theirs' }] };
    expect(mineOverTheirs(mine, base, theirs)).toMatchObject({ meta: { versionId: '2' }, note: [{ text: 'a' }, { text: 'theirs' }, { text: 'mine' }] });
  });

  it('parses doses: whole, decimal comma, ranges; rejects zero, negatives, words and reversed ranges', () => {
    expect(parseDose('1')).toEqual({ ok: true, low: 1 });
    expect(parseDose(' 0,5 ')).toEqual({ ok: true, low: 0.5 });
    expect(parseDose('1.5')).toEqual({ ok: true, low: 1.5 });
    expect(parseDose('1–2')).toEqual({ ok: true, low: 1, high: 2 });
    expect(parseDose('1 - 2')).toEqual({ ok: true, low: 1, high: 2 });
    expect(parseDose('')).toEqual({ ok: false, error: 'doseRequired' });
    expect(parseDose('0')).toEqual({ ok: false, error: 'doseNotPositive' });
    expect(parseDose('-1')).toEqual({ ok: false, error: 'doseNotPositive' });
    expect(parseDose('0-2')).toEqual({ ok: false, error: 'doseNotPositive' });
    expect(parseDose('en')).toEqual({ ok: false, error: 'doseNotNumber' });
    expect(parseDose('2-1')).toEqual({ ok: false, error: 'doseRangeOrder' });
  });

  it('validates a new medicine: every required field, each with its own message', () => {
    const errors = validateForm(emptyForm('2026-11-26'), 'start');
    expect(Object.keys(errors).sort()).toEqual(['dose', 'drugId', 'reasonChoice', 'unit', 'when']);
    expect(errors.dose?.key).toBe('doseRequired');
    expect(validateForm(startForm(), 'start')).toEqual({});
    expect(validateForm(startForm({ dose: '0' }), 'start')).toEqual({ dose: { key: 'doseNotPositive' } });
    expect(validateForm(startForm({ schedule: 'perDay', count: '' }), 'start')).toEqual({ count: { key: 'countRequired' } });
    expect(validateForm(startForm({ schedule: 'perDay', count: '0' }), 'start')).toEqual({ count: { key: 'countInvalid', params: { max: 24 } } });
    expect(validateForm(startForm({ schedule: 'perDay', count: '', asNeeded: true }), 'start')).toEqual({});
    expect(validateForm(startForm({ durationDays: '2,5' }), 'start')).toEqual({ durationDays: { key: 'durationInvalid' } });
    expect(validateForm(startForm({ start: '' }), 'start')).toEqual({ start: { key: 'dateRequired' } });
    expect(validateForm(startForm({ start: '2026-02-30' }), 'start')).toEqual({ start: { key: 'dateInvalid' } });
    expect(validateForm(startForm({ reasonChoice: REASON_OTHER }), 'start')).toEqual({ reasonText: { key: 'reasonTextRequired' } });
  });

  it('validates a change (a reason, and a different dosage) and a stop (date not before the start, a reason)', () => {
    const base: MedicationStatement = { ...newStatement(startForm(), ctx()), id: 'm1', effectivePeriod: { start: '2026-03-10T10:00:00+01:00' } };
    const form = formFromStatement(base, t, '2026-11-26');
    expect(validateForm(form, 'change', base, t)).toEqual({ changeReason: { key: 'changeReasonRequired' }, form: { key: 'unchanged' } });
    expect(validateForm({ ...form, dose: '2', changeReason: 'Høyere dose' }, 'change', base, t)).toEqual({});
    expect(validateForm({ ...form, stopDate: '2026-03-09', stopReason: '' }, 'stop', base)).toEqual({
      stopDate: { key: 'stopBeforeStart', params: { start: '2026-03-10' } },
      stopReason: { key: 'stopReasonRequired' },
    });
    expect(validateForm({ ...form, stopDate: '2026-03-10', stopReason: 'Bivirkninger' }, 'stop', base)).toEqual({});
  });

  it('lets GPs and emergency clinic doctors change the list, nobody else', () => {
    expect(isPrescriber('gp')).toBe(true);
    expect(isPrescriber('ed-doctor')).toBe(true);
    expect(isPrescriber('homecare-nurse')).toBe(false);
    expect(isPrescriber('gp-nurse')).toBe(false);
    expect(isPrescriber(undefined)).toBe(false);
  });
});

describe('medication list history', () => {
  const gp = { reference: 'PractitionerRole/role-gp', display: 'Harald Sørensen' };
  const ed = { reference: 'PractitionerRole/role-ed', display: 'Hanna Amundsen' };
  const v1: MedicationStatement = {
    resourceType: 'MedicationStatement',
    id: 'm1',
    meta: { versionId: '1', lastUpdated: '2026-01-10T10:00:00+01:00' },
    status: 'active',
    medicationCodeableConcept: { coding: [{ system: CODE_SYSTEM.atc, code: 'C08CA01', display: 'Amlodipin' }], text: 'Amlodipin 5 mg tablett' },
    subject: { reference: 'Patient/p1' },
    effectivePeriod: { start: '2026-01-10' },
    dateAsserted: '2026-01-10T10:00:00+01:00',
    informationSource: gp,
    reasonReference: [{ reference: 'Condition/c1', display: 'Hypertensjon' }],
    dosage: [{ text: '1 tablett morgen', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablett', code: '{tbl}' } }] }],
  };
  const v2: MedicationStatement = {
    ...v1,
    meta: { versionId: '2', lastUpdated: '2026-03-01T09:00:00+01:00' },
    dateAsserted: '2026-03-01T09:00:00+01:00',
    informationSource: ed,
    dosage: [{ text: '2 tabletter morgen', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] } }, doseAndRate: [{ doseQuantity: { value: 2, unit: 'tablett', code: '{tbl}' } }] }],
    note: [{ authorReference: ed, time: '2026-03-01T09:00:00+01:00', text: 'Blodtrykket fortsatt høyt' }],
  };
  const v3: MedicationStatement = {
    ...v2,
    meta: { versionId: '3', lastUpdated: '2026-06-15T11:00:00+02:00' },
    dateAsserted: '2026-06-15T11:00:00+02:00',
    informationSource: gp,
    status: 'stopped',
    effectivePeriod: { start: '2026-01-10', end: '2026-06-15' },
    statusReason: [{ text: 'Ankelødem' }],
  };

  it('turns consecutive versions into started, dose changed (with why) and stopped (with reason), newest first, each with who and when', () => {
    const events = medicationHistory([v2, v3, v1]);
    expect(events.map((e) => e.kind)).toEqual(['stopped', 'doseChanged', 'started']);
    expect(events[0]).toMatchObject({ kind: 'stopped', effective: '2026-06-15', reason: 'Ankelødem', by: gp, recorded: '2026-06-15T11:00:00+02:00', versionId: '3', medication: 'Amlodipin 5 mg tablett' });
    expect(events[1]).toMatchObject({ kind: 'doseChanged', from: '1 tablett morgen', to: '2 tabletter morgen', reason: 'Blodtrykket fortsatt høyt', by: ed, recorded: '2026-03-01T09:00:00+01:00' });
    expect(events[2]).toMatchObject({ kind: 'started', effective: '2026-01-10', to: '1 tablett morgen', reason: 'Hypertensjon', by: gp });
    // The note added in version 2 is not repeated as the reason of version 3.
    expect(events[0]!.reason).toBe('Ankelødem');
    expect(new Set(events.map((e) => e.key)).size).toBe(3);
  });

  it('reads a statement that was stopped in its only version as started and stopped', () => {
    const events = medicationHistory([{ ...v3, meta: { versionId: '1' } }]);
    expect(events.map((e) => [e.kind, e.effective])).toEqual([
      ['stopped', '2026-06-15'],
      ['started', '2026-01-10'],
    ]);
    const completed = medicationHistory([{ ...v1, status: 'completed', effectivePeriod: { start: '2026-01-10', end: '2026-01-20' } }]);
    expect(completed.map((e) => e.kind)).toEqual(['completed', 'started']);
  });

  it('names changes of the reason for use, restarts, and changes with no visible difference', () => {
    const reason = { ...v1, meta: { versionId: '2' }, dateAsserted: '2026-02-01T10:00:00+01:00', reasonReference: [{ display: 'Angina pectoris' }] };
    expect(medicationHistory([v1, reason])[0]).toMatchObject({ kind: 'reasonChanged', from: 'Hypertensjon', to: 'Angina pectoris' });
    const resumed = { ...v3, meta: { versionId: '4' }, dateAsserted: '2026-07-01T10:00:00+02:00', status: 'active' as const, note: [...(v3.note ?? []), { text: 'Prøver igjen' }] };
    expect(medicationHistory([v1, v2, v3, resumed])[0]).toMatchObject({ kind: 'resumed', reason: 'Prøver igjen' });
    const same = { ...v1, meta: { versionId: '2' }, dateAsserted: '2026-02-01T10:00:00+01:00', note: [{ text: 'Kontrollert, uendret' }] };
    expect(medicationHistory([v1, same])[0]).toMatchObject({ kind: 'changed', reason: 'Kontrollert, uendret' });
    expect(medicationHistory([])).toEqual([]);
  });

  it('lists current medicines first by name, then ended ones most recently ended first', () => {
    const a = { ...v1, id: 'a', medicationCodeableConcept: { text: 'Zopiklon' } };
    const b = { ...v1, id: 'b', medicationCodeableConcept: { text: 'Atorvastatin' } };
    const c = { ...v3, id: 'c', effectivePeriod: { start: '2025-01-01', end: '2025-05-01' } };
    const e = { ...v3, id: 'e' };
    expect(sortStatements([c, a, e, b]).map((m) => m.id)).toEqual(['b', 'a', 'e', 'c']);
  });
});

describe('conflict handling', () => {
  it('compares the fields of my version and the stored one in words', () => {
    const mine: MedicationStatement = {
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: { text: 'Amlodipin 5 mg tablett' },
      subject: { reference: 'Patient/p1' },
      dosage: [{ text: '2 tabletter morgen' }],
      reasonCode: [{ text: 'Hypertensjon' }],
      informationSource: { display: 'Harald Sørensen' },
      note: [{ text: 'Mer effekt trengs' }],
    };
    const theirs: MedicationStatement = { ...mine, status: 'stopped', effectivePeriod: { end: '2026-11-26' }, statusReason: [{ text: 'Ankelødem' }], dosage: [{ text: '1 tablett morgen' }], informationSource: { display: 'Hanna Amundsen' }, note: [] };
    const rows = conflictRows(t, mine, theirs, (v) => (v ? v.split('-').reverse().join('.') : ''));
    expect(rows).toEqual([
      { label: 'Legemiddel', mine: 'Amlodipin 5 mg tablett', theirs: 'Amlodipin 5 mg tablett' },
      { label: 'Dosering', mine: '2 tabletter morgen', theirs: '1 tablett morgen' },
      { label: 'Status', mine: 'I bruk', theirs: 'Seponert' },
      { label: 'Seponert dato', mine: '', theirs: '26.11.2026' },
      { label: 'Grunn til seponering', mine: '', theirs: 'Ankelødem' },
      { label: 'Bruksområde', mine: 'Hypertensjon', theirs: 'Hypertensjon' },
      { label: 'Begrunnelse for siste endring', mine: 'Mer effekt trengs', theirs: '' },
      { label: 'Registrert av', mine: 'Harald Sørensen', theirs: 'Hanna Amundsen' },
    ]);
  });
});
