/**
 * What a clinician typed in the patient search box, understood: an 11-digit national id, a
 * birth date (31.12.1999, 31121999, 1999-12-31) or a name. Pure: no app imports.
 */
export type PatientQuery =
  | { kind: 'empty' }
  | { kind: 'too-short' }
  | { kind: 'identifier'; value: string }
  | { kind: 'invalid-identifier'; value: string; error: 'checksum' | 'date' | 'format' }
  | { kind: 'birthdate'; value: string }
  | { kind: 'name'; value: string };

export type IdentifierCheck = (digits: string) => { ok: true } | { ok: false; error: 'checksum' | 'date' | 'format' };

function isoDate(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parsePatientQuery(input: string, checkIdentifier: IdentifierCheck): PatientQuery {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return { kind: 'empty' };
  const digits = text.replace(/[\s.]/g, '');
  if (/^\d{11}$/.test(digits)) {
    const check = checkIdentifier(digits);
    return check.ok ? { kind: 'identifier', value: digits } : { kind: 'invalid-identifier', value: digits, error: check.error };
  }
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(digits);
  if (match) {
    const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    if (date) return { kind: 'birthdate', value: date };
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const date = isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
    if (date) return { kind: 'birthdate', value: date };
  }
  if (/^\d+$/.test(digits)) return { kind: 'too-short' };
  if (text.replace(/[^\p{L}]/gu, '').length < 2) return { kind: 'too-short' };
  return { kind: 'name', value: text };
}
