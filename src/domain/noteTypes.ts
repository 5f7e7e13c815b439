/**
 * Journal note types (Composition.type, code system CODE_SYSTEM.noteType) and the Norwegian
 * words written into the journal for each. One table for the seed and the app, so old and new
 * notes read alike. Pure: no app imports.
 */
export type NoteTypeCode =
  | 'consultation'
  | 'home-visit-report'
  | 'triage-note'
  | 'emergency-note'
  | 'phone-contact'
  | 'health-station-consultation'
  | 'physio-note'
  | 'nursing-home-report';

export const NOTE_TYPE_DISPLAY: Readonly<Record<NoteTypeCode, string>> = {
  consultation: 'Konsultasjonsnotat',
  'home-visit-report': 'Rapport fra hjemmebesøk',
  'triage-note': 'Triagenotat',
  'emergency-note': 'Legevaktnotat',
  'phone-contact': 'Telefonkontakt',
  'health-station-consultation': 'Helsestasjonskonsultasjon',
  'physio-note': 'Fysioterapinotat',
  'nursing-home-report': 'Rapport sykehjem',
};
