// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { isValidOrgNumber, makeOrgNumber } from './organisationNumber';

describe('isValidOrgNumber', () => {
  it('accepts real organisation numbers from Enhetsregisteret', () => {
    for (const n of [
      '974760673', // Brønnøysundregistrene
      '923609016', // Equinor ASA
      '971526920', // Statistisk sentralbyrå
      '889640782', // Arbeids- og velferdsetaten (Nav)
      '991825827', // Digitaliseringsdirektoratet
      '983544622', // Helsedirektoratet
      '994598759', // Norsk helsenett SF
    ]) {
      expect(isValidOrgNumber(n), n).toBe(true);
    }
  });

  it('accepts a check digit of 0 (11 − 0 = 11 → 0)', () => {
    // 9·3+7·2+4·7+7·6+6·5+0·4+6·3+3·2 = 165 ≡ 0 (mod 11)
    expect(isValidOrgNumber('974760630')).toBe(true);
  });

  it('ignores spaces', () => {
    expect(isValidOrgNumber('974 760 673')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidOrgNumber('974760674')).toBe(false);
    expect(isValidOrgNumber('923609061')).toBe(false); // last two digits swapped
    expect(isValidOrgNumber('974760631')).toBe(false);
  });

  it('rejects numbers whose check digit would be 10, whatever the last digit', () => {
    // 9·3+7·2+4·7+7·6+6·5+0·4+6·3+9·2 = 177 ≡ 1 (mod 11) → 11 − 1 = 10
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`97476069${d}`)).toBe(false);
  });

  it('rejects wrong lengths and non-digits', () => {
    for (const v of ['', '97476067', '9747606730', '97476067A', 'NO974760673', '974-760-673']) {
      expect(isValidOrgNumber(v), v).toBe(false);
    }
  });
});

describe('makeOrgNumber', () => {
  it('makes valid nine-digit numbers starting with 8 or 9', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const firstDigits = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const n = makeOrgNumber(rnd);
      expect(n).toMatch(/^[89]\d{8}$/);
      expect(isValidOrgNumber(n), n).toBe(true);
      firstDigits.add(n.charAt(0));
    }
    expect([...firstDigits].sort()).toEqual(['8', '9']);
  });

  it('terminates with a valid number when the random source is stuck', () => {
    for (const stuck of [0, 1, 9]) {
      const n = makeOrgNumber((m) => Math.min(stuck, m - 1));
      expect(isValidOrgNumber(n), n).toBe(true);
      expect(n).toMatch(/^[89]/);
    }
  });
});
