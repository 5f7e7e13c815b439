/**
 * Norwegian national identity numbers (../shared/DOMAIN.md, "Fødselsnummer"):
 * fødselsnummer, D-nummer, H-nummer (felles hjelpenummer) and synthetic Test-Norge numbers.
 *
 * Layout: DDMMYY + individnummer (3 digits) + k1 + k2.
 * - D-nummer: 4 added to the first digit of the day (day + 40).
 * - H-nummer: 40 added to the month.
 * - Test-Norge (synthetic): 80 added to the month (months 81–92); may be combined with a D-nummer.
 * - k1, k2: mod-11 check digits; a result of 11 becomes 0, a result of 10 makes the number invalid.
 * - Third digit of the individnummer: odd = male, even = female.
 *
 * Century: DOMAIN.md gives individnummer 000–499 → 1900–1999 and 500–999 → 2000–2039. For the
 * combinations DOMAIN.md does not cover (500–999 with a two-digit year 40–99) the standard rule of
 * the National Population Register is applied: 500–749 with year 54–99 → 1854–1899 and
 * 900–999 with year 40–99 → 1940–1999; 750–899 with year 40–99 has no valid century ('date').
 * Pure: no imports from outside src/domain.
 */

export type NationalIdKind = 'fnr' | 'dnr' | 'hnr';

export interface NationalIdInfo {
  kind: NationalIdKind;
  /** Test-Norge number (month + 80): cannot belong to a real person. */
  synthetic: boolean;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female';
}

export type NationalIdError = 'format' | 'date' | 'checksum';

export type NationalIdResult =
  | { ok: true; /** 11 digits, no spaces */ value: string; info: NationalIdInfo }
  | { ok: false; error: NationalIdError };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function digitsOf(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0) - 48);
}

/** 11 − (Σ dᵢ·wᵢ mod 11); 11 → 0; 10 → null (no valid check digit). */
function mod11(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null;
  return k;
}

/**
 * The two check digits k1k2 for the first nine digits, or null when either would be 10
 * (the individnummer cannot be used) or when `first9` is not exactly nine digits.
 */
export function controlDigits(first9: string): string | null {
  if (!/^\d{9}$/.test(first9)) return null;
  const d = digitsOf(first9);
  const k1 = mod11(d, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = mod11([...d, k1], K2_WEIGHTS);
  if (k2 === null) return null;
  return `${k1}${k2}`;
}

/** Full year for a two-digit year and individnummer, or null when no century is defined. */
function fullYear(yy: number, individ: number): number | null {
  if (individ <= 499) return 1900 + yy;
  if (yy <= 39) return 2000 + yy; // 500–999 → 2000–2039 (DOMAIN.md)
  if (individ <= 749 && yy >= 54) return 1800 + yy; // standard rule, not covered by DOMAIN.md
  if (individ >= 900) return 1900 + yy; // standard rule, not covered by DOMAIN.md
  return null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Removes the separators people type: spaces (including non-breaking) and dots. */
function normalise(input: string): string {
  return input.replace(/[\s.\u00a0]/g, '');
}

/**
 * Parses and validates a fødselsnummer, D-nummer, H-nummer or synthetic Test-Norge number.
 * Spaces and dots are ignored. Checks are made in this order: 'format' (not 11 digits),
 * 'date' (no valid birth date: bad day/month, 31.02, D- and H-nummer combined, or an
 * individnummer with no century for the year), 'checksum' (k1 or k2 wrong).
 */
export function parseNationalId(input: string): NationalIdResult {
  const value = normalise(input);
  if (!/^\d{11}$/.test(value)) return { ok: false, error: 'format' };
  const d = digitsOf(value);

  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individ = Number(value.slice(6, 9));

  let kind: NationalIdKind = 'fnr';
  if (day > 40) {
    kind = 'dnr';
    day -= 40;
  }
  let synthetic = false;
  if (month > 80) {
    synthetic = true;
    month -= 80;
  } else if (month > 40) {
    if (kind === 'dnr') return { ok: false, error: 'date' }; // D-nummer and H-nummer at once
    kind = 'hnr';
    month -= 40;
  }

  const year = fullYear(yy, individ);
  const birthDate = year === null ? null : isoDate(year, month, day);
  if (birthDate === null) return { ok: false, error: 'date' };

  const k1 = mod11(d, K1_WEIGHTS);
  const k2 = mod11(d, K2_WEIGHTS);
  if (k1 === null || k2 === null || k1 !== d[9] || k2 !== d[10]) return { ok: false, error: 'checksum' };

  const sex = (d[8] ?? 0) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, info: { kind, synthetic, birthDate, sex } };
}

/**
 * A synthetic Test-Norge fødselsnummer (month + 80) for a birth date 1900-01-01 … 2039-12-31.
 * The individnummer is drawn in the range DOMAIN.md gives for the century (000–499 for
 * 1900–1999, 500–999 for 2000–2039) with the third digit odd for male, even for female, and
 * drawn again until both check digits are valid. `randomInt(n)` returns an integer in [0, n).
 * Throws a RangeError for a malformed or out-of-range birth date.
 */
export function makeSyntheticFnr(
  birthDate: string,
  sex: 'male' | 'female',
  randomInt: (n: number) => number,
): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) throw new RangeError(`Birth date must be YYYY-MM-DD: ${birthDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (isoDate(year, month, day) === null) throw new RangeError(`Not a calendar date: ${birthDate}`);
  if (year < 1900 || year > 2039) throw new RangeError(`Birth year outside 1900–2039: ${birthDate}`);

  const rangeStart = year < 2000 ? 0 : 500;
  const parity = sex === 'male' ? 1 : 0;
  const prefix = `${pad(day, 2)}${pad(month + 80, 2)}${pad(year % 100, 2)}`;
  // 250 individnummer of the right parity in the range: individ = rangeStart + 2·i + parity.
  const candidate = (i: number): string | null => {
    const first9 = `${prefix}${pad(rangeStart + 2 * i + parity, 3)}`;
    const k = controlDigits(first9);
    return k === null ? null : first9 + k;
  };

  for (let attempt = 0; attempt < 100; attempt++) {
    const i = Math.floor(randomInt(250));
    if (i >= 0 && i < 250) {
      const fnr = candidate(i);
      if (fnr !== null) return fnr;
    }
  }
  // A random source that keeps landing on unusable numbers: walk the range instead.
  const start = Math.abs(Math.floor(randomInt(250))) % 250;
  for (let step = 0; step < 250; step++) {
    const fnr = candidate((start + step) % 250);
    if (fnr !== null) return fnr;
  }
  throw new RangeError(`No valid individnummer for ${birthDate}`); // unreachable in practice
}

/** "31129956715" → "311299 56715" (birth date part, space, personal part). Spaces and dots in
 * the input are ignored; anything that is not 11 digits is returned unchanged. */
export function formatNationalId(value: string): string {
  const v = normalise(value);
  if (!/^\d{11}$/.test(v)) return value;
  return `${v.slice(0, 6)} ${v.slice(6)}`;
}
