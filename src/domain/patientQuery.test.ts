// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parsePatientQuery, type IdentifierCheck } from './patientQuery';

const acceptAll: IdentifierCheck = () => ({ ok: true });
const rejectChecksum: IdentifierCheck = () => ({ ok: false, error: 'checksum' });

describe('understanding what was typed in the patient search', () => {
  it('treats 11 digits as a national id, with spaces allowed', () => {
    expect(parsePatientQuery('311299 56715', acceptAll)).toEqual({ kind: 'identifier', value: '31129956715' });
  });
  it('reports a national id with wrong check digits instead of searching', () => {
    expect(parsePatientQuery('31129956716', rejectChecksum)).toEqual({ kind: 'invalid-identifier', value: '31129956716', error: 'checksum' });
  });
  it('understands Norwegian and ISO birth dates', () => {
    expect(parsePatientQuery('31.12.1999', acceptAll)).toEqual({ kind: 'birthdate', value: '1999-12-31' });
    expect(parsePatientQuery('1.2.2024', acceptAll)).toEqual({ kind: 'birthdate', value: '2024-02-01' });
    expect(parsePatientQuery('31121999', acceptAll)).toEqual({ kind: 'birthdate', value: '1999-12-31' });
    expect(parsePatientQuery('1999-12-31', acceptAll)).toEqual({ kind: 'birthdate', value: '1999-12-31' });
  });
  it('does not take an impossible date for a birth date', () => {
    expect(parsePatientQuery('31.02.2020', acceptAll).kind).not.toBe('birthdate');
  });
  it('searches names of two letters or more, keeping Norwegian letters', () => {
    expect(parsePatientQuery('  Øy ', acceptAll)).toEqual({ kind: 'name', value: 'Øy' });
    expect(parsePatientQuery('ola  nordmann', acceptAll)).toEqual({ kind: 'name', value: 'ola nordmann' });
  });
  it('waits for more input on one letter or a few digits', () => {
    expect(parsePatientQuery('a', acceptAll)).toEqual({ kind: 'too-short' });
    expect(parsePatientQuery('3112', acceptAll)).toEqual({ kind: 'too-short' });
    expect(parsePatientQuery('   ', acceptAll)).toEqual({ kind: 'empty' });
  });
});
