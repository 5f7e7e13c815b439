// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PERSONNEL_GROUPS } from '../../session/personnel';
import { notesEn, notesNb } from './i18n';
import { DEFAULT_NOTE_TYPE, FREE_HEADINGS, NOTE_TYPES, SERVICE_OF_NOTE_TYPE, headingsFor, isNoteTypeCode } from '../../journal/notes/noteTypes';

const titles = (code: string) => headingsFor(code).map((h) => (h.optional ? `${h.title}?` : h.title));

describe('headings by note type', () => {
  it('gives a consultation the four classic headings', () => {
    expect(titles('consultation')).toEqual(['Årsak', 'Funn', 'Vurdering', 'Plan']);
  });

  it('gives a home visit report a report, with actions done and deviations as optional headings', () => {
    expect(titles('home-visit-report')).toEqual(['Rapport', 'Tiltak utført?', 'Avvik?']);
  });

  it('gives a phone contact the inquiry and the advice given', () => {
    expect(titles('phone-contact')).toEqual(['Henvendelse', 'Råd gitt']);
  });

  it('gives triage and emergency notes the headings the emergency clinic writes', () => {
    expect(titles('triage-note')).toEqual(['Hastegrad', 'Problemstilling', 'Vitale parametere?']);
    expect(titles('emergency-note')).toEqual(['Årsak', 'Funn', 'Vurdering', 'Plan']);
  });

  it('gives the other types, and unknown types, one free section', () => {
    for (const code of ['health-station-consultation', 'physio-note', 'nursing-home-report', 'something-else', undefined]) {
      expect(headingsFor(code)).toHaveLength(1);
    }
    expect(headingsFor('something-else')).toBe(FREE_HEADINGS);
  });

  it('covers every note type of the seed, with unique heading ids per type, a service and translations', () => {
    expect(NOTE_TYPES.map((t) => t.code).sort()).toEqual(
      ['consultation', 'emergency-note', 'health-station-consultation', 'home-visit-report', 'nursing-home-report', 'phone-contact', 'physio-note', 'triage-note'],
    );
    for (const type of NOTE_TYPES) {
      const ids = type.headings.map((h) => h.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(type.headings.some((h) => !h.optional)).toBe(true);
      expect(SERVICE_OF_NOTE_TYPE[type.code]).toBeTruthy();
      expect(notesNb.type[type.code]).toBe(type.display);
      expect(notesEn.type[type.code]).toBeTruthy();
      for (const id of ids) {
        expect(notesNb.heading[id as keyof typeof notesNb.heading]).toBeTruthy();
        expect(notesEn.heading[id as keyof typeof notesEn.heading]).toBeTruthy();
      }
    }
  });

  it('starts every personnel group on a known note type', () => {
    for (const group of PERSONNEL_GROUPS) expect(isNoteTypeCode(DEFAULT_NOTE_TYPE[group])).toBe(true);
  });
});
