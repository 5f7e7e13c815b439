// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AllergyIntolerance, Flag } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import {
  ALLERGY_VERIFICATION_SYSTEM,
  EXT,
  SOURCE_SYSTEM,
  certaintyOf,
  changesBetween,
  emptyForm,
  entryOf,
  formOf,
  groupEntries,
  refutedResource,
  resourceFromForm,
  validateForm,
  type CriticalForm,
} from './model';

const author = { reference: 'PractitionerRole/role-gp', display: 'Harald Sørensen' };
const corrector = { reference: 'PractitionerRole/role-nurse', display: 'Kari Nurse' };
const now = new Date('2026-11-26T10:00:00Z');
const ctx = { patientId: 'pat-1', author, now };

/** A seed-shaped allergy (as mocks/seed/history.ts writes it). */
const seedAllergy: AllergyIntolerance = {
  resourceType: 'AllergyIntolerance',
  id: 'alg-1',
  meta: { versionId: '1', lastUpdated: '2020-03-02T10:00:00Z' },
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active', display: 'Active' }], text: 'Aktiv' },
  verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION_SYSTEM, code: 'unconfirmed', display: 'Unconfirmed' }], text: 'Sannsynlig' },
  type: 'allergy',
  category: ['medication'],
  criticality: 'low',
  code: { coding: [{ system: CODE_SYSTEM.atc, code: 'J01CE', display: 'Betalaktamasefølsomme penicilliner' }], text: 'Penicillin' },
  patient: { reference: 'Patient/pat-1' },
  onsetDateTime: '2019-05-01',
  recordedDate: '2020-03-02T10:00:00+01:00',
  recorder: { reference: 'PractitionerRole/role-old', display: 'Old Doctor' },
  reaction: [{ manifestation: [{ coding: [{ system: CODE_SYSTEM.snomed, code: '271807003', display: 'Eruption of skin' }], text: 'Utslett' }], severity: 'mild' }],
};

const seedFlag: Flag = {
  resourceType: 'Flag',
  id: 'flag-1',
  meta: { versionId: '1' },
  status: 'active',
  category: [{ coding: [{ system: CODE_SYSTEM.criticalInfoCategory, code: 'infection-risk', display: 'Smitte' }] }],
  code: { text: 'MRSA-bærer' },
  subject: { reference: 'Patient/pat-1' },
  period: { start: '2023-04-05T09:30:00+02:00' },
  author: { reference: 'PractitionerRole/role-old', display: 'Old Doctor' },
};

function allergyForm(overrides: Partial<CriticalForm> = {}): CriticalForm {
  return { ...emptyForm('allergy'), text: 'Penicillin', atcCode: 'j01ce', reaction: 'Anafylaksi', severity: 'severe', certainty: 'confirmed', source: 'hospital-record', sourceDetail: 'Epikrise Haukeland', startDate: '2025-01-10', ...overrides };
}

describe('certainty (R4 has no "presumed")', () => {
  it('reads Sannsynlig from the text of unconfirmed, and Mistenkt otherwise', () => {
    expect(certaintyOf({ coding: [{ code: 'unconfirmed' }], text: 'Sannsynlig' })).toBe('probable');
    expect(certaintyOf({ coding: [{ code: 'unconfirmed' }], text: 'Mistenkt' })).toBe('suspected');
    expect(certaintyOf({ coding: [{ code: 'unconfirmed' }] })).toBe('suspected');
    expect(certaintyOf({ coding: [{ code: 'confirmed' }], text: 'Bekreftet' })).toBe('confirmed');
    expect(certaintyOf({ coding: [{ code: 'refuted' }] })).toBe('refuted');
    expect(certaintyOf(undefined)).toBeUndefined();
  });
});

describe('reading entries', () => {
  it('reads a seed allergy', () => {
    const e = entryOf(seedAllergy);
    expect(e).toMatchObject({
      key: 'AllergyIntolerance/alg-1',
      category: 'allergy',
      text: 'Penicillin',
      atcCode: 'J01CE',
      reaction: 'Utslett',
      severe: false,
      certainty: 'probable',
      refuted: false,
      source: undefined,
      recorder: { reference: 'PractitionerRole/role-old' },
      version: 1,
    });
  });

  it('counts criticality high or a severe reaction as severe', () => {
    expect(entryOf({ ...seedAllergy, criticality: 'high' }).severe).toBe(true);
    expect(entryOf({ ...seedAllergy, reaction: [{ manifestation: [{ text: 'Anafylaksi' }], severity: 'severe' }] }).severe).toBe(true);
  });

  it('reads a seed flag: category, recorded date from period.start, author', () => {
    const e = entryOf(seedFlag);
    expect(e).toMatchObject({ category: 'infection-risk', text: 'MRSA-bærer', recordedDate: '2023-04-05T09:30:00+02:00', recorder: seedFlag.author, certainty: undefined, refuted: false });
  });

  it('groups in the Kjernejournal order, severe first, refuted last', () => {
    const mild = entryOf({ ...seedAllergy, id: 'a-mild', recordedDate: '2026-01-01' });
    const severe = entryOf({ ...seedAllergy, id: 'a-severe', criticality: 'high', recordedDate: '2010-01-01' });
    const refuted = entryOf(refutedResource({ ...seedAllergy, id: 'a-ref', criticality: 'high' }, { author, now }));
    const groups = groupEntries([entryOf(seedFlag), refuted, mild, severe, entryOf({ ...seedFlag, id: 'f-2', category: [{ coding: [{ system: CODE_SYSTEM.criticalInfoCategory, code: 'anaesthesia-complication' }] }] })]);
    expect(groups.map((g) => g.category)).toEqual(['allergy', 'anaesthesia-complication', 'infection-risk']);
    expect(groups[0]!.entries.map((e) => e.key)).toEqual(['AllergyIntolerance/a-severe', 'AllergyIntolerance/a-mild', 'AllergyIntolerance/a-ref']);
  });
});

describe('form → new resource', () => {
  it('writes a hypersensitivity as an AllergyIntolerance with recorder, certainty, severity and source', () => {
    const r = resourceFromForm(allergyForm(), ctx) as AllergyIntolerance;
    expect(r).toEqual({
      resourceType: 'AllergyIntolerance',
      extension: [{ url: EXT.source, valueCodeableConcept: { coding: [{ system: SOURCE_SYSTEM, code: 'hospital-record', display: 'Sykehusjournal eller epikrise' }], text: 'Epikrise Haukeland' } }],
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active', display: 'Active' }], text: 'Aktiv' },
      verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION_SYSTEM, code: 'confirmed', display: 'Confirmed' }], text: 'Bekreftet' },
      category: ['medication'],
      criticality: 'high',
      code: { text: 'Penicillin', coding: [{ system: CODE_SYSTEM.atc, code: 'J01CE' }] },
      patient: { reference: 'Patient/pat-1' },
      onsetDateTime: '2025-01-10',
      recordedDate: '2026-11-26T10:00:00.000Z',
      recorder: author,
      reaction: [{ manifestation: [{ text: 'Anafylaksi' }], severity: 'severe' }],
    });
  });

  it('writes Sannsynlig as unconfirmed with the text, and the patient as asserter when the patient told it', () => {
    const r = resourceFromForm(allergyForm({ certainty: 'probable', source: 'patient', sourceDetail: '', reaction: '', severity: 'not-severe', atcCode: '' }), ctx) as AllergyIntolerance;
    expect(r.verificationStatus).toEqual({ coding: [{ system: ALLERGY_VERIFICATION_SYSTEM, code: 'unconfirmed', display: 'Unconfirmed' }], text: 'Sannsynlig' });
    expect(r.asserter).toEqual({ reference: 'Patient/pat-1' });
    expect(r.criticality).toBe('low');
    expect(r.reaction).toBeUndefined();
    expect(r.code).toEqual({ text: 'Penicillin' });
    expect(entryOf(r)).toMatchObject({ certainty: 'probable', source: 'patient', sourceDetail: '', severe: false });
  });

  it('writes the other categories as a Flag with category, author, recorded date and optional certainty', () => {
    const form: CriticalForm = { ...emptyForm('infection-risk'), text: ' ESBL-bærer ', certainty: 'suspected', source: 'health-personnel', startDate: '2024-02-01' };
    const r = resourceFromForm(form, ctx) as Flag;
    expect(r).toMatchObject({
      resourceType: 'Flag',
      status: 'active',
      category: [{ coding: [{ system: CODE_SYSTEM.criticalInfoCategory, code: 'infection-risk', display: 'Smitte' }] }],
      code: { text: 'ESBL-bærer' },
      subject: { reference: 'Patient/pat-1' },
      period: { start: '2024-02-01' },
      author,
    });
    expect(r.extension).toEqual(
      expect.arrayContaining([
        { url: EXT.verification, valueCodeableConcept: { coding: [{ system: ALLERGY_VERIFICATION_SYSTEM, code: 'unconfirmed', display: 'Unconfirmed' }], text: 'Mistenkt' } },
        { url: EXT.recordedDate, valueDateTime: '2026-11-26T10:00:00.000Z' },
      ]),
    );
    expect(entryOf(r)).toMatchObject({ category: 'infection-risk', certainty: 'suspected', source: 'health-personnel', recordedDate: '2026-11-26T10:00:00.000Z' });
  });

  it('writes no certainty for a treatment routine change', () => {
    const r = resourceFromForm({ ...emptyForm('treatment-routine-change'), text: 'Ikke HLR', certainty: 'confirmed', source: 'health-personnel' }, ctx) as Flag;
    expect(r.extension?.some((e) => e.url === EXT.verification)).toBe(false);
    expect(r.period).toBeUndefined();
  });

  it('round-trips: the form read back from what it wrote is the same form (ATC normalised)', () => {
    const form = allergyForm({ atcCode: ' j01ce ' });
    expect(formOf(entryOf(resourceFromForm(form, ctx)))).toEqual({ ...form, atcCode: 'J01CE' });
    const flagForm: CriticalForm = { ...emptyForm('anaesthesia-complication'), text: 'Malign hypertermi', certainty: 'confirmed', source: 'relative', sourceDetail: 'Datteren', startDate: '2001-06-01' };
    expect(formOf(entryOf(resourceFromForm(flagForm, ctx)))).toEqual(flagForm);
  });
});

describe('form → corrected resource', () => {
  it('keeps the recorder, the stored codes of unchanged fields and what the form does not show; says who changed it', () => {
    const form = { ...formOf(entryOf(seedAllergy)), severity: 'severe' as const, source: 'patient' as const };
    const r = resourceFromForm(form, { ...ctx, author: corrector }, seedAllergy) as AllergyIntolerance;
    expect(r.id).toBe('alg-1');
    expect(r.recorder).toEqual(seedAllergy.recorder);
    expect(r.recordedDate).toBe(seedAllergy.recordedDate);
    expect(r.type).toBe('allergy');
    expect(r.code).toBe(seedAllergy.code);
    expect(r.verificationStatus).toBe(seedAllergy.verificationStatus);
    expect(r.onsetDateTime).toBe('2019-05-01');
    expect(r.criticality).toBe('high');
    expect(r.reaction).toEqual([{ manifestation: seedAllergy.reaction![0]!.manifestation, severity: 'severe' }]);
    expect(r.extension).toEqual(expect.arrayContaining([{ url: EXT.changedBy, valueReference: corrector }]));
    expect(entryOf(r)).toMatchObject({ changedBy: corrector, severe: true, source: 'patient' });
  });

  it('replaces codes of a changed substance and reaction with the typed text; not severe removes a severe reaction severity', () => {
    const severe = { ...seedAllergy, criticality: 'high' as const, reaction: [{ manifestation: [{ text: 'Anafylaksi' }], severity: 'severe' as const }] };
    const form = { ...formOf(entryOf(severe)), text: 'Amoksicillin', atcCode: 'J01CA04', severity: 'not-severe' as const, source: 'health-personnel' as const };
    const r = resourceFromForm(form, ctx, severe) as AllergyIntolerance;
    expect(r.code).toEqual({ text: 'Amoksicillin', coding: [{ system: CODE_SYSTEM.atc, code: 'J01CA04' }] });
    expect(r.criticality).toBe('low');
    expect(r.reaction).toEqual([{ manifestation: [{ text: 'Anafylaksi' }] }]);
  });

  it('keeps a flag period start with its time when the date is unchanged', () => {
    const form = { ...formOf(entryOf(seedFlag)), source: 'health-personnel' as const, text: 'MRSA-bærer (sanert 2025?)' };
    const r = resourceFromForm(form, ctx, seedFlag) as Flag;
    expect(r.period).toEqual(seedFlag.period);
    expect(r.code).toEqual({ text: 'MRSA-bærer (sanert 2025?)' });
    expect(r.category).toBe(seedFlag.category);
    expect(r.author).toEqual(seedFlag.author);
  });
});

describe('refuting', () => {
  it('an allergy: verification refuted, clinical status inactive, the reason as a marked note', () => {
    const r = refutedResource(seedAllergy, { author: corrector, now, reason: 'Tålte penicillinkur' }) as AllergyIntolerance;
    expect(r.verificationStatus?.coding?.[0]?.code).toBe('refuted');
    expect(r.verificationStatus?.text).toBe('Avkreftet');
    expect(r.clinicalStatus?.coding?.[0]?.code).toBe('inactive');
    expect(r.note).toEqual([{ authorReference: corrector, time: now.toISOString(), text: 'Tålte penicillinkur', extension: [{ url: EXT.refutedReason, valueBoolean: true }] }]);
    expect(entryOf(r)).toMatchObject({ refuted: true, refutedReason: 'Tålte penicillinkur', changedBy: corrector, certainty: undefined });
  });

  it('a flag: status inactive, period ended, refuted marker', () => {
    const r = refutedResource(seedFlag, { author: corrector, now }) as Flag;
    expect(r.status).toBe('inactive');
    expect(r.period).toEqual({ start: seedFlag.period!.start, end: now.toISOString() });
    expect(entryOf(r)).toMatchObject({ refuted: true, refutedReason: '' });
  });
});

describe('comparing versions', () => {
  it('lists what changed', () => {
    const after = resourceFromForm({ ...formOf(entryOf(seedAllergy)), reaction: 'Anafylaksi', severity: 'severe', source: 'patient' }, ctx, seedAllergy);
    expect(changesBetween(entryOf(seedAllergy), entryOf(after))).toEqual([
      { field: 'reaction', from: 'Utslett', to: 'Anafylaksi' },
      { field: 'severity', from: 'not-severe', to: 'severe' },
      { field: 'source', from: '', to: 'patient' },
    ]);
    expect(changesBetween(entryOf(seedFlag), entryOf(refutedResource(seedFlag, { author, now })))).toEqual([{ field: 'status', from: 'active', to: 'refuted' }]);
  });
});

describe('validation', () => {
  const today = '2026-11-26';

  it('asks for the required fields of a hypersensitivity', () => {
    expect(validateForm(emptyForm('allergy'), { today })).toEqual({ text: 'substanceRequired', severity: 'severityRequired', certainty: 'certaintyRequired', source: 'sourceRequired' });
  });

  it('asks for description and source of a flag, not certainty', () => {
    expect(validateForm(emptyForm('critical-condition'), { today })).toEqual({ text: 'descriptionRequired', source: 'sourceRequired' });
  });

  it('checks the ATC code', () => {
    expect(validateForm(allergyForm({ atcCode: 'J01CE02' }), { today })).toEqual({});
    expect(validateForm(allergyForm({ atcCode: 'n02be01' }), { today })).toEqual({});
    expect(validateForm(allergyForm({ atcCode: 'Penicillin' }), { today }).atcCode).toBe('atcFormat');
    expect(validateForm(allergyForm({ atcCode: 'X01' }), { today }).atcCode).toBe('atcFormat');
  });

  it('refuses dates in the future, before birth, and impossible dates', () => {
    expect(validateForm(allergyForm({ startDate: '2026-11-26' }), { today })).toEqual({});
    expect(validateForm(allergyForm({ startDate: '2026-11-27' }), { today }).startDate).toBe('dateFuture');
    expect(validateForm(allergyForm({ startDate: '1990-01-01' }), { today, birthDate: '1995-03-04' }).startDate).toBe('dateBeforeBirth');
    expect(validateForm(allergyForm({ startDate: '2025-02-30' }), { today }).startDate).toBe('dateInvalid');
  });

  it('refuses over-long text', () => {
    expect(validateForm(allergyForm({ text: 'x'.repeat(201) }), { today }).text).toBe('tooLong');
  });
});
