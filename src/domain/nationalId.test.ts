// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { controlDigits, formatNationalId, makeSyntheticFnr, parseNationalId } from './nationalId';

// Fixtures: check digits worked out by hand from the DOMAIN.md formulas
// (k1 weights 3 7 6 1 8 9 4 5 2, k2 weights 5 4 3 2 7 6 5 4 3 2, 11 → 0, 10 → invalid),
// never by the code under test.

describe('controlDigits', () => {
  it('gives 15 for the DOMAIN.md worked example 311299567', () => {
    // k1: 3·3+1·7+1·6+2·1+9·8+9·9+5·4+6·5+7·2 = 241; 241 mod 11 = 10; 11 − 10 = 1
    // k2: 3·5+1·4+1·3+2·2+9·7+9·6+5·5+6·4+7·3+1·2 = 215; 215 mod 11 = 6; 11 − 6 = 5
    expect(controlDigits('311299567')).toBe('15');
  });

  it('turns a result of 11 into 0', () => {
    expect(controlDigits('010190004')).toBe('07'); // k1: sum ≡ 0 (mod 11)
    expect(controlDigits('010190008')).toBe('30'); // k2: sum ≡ 0 (mod 11)
  });

  it('returns null when k1 or k2 would be 10', () => {
    expect(controlDigits('311299501')).toBeNull(); // k1 = 10
    expect(controlDigits('311299504')).toBeNull(); // k1 = 4, k2 = 10
  });

  it('returns null for input that is not nine digits', () => {
    expect(controlDigits('31129956')).toBeNull();
    expect(controlDigits('3112995671')).toBeNull();
    expect(controlDigits('31129956x')).toBeNull();
  });
});

describe('parseNationalId', () => {
  it('accepts the DOMAIN.md worked example 31129956715', () => {
    const r = parseNationalId('31129956715');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe('31129956715');
    // Individnummer 567 with year 99: DOMAIN.md's 500–999 → 2000–2039 cannot apply to year 99;
    // the standard rule (500–749, year 54–99 → 1854–1899) gives 1899.
    expect(r.info).toEqual({ kind: 'fnr', synthetic: false, birthDate: '1899-12-31', sex: 'male' });
  });

  it('tolerates spaces and dots', () => {
    for (const input of ['311299 56715', '31.12.99 56715', ' 311299\u00a056715 ', '31 12 99 567 15']) {
      const r = parseNationalId(input);
      expect(r.ok, input).toBe(true);
      if (r.ok) expect(r.value).toBe('31129956715');
    }
  });

  it('reads an ordinary fødselsnummer: date, 1900s century, sex', () => {
    expect(parseNationalId('01019012480')).toEqual({
      ok: true,
      value: '01019012480',
      info: { kind: 'fnr', synthetic: false, birthDate: '1990-01-01', sex: 'female' }, // 124: 4 even
    });
    expect(parseNationalId('12034523523')).toMatchObject({
      ok: true,
      info: { birthDate: '1945-03-12', sex: 'male' }, // individnummer 235: 5 odd
    });
    expect(parseNationalId('12034523442')).toMatchObject({
      ok: true,
      info: { birthDate: '1945-03-12', sex: 'female' }, // individnummer 234: 4 even
    });
  });

  it('maps individnummer 500–999 to 2000–2039 (DOMAIN.md)', () => {
    expect(parseNationalId('01010150074')).toMatchObject({ ok: true, info: { birthDate: '2001-01-01', sex: 'female' } });
    expect(parseNationalId('01012050190')).toMatchObject({ ok: true, info: { birthDate: '2020-01-01', sex: 'male' } });
    expect(parseNationalId('31123999935')).toMatchObject({ ok: true, info: { birthDate: '2039-12-31', sex: 'male' } });
    expect(parseNationalId('29020050088')).toMatchObject({ ok: true, info: { birthDate: '2000-02-29' } }); // 2000 is a leap year
  });

  it('applies the standard rule where DOMAIN.md gives no century', () => {
    expect(parseNationalId('01015450068')).toMatchObject({ ok: true, info: { birthDate: '1854-01-01' } }); // 500, year 54
    expect(parseNationalId('01019974940')).toMatchObject({ ok: true, info: { birthDate: '1899-01-01' } }); // 749, year 99
    expect(parseNationalId('01015095012')).toMatchObject({ ok: true, info: { birthDate: '1950-01-01' } }); // 950, year 50
    expect(parseNationalId('01015075097')).toEqual({ ok: false, error: 'date' }); // 750, year 50: no century
  });

  it('reads a D-nummer (first digit of the day + 4)', () => {
    expect(parseNationalId('41019012393')).toEqual({
      ok: true,
      value: '41019012393',
      info: { kind: 'dnr', synthetic: false, birthDate: '1990-01-01', sex: 'male' },
    });
  });

  it('reads an H-nummer (month + 40)', () => {
    expect(parseNationalId('01509012330')).toEqual({
      ok: true,
      value: '01509012330',
      info: { kind: 'hnr', synthetic: false, birthDate: '1990-10-01', sex: 'male' },
    });
  });

  it('accepts synthetic Test-Norge numbers (month + 80), also as D-nummer', () => {
    expect(parseNationalId('01819012365')).toEqual({
      ok: true,
      value: '01819012365',
      info: { kind: 'fnr', synthetic: true, birthDate: '1990-01-01', sex: 'male' },
    });
    expect(parseNationalId('41819012359')).toEqual({
      ok: true,
      value: '41819012359',
      info: { kind: 'dnr', synthetic: true, birthDate: '1990-01-01', sex: 'male' },
    });
  });

  it("rejects a wrong check digit with 'checksum'", () => {
    expect(parseNationalId('31129956716')).toEqual({ ok: false, error: 'checksum' }); // k2 wrong
    expect(parseNationalId('31129956705')).toEqual({ ok: false, error: 'checksum' }); // k1 wrong
    expect(parseNationalId('13129956715')).toEqual({ ok: false, error: 'checksum' }); // swapped digits
    expect(parseNationalId('01819012366')).toEqual({ ok: false, error: 'checksum' }); // synthetic, k2 wrong
  });

  it("rejects an impossible calendar date with 'date', even with valid check digits", () => {
    expect(parseNationalId('29020150260')).toEqual({ ok: false, error: 'date' }); // 29.02.2001
    expect(parseNationalId('29020012380')).toEqual({ ok: false, error: 'date' }); // 29.02.1900: not a leap year
    expect(parseNationalId('31049012392')).toEqual({ ok: false, error: 'date' }); // 31.04
    expect(parseNationalId('41509012324')).toEqual({ ok: false, error: 'date' }); // D-nummer and H-nummer at once
  });

  it("rejects out-of-range day and month fields with 'date'", () => {
    for (const v of ['00019012345', '32019012345', '01009012345', '01139012345', '01939012345', '72019012345']) {
      expect(parseNationalId(v), v).toEqual({ ok: false, error: 'date' });
    }
  });

  it("rejects letters and wrong lengths with 'format'", () => {
    for (const v of ['', '3112995671', '311299567155', '3112995671A', 'abcdefghijk', '311299-56715', '+4731129956715']) {
      expect(parseNationalId(v), v).toEqual({ ok: false, error: 'format' });
    }
  });
});

describe('formatNationalId', () => {
  it('puts a space between the birth date and the personal number', () => {
    expect(formatNationalId('31129956715')).toBe('311299 56715');
    expect(formatNationalId('31.12.99 567 15')).toBe('311299 56715');
  });

  it('leaves anything that is not 11 digits unchanged', () => {
    expect(formatNationalId('12345')).toBe('12345');
    expect(formatNationalId('')).toBe('');
  });
});

/** A small seeded generator (mulberry32), so failures can be reproduced. */
function seededRandomInt(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(u * n);
  };
}

function isoFromEpochDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

describe('makeSyntheticFnr', () => {
  it('round-trips through parseNationalId for many random dates 1920–2025', () => {
    const rnd = seededRandomInt(20240601);
    const first = Date.UTC(1920, 0, 1) / 86_400_000;
    const last = Date.UTC(2025, 11, 31) / 86_400_000;
    for (let i = 0; i < 2000; i++) {
      const birthDate = isoFromEpochDay(first + rnd(last - first + 1));
      const sex = rnd(2) === 0 ? 'male' : 'female';
      const fnr = makeSyntheticFnr(birthDate, sex, rnd);
      expect(fnr).toMatch(/^\d{11}$/);
      const month = Number(fnr.slice(2, 4));
      expect(month).toBeGreaterThanOrEqual(81);
      expect(month).toBeLessThanOrEqual(92);
      const individ = Number(fnr.slice(6, 9));
      // DOMAIN.md: 000–499 for 1900–1999, 500–999 for 2000–2039
      if (birthDate < '2000') expect(individ).toBeLessThanOrEqual(499);
      else expect(individ).toBeGreaterThanOrEqual(500);
      const parsed = parseNationalId(fnr);
      expect(parsed, `${birthDate} ${sex} ${fnr}`).toEqual({
        ok: true,
        value: fnr,
        info: { kind: 'fnr', synthetic: true, birthDate, sex },
      });
    }
  });

  it('covers the edges of both centuries', () => {
    const rnd = seededRandomInt(7);
    for (const birthDate of ['1900-01-01', '1999-12-31', '2000-01-01', '2000-02-29', '2039-12-31']) {
      for (const sex of ['male', 'female'] as const) {
        const parsed = parseNationalId(makeSyntheticFnr(birthDate, sex, rnd));
        expect(parsed).toMatchObject({ ok: true, info: { synthetic: true, birthDate, sex } });
      }
    }
  });

  it('still finds a valid number when the random source keeps returning the same value', () => {
    // 2001-01-02 synthetic (prefix 028101) with individnummer 501 gives a check digit of 10;
    // a generator stuck at 0 (→ 501 for a male) must not loop forever; the next male
    // individnummer, 503, has check digits 11.
    const stuck = () => 0;
    const fnr = makeSyntheticFnr('2001-01-02', 'male', stuck);
    expect(fnr).toBe('02810150311');
    expect(parseNationalId(fnr)).toMatchObject({ ok: true, info: { birthDate: '2001-01-02', sex: 'male', synthetic: true } });
    const female = makeSyntheticFnr('2012-01-01', 'female', () => 249);
    expect(parseNationalId(female)).toMatchObject({ ok: true, info: { birthDate: '2012-01-01', sex: 'female' } });
  });

  it('rejects malformed or out-of-range birth dates', () => {
    const rnd = seededRandomInt(1);
    expect(() => makeSyntheticFnr('1899-12-31', 'male', rnd)).toThrow(RangeError);
    expect(() => makeSyntheticFnr('2040-01-01', 'male', rnd)).toThrow(RangeError);
    expect(() => makeSyntheticFnr('2001-02-29', 'male', rnd)).toThrow(RangeError);
    expect(() => makeSyntheticFnr('01.01.2001', 'male', rnd)).toThrow(RangeError);
  });
});
