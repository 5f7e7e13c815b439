import { describe, expect, it } from 'vitest';
import type { Composition } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { narrativeText } from '../../fhir/narrative';
import type { Persona } from '../../session/personnel';
import { compositionFromForm, correctionForm, emptyForm, formFromComposition, hasContent, retypeForm, setSectionText, textToXhtml } from './compose';

const persona: Persona = {
  id: 'bergen-homecare-nurse',
  name: 'Marius Pedersen',
  personnelGroup: 'homecare-nurse',
  practitionerId: 'prac-1',
  practitionerRoleId: 'role-1',
  organizationId: 'org-hc-1',
  unitName: 'Hjemmetjenesten Årstad',
  unitKind: 'home-care-district',
  municipalityCode: '4601',
  municipalityName: 'Bergen',
};
const now = new Date('2026-11-26T10:15:00+01:00');

describe('the note form', () => {
  it('starts a new note empty, with the headings of its type', () => {
    const form = emptyForm('home-visit-report');
    expect(form.title).toBe('');
    expect(form.sections.map((s) => [s.title, s.text, s.optional])).toEqual([
      ['Rapport', '', false],
      ['Tiltak utført', '', true],
      ['Avvik', '', true],
    ]);
    expect(hasContent(form)).toBe(false);
  });

  it('keeps what was written when the type changes', () => {
    let form = setSectionText(emptyForm('consultation'), 'reason', 'Hoste');
    form = setSectionText(form, 'plan', 'Kontroll');
    const phone = retypeForm(form, 'phone-contact');
    expect(phone.sections.map((s) => [s.title, s.text])).toEqual([
      ['Henvendelse', ''],
      ['Råd gitt', ''],
      ['Årsak', 'Hoste'],
      ['Plan', 'Kontroll'],
    ]);
    // Back again: the texts land under their own headings.
    expect(retypeForm(phone, 'consultation').sections.map((s) => s.text)).toEqual(['Hoste', '', '', 'Kontroll']);
  });
});

describe('the Composition written', () => {
  const form = { ...setSectionText(emptyForm('home-visit-report'), 'report', 'Morgenstell utført.\nSår stelt <2 cm> & tørt.'), title: '' };

  it('writes a draft as a preliminary Composition with type, service, author, unit and the non-empty sections', () => {
    const c = compositionFromForm(form, 'preliminary', { persona, patientId: 'pat-1', now });
    expect(c).toMatchObject({
      resourceType: 'Composition',
      status: 'preliminary',
      type: { coding: [{ system: CODE_SYSTEM.noteType, code: 'home-visit-report', display: 'Rapport fra hjemmebesøk' }] },
      category: [{ coding: [{ system: CODE_SYSTEM.service, code: 'home-care' }] }],
      subject: { reference: 'Patient/pat-1' },
      author: [{ reference: 'PractitionerRole/role-1', display: 'Marius Pedersen' }],
      custodian: { reference: 'Organization/org-hc-1', display: 'Hjemmetjenesten Årstad' },
      title: 'Rapport fra hjemmebesøk',
    });
    expect(new Date(c.date).getTime()).toBe(now.getTime());
    expect(c.id).toBeUndefined();
    expect(c.attester).toBeUndefined();
    expect(c.relatesTo).toBeUndefined();
    expect(c.section).toHaveLength(1);
    expect(c.section![0]!.title).toBe('Rapport');
    expect(narrativeText(c.section![0]!.text!.div)).toBe('Morgenstell utført.\nSår stelt <2 cm> & tørt.');
  });

  it('signs as final with a legal attester at the signing time, keeping the draft id', () => {
    const draft: Composition = { ...compositionFromForm(form, 'preliminary', { persona, patientId: 'pat-1', now }), id: 'd1', meta: { versionId: '3' } };
    const c = compositionFromForm(form, 'signed', { persona, patientId: 'pat-1', now, base: draft });
    expect(c.id).toBe('d1');
    expect(c.status).toBe('final');
    expect(c.attester).toEqual([{ mode: 'legal', time: c.date, party: { reference: 'PractitionerRole/role-1', display: 'Marius Pedersen' } }]);
  });

  it('writes a correction as a new amended Composition that replaces the old one, prefilled with its content', () => {
    const original: Composition = {
      resourceType: 'Composition',
      id: 'note-1',
      status: 'final',
      type: { coding: [{ system: CODE_SYSTEM.noteType, code: 'phone-contact' }] },
      date: '2026-11-20T08:00:00+01:00',
      author: [{ reference: 'PractitionerRole/role-1' }],
      title: 'Telefon: hoste',
      encounter: { reference: 'Encounter/enc-1' },
      section: [
        { title: 'Henvendelse', text: { status: 'generated', div: textToXhtml('Hoster') } },
        { title: 'Vurdering og råd', text: { status: 'generated', div: textToXhtml('Drikk godt') } },
      ],
    };
    const fix = correctionForm(original);
    expect(fix.replaces).toBe('note-1');
    expect(fix.title).toBe('Telefon: hoste');
    expect(fix.sections.map((s) => [s.title, s.text])).toEqual([
      ['Henvendelse', 'Hoster'],
      ['Råd gitt', ''],
      ['Vurdering og råd', 'Drikk godt'],
    ]);
    const draft = compositionFromForm(fix, 'preliminary', { persona, patientId: 'pat-1', now });
    expect(draft.status).toBe('preliminary');
    expect(draft.relatesTo).toEqual([{ code: 'replaces', targetReference: { reference: 'Composition/note-1' } }]);
    const signed = compositionFromForm(fix, 'signed', { persona, patientId: 'pat-1', now });
    expect(signed.id).toBeUndefined();
    expect(signed.status).toBe('amended');
    expect(signed.encounter).toEqual({ reference: 'Encounter/enc-1' });
    expect(signed.section?.map((s) => s.title)).toEqual(['Henvendelse', 'Vurdering og råd']);
    // Reading the stored draft back gives the same form.
    expect(formFromComposition({ ...draft, id: 'x' })).toEqual({ ...fix });
  });
});
