import { describe, expect, it } from 'vitest';
import type { Bundle, DiagnosticReport, Encounter, EpisodeOfCare, Observation, Patient } from 'fhir/r4';
import { CODE_SYSTEM, IDENTIFIER } from '../../domain/codeSystems';
import { REVIEW_STATUS_SYSTEM } from '../../fhir/results/review';
import { buildRows, compareRows, DEFAULT_SORT, listView, nextSort, NO_FILTERS, parseListQuery, type ListRow, type ListSort } from './model';
import { contactSince } from './searches';

const NOW = new Date('2026-11-26T10:00:00+01:00');

const patient = (id: string, family: string, given: string, birthDate: string, fnr?: string): Patient => ({
  resourceType: 'Patient',
  id,
  name: [{ family, given: [given] }],
  birthDate,
  ...(fnr ? { identifier: [{ system: IDENTIFIER.fnr, value: fnr }] } : {}),
});
const contact = (patientId: string, start: string): Encounter => ({ resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject: { reference: `Patient/${patientId}` }, period: { start } });
const episode = (patientId: string, service: string, status: EpisodeOfCare['status'] = 'active'): EpisodeOfCare => ({
  resourceType: 'EpisodeOfCare',
  status,
  patient: { reference: `Patient/${patientId}` },
  type: [{ coding: [{ system: CODE_SYSTEM.service, code: service }] }],
});
const unseen = { tag: [{ system: REVIEW_STATUS_SYSTEM, code: 'unseen' }] };
const obs = (id: string, interpretation?: string): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  meta: unseen,
  code: { text: id },
  valueQuantity: { value: 1 },
  ...(interpretation ? { interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: interpretation }] }] } : {}),
});
const report = (id: string, patientId: string, results: string[]): DiagnosticReport => ({
  resourceType: 'DiagnosticReport',
  id,
  status: 'final',
  meta: unseen,
  code: { text: id },
  subject: { reference: `Patient/${patientId}` },
  result: results.map((r) => ({ reference: `Observation/${r}` })),
});
const bundle = (reports: DiagnosticReport[], observations: Observation[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [...reports.map((resource) => ({ resource, search: { mode: 'match' as const } })), ...observations.map((resource) => ({ resource, search: { mode: 'include' as const } }))],
});

const PATIENTS = [
  patient('p-ola', 'Nordmann', 'Ola', '1950-03-15', '15035012345'),
  patient('p-kari', 'Øvrebø', 'Kari', '1988-12-31', '31128854321'),
  patient('p-asa', 'Aasen', 'Åsa', '2019-06-01', '01061999999'),
  patient('p-per', 'Berg-Nordmann', 'Per', '1950-03-20'),
];

function rows(): ListRow[] {
  return buildRows({
    patients: PATIENTS,
    contacts: [contact('p-ola', '2026-01-10T09:00:00+01:00'), contact('p-ola', '2026-10-01T09:00:00+02:00'), contact('p-kari', '2026-03-01T09:00:00+01:00')],
    episodes: [episode('p-ola', 'home-care'), episode('p-per', 'nursing-home'), episode('p-kari', 'home-care', 'finished')],
    unseenResults: [bundle([report('r1', 'p-kari', ['o1']), report('r2', 'p-kari', ['o2']), report('r3', 'p-per', ['o3'])], [obs('o1', 'H'), obs('o2', 'LL'), obs('o3')])],
    now: NOW,
  });
}
const byId = (id: string) => rows().find((r) => r.id === id)!;
const ids = (list: readonly ListRow[]) => list.map((r) => r.id);
const view = (text: string, filters = NO_FILTERS, sort: ListSort = DEFAULT_SORT) => listView(rows(), { query: parseListQuery(text), filters, sort });

describe('buildRows', () => {
  it('gives each patient the newest office contact, active care episodes and unseen abnormal results', () => {
    expect(byId('p-ola')).toMatchObject({ name: 'Nordmann, Ola', age: 76, lastContact: '2026-10-01T09:00:00+02:00', homeCare: true, nursingHome: false, unseenAbnormal: 0, nationalId: '15035012345' });
    // A finished home-care episode is not home care; two abnormal unseen reports count two.
    expect(byId('p-kari')).toMatchObject({ homeCare: false, unseenAbnormal: 2, lastContact: '2026-03-01T09:00:00+01:00' });
    // A normal unseen result is not flagged; no contact in the window.
    expect(byId('p-per')).toMatchObject({ nursingHome: true, unseenAbnormal: 0, lastContact: undefined, nationalId: undefined });
    expect(byId('p-asa').age).toBe(7);
  });
});

describe('search', () => {
  it('finds names by the start of any name part, folding æ, ø and å', () => {
    expect(ids(view('nordmann').rows)).toEqual(['p-per', 'p-ola']);
    expect(ids(view('ola nor').rows)).toEqual(['p-ola']);
    expect(ids(view('ovrebo').rows)).toEqual(['p-kari']);
    expect(ids(view('ØVREBØ').rows)).toEqual(['p-kari']);
    expect(ids(view('asa').rows)).toEqual(['p-asa']);
    expect(ids(view('xyz').rows)).toEqual([]);
  });

  it('finds the fødselsnummer by its start, and birth dates as they are typed', () => {
    expect(ids(view('150350').rows)).toEqual(['p-ola']);
    expect(ids(view('311288 54321').rows)).toEqual(['p-kari']);
    expect(ids(view('31.12.1988').rows)).toEqual(['p-kari']);
    expect(ids(view('20.3.1950').rows)).toEqual(['p-per']);
    expect(ids(view('1950-03-15').rows)).toEqual(['p-ola']);
    expect(ids(view('1950').rows)).toEqual(['p-per', 'p-ola']);
    expect(ids(view('nordmann 20.03').rows)).toEqual(['p-per']);
  });

  it('understands what was typed', () => {
    expect(parseListQuery('  Ola  1.2.1980 ')).toEqual({ words: ['ola'], digits: ['01021980'] });
    expect(parseListQuery('1980-2')).toEqual({ words: [], digits: ['198002'] });
    expect(parseListQuery('')).toEqual({ words: [], digits: [] });
  });
});

describe('filters', () => {
  it('keeps only the patients every chosen filter fits, and counts each filter over the whole list', () => {
    const all = view('');
    expect(all.total).toBe(4);
    expect(all.filterCounts).toEqual({ homeCare: 1, unseenAbnormal: 1, noRecentContact: 2 });
    expect(ids(view('', { ...NO_FILTERS, homeCare: true }).rows)).toEqual(['p-ola']);
    expect(ids(view('', { ...NO_FILTERS, unseenAbnormal: true }).rows)).toEqual(['p-kari']);
    expect(ids(view('', { ...NO_FILTERS, noRecentContact: true }).rows)).toEqual(['p-per', 'p-asa']);
    expect(ids(view('', { ...NO_FILTERS, noRecentContact: true, homeCare: true }).rows)).toEqual([]);
    expect(ids(view('berg', { ...NO_FILTERS, noRecentContact: true }).rows)).toEqual(['p-per']);
  });
});

describe('order', () => {
  it('sorts names in Norwegian order (Ø after Z, and Aa is Å)', () => {
    expect(ids(view('').rows)).toEqual(['p-per', 'p-ola', 'p-kari', 'p-asa']);
    expect(ids(view('', NO_FILTERS, { key: 'name', direction: 'desc' }).rows)).toEqual(['p-asa', 'p-kari', 'p-ola', 'p-per']);
  });

  it('sorts by age by birth date, youngest first ascending', () => {
    expect(ids(view('', NO_FILTERS, { key: 'age', direction: 'asc' }).rows)).toEqual(['p-asa', 'p-kari', 'p-per', 'p-ola']);
    expect(ids(view('', NO_FILTERS, { key: 'age', direction: 'desc' }).rows)).toEqual(['p-ola', 'p-per', 'p-kari', 'p-asa']);
  });

  it('sorts by last contact: longest ago first, those with none in the window before all, in name order', () => {
    expect(ids(view('', NO_FILTERS, { key: 'lastContact', direction: 'asc' }).rows)).toEqual(['p-per', 'p-asa', 'p-kari', 'p-ola']);
    expect(ids(view('', NO_FILTERS, { key: 'lastContact', direction: 'desc' }).rows)).toEqual(['p-ola', 'p-kari', 'p-per', 'p-asa']);
  });

  it('puts patients without a birth date last whichever way', () => {
    const [a, b] = rows();
    const noDate = { ...a!, id: 'x', birthDate: undefined };
    expect(compareRows({ key: 'age', direction: 'asc' })(noDate, b!)).toBeGreaterThan(0);
    expect(compareRows({ key: 'age', direction: 'desc' })(noDate, b!)).toBeGreaterThan(0);
  });

  it('a header click turns the order round, or starts a new column ascending', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'desc' }, 'age')).toEqual({ key: 'age', direction: 'asc' });
  });
});

describe('contactSince', () => {
  it('is the local date twelve months back', () => {
    expect(contactSince(NOW)).toBe('2025-11-26');
    expect(contactSince(new Date('2024-02-29T12:00:00+01:00'))).toBe('2023-02-28');
  });
});
