// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Observation } from 'fhir/r4';
import { defaultInclude, diagnosisLines, emptyDraft, medicationLines, recipientKindOf, typesFor, validate, vitalLines } from './model';

const NOW = Date.parse('2026-11-26T10:00:00+01:00');

describe('compose model', () => {
  it('offers helseopplysninger til lege to home care, and bekymringsmelding only to the health station and the emergency clinic', () => {
    expect(typesFor('homecare-nurse')[0]).toBe('helseopplysninger-lege');
    expect(typesFor('hs-nurse')).toContain('bekymringsmelding');
    expect(typesFor('ed-doctor')).toContain('bekymringsmelding');
    expect(typesFor('gp')).not.toContain('bekymringsmelding');
    expect(typesFor('homecare-nurse')).not.toContain('bekymringsmelding');
  });

  it('names every missing field of an empty draft', () => {
    const draft = emptyDraft('homecare-nurse', '', NOW);
    expect(validate(draft, NOW)).toEqual({ patient: 'patientRequired', recipient: 'recipientRequired', text: 'textRequired' });
  });

  it('a question needs a due time in the future; a notice needs none', () => {
    const draft = { ...emptyDraft('homecare-nurse', 'p1', NOW), recipient: 'PractitionerRole/gp', text: 'Spørsmål' };
    expect(validate(draft, NOW)).toEqual({});
    expect(validate({ ...draft, due: '2026-11-25T10:00' }, NOW)).toEqual({ due: 'dueInvalid' });
    expect(validate({ ...draft, due: '' }, NOW)).toEqual({ due: 'dueInvalid' });
    expect(validate({ ...draft, type: 'avviksmelding', due: '' }, NOW)).toEqual({});
  });

  it('a sick note needs a period that ends after it starts, a degree of 20–100 %, an ICPC-2 diagnosis and the work assessment, not a free text', () => {
    const draft = { ...emptyDraft('gp', 'p1', NOW), type: 'sykmelding' as const, recipient: 'Organization/org-nav-4601' };
    expect(draft.sickNote.from).toBe('2026-11-26');
    expect(validate(draft, NOW)).toEqual({ diagnosis: 'diagnosisRequired', assessment: 'assessmentRequired' });
    const filled = { ...draft, sickNote: { ...draft.sickNote, diagnosis: { system: 'icpc2' as const, code: 'L03', text: 'Korsryggsymptomer' }, assessment: 'Tunge løft' } };
    expect(validate(filled, NOW)).toEqual({});
    expect(validate({ ...filled, sickNote: { ...filled.sickNote, to: '2026-11-20' } }, NOW)).toEqual({ period: 'periodInvalid' });
    expect(validate({ ...filled, sickNote: { ...filled.sickNote, degree: '10' } }, NOW)).toEqual({ degree: 'degreeInvalid' });
    expect(validate({ ...filled, sickNote: { ...filled.sickNote, degree: 'halv' } }, NOW)).toEqual({ degree: 'degreeInvalid' });
    expect(typesFor('gp')).toContain('sykmelding');
    expect(typesFor('homecare-nurse')).not.toContain('sykmelding');
  });

  it('the GP refers to a hospital and writes a medical certificate to Nav; home care reports an admission to the hospital, prefilled from the journal', () => {
    expect(typesFor('gp')).toEqual(expect.arrayContaining(['henvisning', 'legeerklaering', 'sykmelding']));
    expect(typesFor('homecare-nurse')).toContain('innleggelsesrapport');
    expect(typesFor('hs-nurse')).not.toContain('henvisning');
    expect(recipientKindOf('henvisning')).toBe('hospital');
    expect(recipientKindOf('innleggelsesrapport')).toBe('hospital');
    expect(recipientKindOf('legeerklaering')).toBe('nav');
    expect(recipientKindOf('bekymringsmelding')).toBe('barnevern');
    expect(recipientKindOf('foresporsel')).toBe('journal');
    expect(defaultInclude('innleggelsesrapport')).toEqual({ medications: true, vitals: true, diagnoses: true });
    expect(defaultInclude('foresporsel')).toEqual({ medications: false, vitals: false, diagnoses: false });
    const referral = { ...emptyDraft('gp', 'p1', NOW), type: 'henvisning' as const, recipient: 'Organization/org-hus' };
    expect(validate(referral, NOW)).toEqual({ text: 'textRequired' });
    expect(validate({ ...referral, text: 'Vurdering av brystsmerter' }, NOW)).toEqual({});
  });

  it('writes what the journal holds as lines: medications with dosage, the newest of each vital sign, coded diagnoses', () => {
    expect(medicationLines([{ resourceType: 'MedicationStatement', status: 'active', subject: {}, medicationCodeableConcept: { text: 'Furosemid 40 mg' }, dosage: [{ text: '1 x 1' }] }])).toEqual(['Furosemid 40 mg, 1 x 1']);
    const obs = (code: string, value: number, at: string): Observation => ({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ code }], text: code === '8867-4' ? 'Puls' : 'Temperatur' },
      valueQuantity: { value, unit: code === '8867-4' ? '/min' : '°C' },
      effectiveDateTime: at,
    });
    expect(vitalLines([obs('8867-4', 88, 'b'), obs('8867-4', 70, 'a'), obs('8310-5', 38.2, 'b')], (t) => t)).toEqual(['Puls: 88 /min (b)', 'Temperatur: 38.2 °C (b)']);
    expect(diagnosisLines([{ resourceType: 'Condition', subject: {}, code: { coding: [{ code: 'K77' }], text: 'Hjertesvikt' } }])).toEqual(['K77 Hjertesvikt']);
  });
});
