/**
 * Norwegian organisasjonsnummer (Enhetsregisteret, FHIR system urn:oid:2.16.578.1.12.4.1.4.101):
 * nine digits, the last a mod-11 check digit over the first eight with weights 3 2 7 6 5 4 3 2.
 * Check digit = 11 − (sum mod 11); 11 becomes 0; 10 means the number cannot exist.
 * Pure: no imports from outside src/domain.
 */

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for eight digits, or null when it would be 10 (or the input is not 8 digits). */
function checkDigit(first8: string): number | null {
  if (!/^\d{8}$/.test(first8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (first8.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null;
  return k;
}

/** True for nine digits with a correct check digit. Spaces (as in "974 760 673") are ignored. */
export function isValidOrgNumber(v: string): boolean {
  const digits = v.replace(/[\s\u00a0]/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  const k = checkDigit(digits.slice(0, 8));
  return k !== null && k === digits.charCodeAt(8) - 48;
}

/**
 * A random valid organisasjonsnummer starting with 8 or 9 (as Enhetsregisteret assigns them).
 * `randomInt(n)` returns an integer in [0, n). Draws again when the check digit would be 10.
 */
export function makeOrgNumber(randomInt: (n: number) => number): string {
  const draw = (n: number): number => {
    const r = Math.floor(randomInt(n));
    return r >= 0 && r < n ? r : Math.abs(r) % n;
  };
  let first8 = '';
  for (let attempt = 0; attempt < 100; attempt++) {
    first8 = String(8 + draw(2));
    for (let i = 0; i < 7; i++) first8 += String(draw(10));
    const k = checkDigit(first8);
    if (k !== null) return first8 + String(k);
  }
  // A random source that keeps producing unusable numbers: step the last digit instead.
  // Changing digit 8 (weight 2) by one changes the sum by 2, so at most one of ten values fails.
  const head = first8.slice(0, 7);
  for (let d = 0; d < 10; d++) {
    const k = checkDigit(head + String(d));
    if (k !== null) return `${head}${d}${k}`;
  }
  throw new RangeError('No valid organisation number found'); // unreachable
}
